import os from 'node:os';

/**
 * How many browsers the end-to-end suites run side by side. A test spends most of its time
 * waiting (for the page to settle, the worker to restart, the S3 engine to answer), so two
 * browsers on two cores finish in about three quarters of the time of one; more than two made CPU-heavy
 * steps (the passphrase's key derivation, the 32 MB flush) time out. `DALEL_E2E_WORKERS` overrides.
 */
export function e2eWorkers(): number {
  const asked = Number(process.env.DALEL_E2E_WORKERS);
  if (Number.isInteger(asked) && asked > 0) return asked;
  return Math.max(1, Math.min(2, os.availableParallelism()));
}
