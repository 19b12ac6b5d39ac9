import { execFileSync, spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../../cli/main';
import { repoRoot } from '../../support/shared-fixtures';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (t: string) => out.push(t), err: (t: string) => err.push(t) }, out, err };
}

describe('dalel CLI', () => {
  it('prints help with exit 0 for --help and 2 with no command', async () => {
    const a = capture();
    expect(await main(['--help'], a.io)).toBe(0);
    expect(a.out.join('\n')).toMatch(/Usage: dalel <command>/);
    const b = capture();
    expect(await main([], b.io)).toBe(2);
  });

  it('rejects an unknown command with exit 2 and names it', async () => {
    const c = capture();
    expect(await main(['frobnicate'], c.io)).toBe(2);
    expect(c.err.join('\n')).toMatch(/unknown command "frobnicate"/);
  });

  it('runs as a real executable (bin/dalel.mjs)', () => {
    const out = execFileSync(process.execPath, [path.join(repoRoot, 'bin/dalel.mjs'), '--help'], {
      encoding: 'utf8',
    });
    expect(out).toMatch(/dalel — evidence capture tools/);
    const bad = spawnSync(process.execPath, [path.join(repoRoot, 'bin/dalel.mjs'), 'nope'], {
      encoding: 'utf8',
    });
    expect(bad.status).toBe(2);
  });
});
