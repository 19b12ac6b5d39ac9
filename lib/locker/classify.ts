import { LockerError, type LockerErrorCode } from './errors';
import type { S3OpName, SignedRequest } from './s3-op';
import { s3Error } from './s3-xml';

const STORAGE_FULL = new Set([
  'QuotaExceeded',
  'XMinioStorageFull',
  'InsufficientStorage',
  'StorageFull',
  'InsufficientCapacity',
]);
const WRONG_KEY = new Set([
  'InvalidAccessKeyId',
  'SignatureDoesNotMatch',
  'InvalidSecurity',
  'AuthorizationHeaderMalformed',
]);
const NO_LOCK = new Set(['ObjectLockConfigurationNotFoundError', 'InvalidBucketState']);

/**
 * What an S3 error answer means for the monitor. S3 engines differ in their messages (Ceph RGW
 * sends none at all), so the decision rests on the status, the error code and what was asked:
 * a PutObject with lock headers refused as `InvalidRequest` is a bucket without Object Lock
 * (AWS: "Bucket is missing Object Lock Configuration"; RGW: no message).
 */
export function classifyAnswer(
  status: number,
  body: string,
  op: S3OpName,
  request: SignedRequest,
  signerKind: 'key' | 'presigned',
  now: number,
): LockerError {
  const error = s3Error(body);
  const s3 = error?.code ?? null;
  const detail = `${op}: HTTP ${status}${s3 ? ` ${s3}` : ''}${error?.message ? ` — ${error.message}` : ''}`;
  const make = (code: LockerErrorCode) => new LockerError(code, detail, { http: status, s3 });
  const writesLocked = op === 'put' || op === 'create-multipart';
  if (s3 && STORAGE_FULL.has(s3)) return make('storage_full');
  if (status === 507) return make('storage_full');
  if (s3 === 'RequestTimeTooSkewed') return make('clock_skew');
  if (s3 && WRONG_KEY.has(s3)) return make(signerKind === 'key' ? 'wrong_key' : 'service_refused');
  if (status === 403 || s3 === 'AccessDenied') {
    const expired =
      (request.expiresAt !== null && now >= request.expiresAt) ||
      /expired/i.test(error?.message ?? '');
    return make(expired ? 'link_expired' : 'forbidden');
  }
  if (s3 === 'NoSuchBucket') return make('no_bucket');
  if (s3 && NO_LOCK.has(s3)) return make('no_object_lock');
  if (
    writesLocked &&
    status === 400 &&
    (s3 === 'InvalidRequest' || /object lock/i.test(error?.message ?? ''))
  )
    return make('no_object_lock');
  if (s3 === 'BadDigest' || s3 === 'InvalidDigest') return make('bad_digest');
  if (s3 === 'NoSuchUpload') return make('upload_gone');
  return make('server');
}
