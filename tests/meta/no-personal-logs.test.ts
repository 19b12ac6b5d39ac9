import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../support/shared-fixtures';

const SHIPPED = ['lib', 'components', 'entrypoints'];
const LOGGER = path.join('lib', 'log.ts');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return files(full);
    return /\.(ts|tsx)$/.test(name) ? [full] : [];
  });
}

/**
 * Console output of the extension can end up in bug reports and on a seized device: it carries
 * codes and counts only. Everything logs through lib/log.ts, which accepts no strings.
 */
describe('no personal data in logs', () => {
  it('has no console call in shipped code outside the logger', () => {
    const offenders = SHIPPED.flatMap((d) => files(path.join(repoRoot, d)))
      .filter((f) => path.relative(repoRoot, f) !== LOGGER)
      .flatMap((f) =>
        readFileSync(f, 'utf8')
          .split('\n')
          .flatMap((line, i) =>
            /\bconsole\s*\.\s*[a-z]+\s*\(/.test(line)
              ? [`${path.relative(repoRoot, f)}:${i + 1}`]
              : [],
          ),
      );
    expect(offenders).toEqual([]);
  });

  it('the logger takes only numbers and booleans besides its code', async () => {
    const { logEvent } = await import('../../lib/log');
    expect(() => logEvent('Aigerim Tleuzhan')).toThrow(/snake_case/);
    expect(() => logEvent('https://x.com/a')).toThrow(/snake_case/);
    // Refused by the types, and at run time (tests/meta/logger-runtime.test.ts).
    // @ts-expect-error strings are not accepted as fields
    expect(() => logEvent('vault.locked', { name: 'x' })).toThrow(/numbers or booleans/);
  });
});
