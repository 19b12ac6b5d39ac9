import { runTempDir } from './run-temp-dir';

// Vitest's global setup for both projects (vitest.config.ts): one temporary folder for the whole
// run (see run-temp-dir.ts). Each project loads this file; only the first one makes the folder,
// and only it removes the folder, once every project's tests have finished.
let remove: (() => void) | null = null;

export function setup(): void {
  if (process.env.DALEL_RUN_TEMP) return;
  remove = runTempDir('unit');
  process.env.DALEL_RUN_TEMP = process.env.TMPDIR;
}

export function teardown(): void {
  remove?.();
  remove = null;
}
