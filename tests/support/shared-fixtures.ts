import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * The real saved pages live outside the repo (../shared/fixtures/real, beside the checkout) and
 * are never copied in. `DALEL_SHARED` overrides where shared/ is.
 */
export function sharedDir(): string | null {
  const candidates = [
    process.env.DALEL_SHARED,
    path.resolve(repoRoot, '../shared'),
    '/work/shared',
  ];
  return candidates.find((dir) => dir && existsSync(path.join(dir, 'fixtures/real'))) ?? null;
}

export function realFixturesDir(): string | null {
  const shared = sharedDir();
  return shared ? path.join(shared, 'fixtures/real') : null;
}

export const REAL_FIXTURES_MISSING =
  'SKIPPED: ../shared/fixtures/real is not present (set DALEL_SHARED); real-page tests did not run';

export { repoRoot };
