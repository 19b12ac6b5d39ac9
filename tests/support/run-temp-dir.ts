import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * Points every temporary file of one test run into a folder of its own and returns what removes
 * it at the end. The tests make browser profiles, unpacked packages and test CAs with `mkdtemp`
 * under `os.tmpdir()`, and Chromium and Firefox write their own temporary files there: a profile
 * can hold hundreds of megabytes (the full-disk and 200 MB export tests), and a machine that runs
 * the suites daily filled its disk with them. Setting TMPDIR here, before any worker starts, moves
 * all of them at once, the browsers' included, because workers and browsers inherit it.
 * `DALEL_KEEP_TEMP=1` keeps the folder to look into after a failure.
 */
export function runTempDir(label: string): () => void {
  const dir = mkdtempSync(path.join(os.tmpdir(), `dalel-${label}-run-`));
  process.env.TMPDIR = dir;
  return () => {
    if (process.env.DALEL_KEEP_TEMP === '1') {
      console.log(`DALEL_KEEP_TEMP=1: the ${label} run's temporary files are kept in ${dir}`);
      return;
    }
    try {
      // Retries: a browser closed a moment ago may still be removing its own files.
      rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
    } catch (error) {
      // Still mounted (a test's small disk not released): say so rather than fail a green run.
      console.warn(
        `could not remove the ${label} run's temporary files in ${dir}: ${String(error)}`,
      );
    }
  };
}
