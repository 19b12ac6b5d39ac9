import { toBase64, toHex } from '../evidence/hex';
import { LockerError, isLockerError, type LockerErrorCode } from './errors';
import { md5 } from './md5';
import { probeKey } from './object-key';
import type { RequestSigner, S3Op } from './s3-op';
import { bareEtag } from './send';
import { context, type UploadOptions } from './upload';
import { headObject } from './verify-stored';
import { retainUntil } from './config';

export type StepResult =
  | { ok: true }
  | { ok: false; code: LockerErrorCode; detail: string }
  /** Could not be checked with these credentials (a write-only key may not read metadata). */
  | { ok: null };

export interface ConnectionReport {
  /** A small object could be written into the bucket. */
  write: StepResult;
  /** The bucket refuses to store it without a version and accepted the lock on it. */
  objectLock: StepResult;
  /** The locker reports the retain-until date and mode that were asked for. */
  retention: StepResult;
  key: string;
  versionId: string | null;
  retainUntil: string;
}

const failed = (error: unknown): StepResult =>
  isLockerError(error)
    ? { ok: false, code: error.code, detail: error.message }
    : { ok: false, code: 'server', detail: (error as Error).message };

/**
 * "Test the connection": writes one small text object under this monitor's prefix with the
 * configured lock mode and a one-day retention (a probe must not occupy the bucket for ten
 * years), then reads back what the locker says about it. Each step is answered separately, so
 * Settings can say in plain words which one failed.
 */
export async function testConnection(
  fingerprint: string,
  options: Pick<UploadOptions, 'signer' | 'fetch' | 'now' | 'stallMs'> & { signer: RequestSigner },
): Promise<ConnectionReport> {
  const ctx = context(options);
  const now = new Date(ctx.now());
  const key = probeKey(fingerprint, now);
  const until = retainUntil(now, 1);
  const body = `Dalel connection test, ${now.toISOString()}. Kept for one day under Object Lock.\n`;
  const bytes = new TextEncoder().encode(body);
  const report: ConnectionReport = {
    write: { ok: null },
    objectLock: { ok: null },
    retention: { ok: null },
    key,
    versionId: null,
    retainUntil: until,
  };
  const op: S3Op = {
    op: 'put',
    key,
    headers: {
      'content-md5': toBase64(md5(bytes)),
      'content-type': 'text/plain; charset=utf-8',
      'x-amz-object-lock-mode': 'COMPLIANCE',
      'x-amz-object-lock-retain-until-date': until,
    },
  };
  try {
    const answer = await ctx.send(op, await options.signer.sign(op), body);
    const etag = bareEtag(answer.headers.get('etag'));
    if (etag !== toHex(md5(bytes)))
      throw new LockerError('not_confirmed', `ETag ${etag} is not the MD5 we sent`);
    report.write = { ok: true };
    report.versionId = answer.headers.get('x-amz-version-id');
  } catch (error) {
    const result = failed(error);
    // A refused lock header is a bucket problem, not a write problem: say which.
    if (!result.ok && result.ok !== null && result.code === 'no_object_lock') {
      report.write = { ok: true };
      report.objectLock = result;
    } else report.write = result;
    return report;
  }
  report.objectLock =
    report.versionId && report.versionId !== 'null'
      ? { ok: true }
      : {
          ok: false,
          code: 'no_object_lock',
          detail:
            'the locker stored the test without a version id (no versioning, so no Object Lock)',
        };
  try {
    const head = await headObject(key, options.signer, ctx);
    if (head === 'forbidden') return report;
    if (head === 'absent') {
      report.retention = {
        ok: false,
        code: 'not_confirmed',
        detail: 'the test object is not there right after writing it',
      };
      return report;
    }
    const mode = head.get('x-amz-object-lock-mode');
    const date = head.get('x-amz-object-lock-retain-until-date');
    if (mode !== 'COMPLIANCE')
      report.objectLock = {
        ok: false,
        code: 'no_object_lock',
        detail: `lock mode ${mode ?? 'none'}`,
      };
    report.retention =
      date && Date.parse(date) >= Date.parse(until)
        ? { ok: true }
        : {
            ok: false,
            code: 'not_confirmed',
            detail: `retained until ${date ?? 'never'}, asked ${until}`,
          };
  } catch (error) {
    report.retention = failed(error);
  }
  return report;
}
