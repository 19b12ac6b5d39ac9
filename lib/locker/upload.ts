import { concatBytes, fromBase64, toBase64, toHex } from '../evidence/hex';
import { classifyAnswer } from './classify';
import { partRange, type PackageDigest } from './digest';
import { LockerError } from './errors';
import { md5 } from './md5';
import type { RequestSigner, S3Op } from './s3-op';
import { escapeXml, s3Error, xmlText } from './s3-xml';
import { bareEtag, DEFAULT_SEND, send, type Sent } from './send';
import { retainUntil } from './config';
import { parsePackageKey, probeKey } from './object-key';
import { ensureLocked } from './retention';
import { alreadyStored } from './already-stored';
import { verifyStored, type Receipt } from './verify-stored';

export interface UploadJob {
  key: string;
  body: Blob;
  digest: PackageDigest;
  /** `x-amz-meta-dalel-*` headers (metadata.ts). */
  metadata: Record<string, string>;
  mode: 'COMPLIANCE';
  /** ISO date, whole seconds. */
  retainUntil: string;
}

/** A multipart upload under way: persisted after every confirmed part, so a restart resumes. */
export interface MultipartState {
  uploadId: string;
  /** ETag of each part the server confirmed, null for parts still to send. */
  etags: (string | null)[];
}

export interface UploadOptions {
  signer: RequestSigner;
  fetch?: typeof fetch;
  now?: () => number;
  stallMs?: number;
  minBytesPerSecond?: number;
  /** Parts in flight at once (default 3: enough to keep one TCP stream busy between parts). */
  concurrency?: number;
  onProgress?: (sent: number, total: number) => void;
  state?: MultipartState | null;
  saveState?: (state: MultipartState | null) => Promise<void>;
  /**
   * Called just before the request that makes the object exist (the PUT, or the multipart
   * completion): from then until the answer is recorded, a restart must first ask whether it
   * already arrived, or it would store a second version.
   */
  onCommitting?: () => Promise<void>;
  /** An earlier attempt sent the completion and did not hear back. */
  committed?: boolean;
}

export type { Receipt };

/**
 * Uploads one package into the locked bucket and proves it arrived. Always as a multipart upload
 * (one part for a small package): its upload id is what makes a retry safe — the object appears
 * only when that upload is completed, and one upload id completes at most once, so a request
 * still in flight from a stopped worker can never add a second copy. Content-MD5 on every part
 * (the server checks the bytes it stores), each part's ETag compared with our MD5, the
 * completion's ETag with the multipart rule (MD5 of the parts' MD5s, then `-<parts>`), a version
 * id required (Object Lock implies versioning), the lock made sure of (`ensureLocked`), then —
 * where the credentials may read metadata — a HEAD that checks size, SHA-256 metadata, lock mode
 * and retain-until. Anything short of that is an error and the package stays queued.
 */
export async function uploadPackage(job: UploadJob, options: UploadOptions): Promise<Receipt> {
  const ctx = context(options);
  const lockHeaders = {
    // The organisation (the bucket's owner) must be able to read what its monitors write; with
    // ACLs disabled (AWS's default) this is a no-op, on Ceph RGW and older buckets it is the grant.
    'x-amz-acl': 'bucket-owner-full-control',
    'x-amz-object-lock-mode': job.mode,
    'x-amz-object-lock-retain-until-date': job.retainUntil,
    'content-type': 'application/zip',
    ...job.metadata,
  };
  if (!options.state) await checkBucketLock(job, options.signer, ctx);
  const created = await multipart(job, lockHeaders, options, ctx);
  if (created === 'stored-earlier') {
    // The completion was sent before (its answer lost) and the upload id is spent: the package
    // is there if the locker says so.
    const found = await alreadyStored(job, options.signer, ctx);
    if (typeof found === 'object') return found;
    // A write-only key cannot look, but our own completion spent the upload id: it is stored.
    if (found === 'unknown') {
      await ensureLocked(job.key, null, job.retainUntil, options.signer, ctx);
      return {
        key: job.key,
        versionId: null,
        etag: expectedMultipartEtag(job.digest),
        mode: job.mode,
        retainUntil: job.retainUntil,
        size: job.digest.size,
        sha256: job.digest.sha256,
        verified: 'etag',
      };
    }
    throw new LockerError(
      'upload_gone',
      'the multipart upload no longer exists and the package is not there: starting again',
    );
  }
  if (!created.versionId || created.versionId === 'null')
    throw new LockerError(
      'no_object_lock',
      'the locker stored the package without a version id: the bucket does not keep versions, so Object Lock is not on',
    );
  await ensureLocked(job.key, created.versionId, job.retainUntil, options.signer, ctx);
  return verifyStored(job, created, options.signer, ctx);
}

/**
 * Asks whether the bucket has Object Lock before any evidence goes there, storing nothing: a
 * tiny PUT with the lock headers and a Content-MD5 that does not match its body. A bucket with
 * Object Lock refuses it as `BadDigest` (the bytes are checked, nothing is kept); one without
 * refuses the lock headers first (`InvalidRequest`). Needed because Ceph RGW 16 accepts a
 * multipart upload with lock headers into a bucket without Object Lock. The credentials are
 * checked on the way (a wrong key fails here, before the package is read).
 */
export async function checkBucketLock(
  job: UploadJob,
  signer: RequestSigner,
  ctx: Context,
): Promise<void> {
  const at = new Date(ctx.now());
  const body = 'Dalel: does this bucket have Object Lock? (this request is meant to be refused)';
  const op: S3Op = {
    op: 'put',
    key: probeKey(parsePackageKey(job.key)?.fingerprint ?? '', at),
    headers: {
      'content-md5': toBase64(md5(new TextEncoder().encode(`${body} — not these bytes`))),
      'content-type': 'text/plain; charset=utf-8',
      'x-amz-object-lock-mode': job.mode,
      'x-amz-object-lock-retain-until-date': retainUntil(at, 1),
    },
  };
  try {
    await ctx.send(op, await signer.sign(op), body);
  } catch (error) {
    if (error instanceof LockerError && error.code === 'bad_digest') return;
    throw error;
  }
}

export interface Context {
  now: () => number;
  send(
    op: S3Op,
    request: Awaited<ReturnType<RequestSigner['sign']>>,
    body: Blob | string | null,
  ): Promise<Sent>;
  kind: 'key' | 'presigned';
}

export function context(
  options: Pick<UploadOptions, 'fetch' | 'now' | 'stallMs' | 'minBytesPerSecond' | 'signer'>,
): Context {
  const now = options.now ?? Date.now;
  const sendOptions = {
    fetch: options.fetch ?? fetch,
    stallMs: options.stallMs ?? DEFAULT_SEND.stallMs,
    minBytesPerSecond: options.minBytesPerSecond ?? DEFAULT_SEND.minBytesPerSecond,
  };
  return {
    now,
    kind: options.signer.kind,
    async send(op, request, body) {
      const answer = await send(request, body, sendOptions);
      // CompleteMultipartUpload can fail with status 200 and an <Error> body.
      if (answer.status >= 300 || (op.op === 'complete-multipart' && s3Error(answer.body)))
        throw classifyAnswer(
          answer.status,
          answer.body,
          op.op,
          request,
          options.signer.kind,
          now(),
        );
      return answer;
    },
  };
}

async function multipart(
  job: UploadJob,
  lockHeaders: Record<string, string>,
  options: UploadOptions,
  ctx: Context,
): Promise<{ etag: string; versionId: string | null } | 'stored-earlier'> {
  const { digest } = job;
  let state =
    options.state && options.state.etags.length === digest.parts.length ? options.state : null;
  if (!state) {
    const op: S3Op = { op: 'create-multipart', key: job.key, headers: lockHeaders };
    const answer = await ctx.send(op, await options.signer.sign(op), null);
    const uploadId = xmlText(answer.body, 'UploadId');
    if (!uploadId) throw new LockerError('server', 'create-multipart: the answer has no UploadId');
    state = { uploadId, etags: digest.parts.map(() => null) };
    await options.saveState?.(state);
  }
  const current = state;
  const sentBytes = () =>
    current.etags.reduce(
      (sum, etag, i) => (etag ? sum + partRange(digest, i).end - partRange(digest, i).start : sum),
      0,
    );
  options.onProgress?.(sentBytes(), digest.size);
  const pending = current.etags.flatMap((etag, i) => (etag ? [] : [i]));
  let saving = Promise.resolve();
  const sendPart = async (index: number) => {
    const { start, end } = partRange(digest, index);
    const op: S3Op = {
      op: 'upload-part',
      key: job.key,
      uploadId: current.uploadId,
      partNumber: index + 1,
      headers: { 'content-md5': digest.parts[index]! },
    };
    const answer = await ctx.send(op, await options.signer.sign(op), job.body.slice(start, end));
    const etag = bareEtag(answer.headers.get('etag'));
    const expected = toHex(fromBase64(digest.parts[index]!));
    if (etag !== expected)
      throw new LockerError(
        'not_confirmed',
        `part ${index + 1}: ETag ${etag ?? '(none)'} is not its MD5 ${expected}`,
      );
    current.etags[index] = etag;
    // One save at a time, each with every part confirmed so far.
    saving = saving.then(() =>
      options.saveState?.({ uploadId: current.uploadId, etags: [...current.etags] }),
    );
    await saving;
    options.onProgress?.(sentBytes(), digest.size);
  };
  await runPool(pending, options.concurrency ?? 3, sendPart);
  const xml =
    '<CompleteMultipartUpload xmlns="http://s3.amazonaws.com/doc/2006-03-01/">' +
    current.etags
      .map(
        (etag, i) =>
          `<Part><PartNumber>${i + 1}</PartNumber><ETag>"${escapeXml(etag!)}"</ETag></Part>`,
      )
      .join('') +
    '</CompleteMultipartUpload>';
  const body = new TextEncoder().encode(xml);
  const op: S3Op = {
    op: 'complete-multipart',
    key: job.key,
    uploadId: current.uploadId,
    headers: { 'content-md5': toBase64(md5(body)), 'content-type': 'application/xml' },
  };
  const request = await options.signer.sign(op);
  await options.onCommitting?.();
  let answer;
  try {
    answer = await ctx.send(op, request, xml);
  } catch (error) {
    // A completion already sent by an earlier attempt consumed the upload id.
    if (error instanceof LockerError && error.code === 'upload_gone' && options.committed)
      return 'stored-earlier';
    throw error;
  }
  const versionId = answer.headers.get('x-amz-version-id');
  // Completing an upload id again: AWS answers NoSuchUpload, Ceph RGW answers success without a
  // version. Either way, it is the earlier completion that stored the package.
  if (options.committed && !versionId) return 'stored-earlier';
  const said = bareEtag(xmlText(answer.body, 'ETag') || answer.headers.get('etag'));
  const expected = expectedMultipartEtag(digest);
  // Ceph RGW 16 answers the completion with an empty <ETag/>: then every part's own confirmed
  // ETag stands for it, and the HEAD that follows (where allowed) must show the expected one.
  if (said && said !== expected)
    throw new LockerError('not_confirmed', `the multipart ETag ${said} is not ${expected}`);
  return { etag: expected, versionId };
}

/** S3's ETag of a multipart object: MD5 of the parts' MD5s, then `-<parts>`. */
export function expectedMultipartEtag(digest: PackageDigest): string {
  return `${toHex(md5(concatBytes(digest.parts.map(fromBase64))))}-${digest.parts.length}`;
}

/** Runs `task` over `items` with at most `limit` at once; the first failure stops new starts. */
async function runPool<T>(
  items: T[],
  limit: number,
  task: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  let failed: unknown = null;
  const worker = async () => {
    while (failed === null && next < items.length) {
      const item = items[next++]!;
      try {
        await task(item);
      } catch (error) {
        failed ??= error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  if (failed !== null) throw failed;
}
