import { concatBytes, fromBase64, toBase64, toHex } from '../evidence/hex';
import { classifyAnswer } from './classify';
import { partRange, type PackageDigest } from './digest';
import { LockerError } from './errors';
import { md5 } from './md5';
import type { RequestSigner, S3Op } from './s3-op';
import { escapeXml, s3Error, xmlText } from './s3-xml';
import { bareEtag, DEFAULT_SEND, send, type Sent } from './send';
import { ensureLocked } from './retention';
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
}

export type { Receipt };

/**
 * Uploads one package into the locked bucket and proves it arrived: Content-MD5 on every request
 * (the server checks the bytes it stores), Object Lock mode and retain-until on the request that
 * creates the object, the answer's ETag compared with our own MD5 (a single PUT) or with the
 * multipart rule (MD5 of the parts' MD5s, then `-<parts>`), a version id required (Object Lock
 * implies versioning), then — where the credentials allow reading metadata — a HEAD that checks
 * size, SHA-256 metadata, lock mode and retain-until. Anything short of that is an error and the
 * package stays queued.
 */
export async function uploadPackage(job: UploadJob, options: UploadOptions): Promise<Receipt> {
  const ctx = context(options);
  const lockHeaders = {
    'x-amz-object-lock-mode': job.mode,
    'x-amz-object-lock-retain-until-date': job.retainUntil,
    'content-type': 'application/zip',
    ...job.metadata,
  };
  let created: { etag: string; versionId: string | null };
  if (job.digest.parts.length === 1) {
    const op: S3Op = {
      op: 'put',
      key: job.key,
      headers: { ...lockHeaders, 'content-md5': job.digest.parts[0]! },
    };
    const request = await options.signer.sign(op);
    await options.onCommitting?.();
    const answer = await ctx.send(op, request, job.body);
    created = {
      etag: bareEtag(answer.headers.get('etag')) ?? '',
      versionId: answer.headers.get('x-amz-version-id'),
    };
    const expected = toHex(fromBase64(job.digest.parts[0]!));
    if (created.etag !== expected)
      throw new LockerError(
        'not_confirmed',
        `the locker's ETag ${created.etag || '(none)'} is not the MD5 we sent (${expected})`,
      );
    options.onProgress?.(job.digest.size, job.digest.size);
  } else {
    created = await multipart(job, lockHeaders, options, ctx);
  }
  if (!created.versionId || created.versionId === 'null')
    throw new LockerError(
      'no_object_lock',
      'the locker stored the package without a version id: the bucket does not keep versions, so Object Lock is not on',
    );
  if (job.digest.parts.length > 1)
    await ensureLocked(job.key, created.versionId, job.retainUntil, options.signer, ctx);
  return verifyStored(job, created, options.signer, ctx);
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
): Promise<{ etag: string; versionId: string | null }> {
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
  const answer = await ctx.send(op, request, xml);
  const said = bareEtag(xmlText(answer.body, 'ETag') || answer.headers.get('etag'));
  const expected = `${toHex(md5(concatBytes(digest.parts.map(fromBase64))))}-${digest.parts.length}`;
  // Ceph RGW 16 answers the completion with an empty <ETag/>: then every part's own confirmed
  // ETag stands for it, and the HEAD that follows (where allowed) must show the expected one.
  if (said && said !== expected)
    throw new LockerError('not_confirmed', `the multipart ETag ${said} is not ${expected}`);
  return { etag: expected, versionId: answer.headers.get('x-amz-version-id') };
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
