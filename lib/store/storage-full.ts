import { ReasonedError } from '../i18n/reason';

/** The store refused a write because the disk or the browser's quota is full. */
export class StoreFullError extends ReasonedError {
  constructor(cause: unknown) {
    super('fail_storage_full');
    this.name = 'StoreFullError';
    this.cause = cause;
  }
}

/**
 * True when an error (or one it wraps: Dexie's AbortError `.inner`, or `.cause`) says the storage
 * is full: a quota error, our own StoreFullError, or a full disk, which Chromium reports as
 * "DataError: Failed to write blobs (IOError)" rather than as a quota error (seen in
 * tests/e2e/reliability-quota.spec.ts, on a full tmpfs).
 */
export function isStorageFull(error: unknown): boolean {
  const seen = new Set<unknown>();
  for (
    let e = error;
    e && !seen.has(e);
    e = (e as { inner?: unknown; cause?: unknown }).inner ?? (e as { cause?: unknown }).cause
  ) {
    seen.add(e);
    const name = (e as { name?: string }).name;
    if (name === 'QuotaExceededError' || name === 'StoreFullError') return true;
    if (/\bIOError\b|Failed to write blobs|No space left/i.test((e as Error).message ?? ''))
      return true;
  }
  return false;
}
