/**
 * Why an upload to the locker did not succeed, as a code the interface words in the monitor's
 * language, plus an English detail for logs of the CLI and the tests. Every failure leaves the
 * package queued: nothing is lost, and `retry` says whether trying again later can help without
 * someone changing the settings.
 */
export const LOCKER_ERROR_CODES = [
  /** The access key id is unknown or the secret does not match. */
  'wrong_key',
  /** The credentials (or a link) are valid but not allowed to do this. */
  'forbidden',
  /** The presigned link had expired when it reached the locker. */
  'link_expired',
  /** The bucket does not exist at this endpoint. */
  'no_bucket',
  /** The bucket has no Object Lock (or no versioning): it would not keep the package safe. */
  'no_object_lock',
  /** The locker's storage (or the organisation's quota there) is full. */
  'storage_full',
  /** The locker accepted the connection but stopped answering. */
  'stalled',
  /** No connection at all (offline, wrong address, blocked). */
  'unreachable',
  /** The extension may not reach this host yet (optional host permission not granted). */
  'no_permission',
  /** The bytes arrived damaged (Content-MD5 mismatch): sent again. */
  'bad_digest',
  /** The answer does not prove the package is stored as sent and locked. */
  'not_confirmed',
  /** The organisation's presigning service refused or failed. */
  'service_refused',
  /** This device's clock is too far from the locker's (SigV4 allows 15 minutes). */
  'clock_skew',
  /** A multipart upload the queue was resuming no longer exists on the server: start it again. */
  'upload_gone',
  /** Anything else the server answered with (5xx, unknown codes). */
  'server',
] as const;
export type LockerErrorCode = (typeof LOCKER_ERROR_CODES)[number];

const RETRYABLE: ReadonlySet<LockerErrorCode> = new Set([
  'link_expired',
  'storage_full',
  'stalled',
  'unreachable',
  'bad_digest',
  'server',
  'not_confirmed',
  'upload_gone',
]);

export class LockerError extends Error {
  constructor(
    readonly code: LockerErrorCode,
    detail: string,
    /** HTTP status and S3 error code, when the server answered. */
    readonly status?: { http: number; s3: string | null },
  ) {
    super(detail);
    this.name = 'LockerError';
  }

  /** Trying again later can succeed without anyone changing the settings. */
  get retryable(): boolean {
    return RETRYABLE.has(this.code);
  }
}

export function isLockerError(error: unknown): error is LockerError {
  return error instanceof Error && error.name === 'LockerError' && 'code' in error;
}
