import { LockerError } from './errors';
import type { Context, UploadJob } from './upload';
import type { RequestSigner, S3Op } from './s3-op';
import { bareEtag } from './send';

/** What the locker confirmed about one stored package: the custody event records exactly this. */
export interface Receipt {
  key: string;
  /** Null only when a completion's answer was lost and these credentials may not read it back. */
  versionId: string | null;
  etag: string;
  mode: 'COMPLIANCE';
  retainUntil: string;
  size: number;
  sha256: string;
  /**
   * `head`: a HEAD of the stored version confirmed size, SHA-256 metadata, lock mode and
   * retain-until; `etag`: the credentials may only write, so the upload's own answer (MD5 ETag
   * and version id) is the proof.
   */
  verified: 'head' | 'etag';
}

/**
 * Asks the locker what it now holds under the key, where the credentials may read metadata (a
 * write-only key may not; that is the recommended setup, so a 403 here is not an error).
 */
export async function verifyStored(
  job: UploadJob,
  created: { etag: string; versionId: string | null },
  signer: RequestSigner,
  ctx: Context,
): Promise<Receipt> {
  const receipt: Receipt = {
    key: job.key,
    versionId: created.versionId!,
    etag: created.etag,
    mode: job.mode,
    retainUntil: job.retainUntil,
    size: job.digest.size,
    sha256: job.digest.sha256,
    verified: 'etag',
  };
  const head = await headObject(job.key, signer, ctx);
  if (head === 'forbidden') return receipt;
  if (head === 'absent')
    throw new LockerError(
      'not_confirmed',
      `the locker has nothing under ${job.key} right after storing it`,
    );
  const problems = headProblems(head, job, created);
  if (problems.length)
    throw new LockerError(
      'not_confirmed',
      `the stored package does not match: ${problems.join('; ')}`,
    );
  return { ...receipt, verified: 'head' };
}

/** The latest version's headers, `absent` (404) or `forbidden` (the credentials may not read). */
export async function headObject(
  key: string,
  signer: RequestSigner,
  ctx: Context,
): Promise<Headers | 'absent' | 'forbidden'> {
  const op: S3Op = { op: 'head', key, headers: {} };
  let request;
  try {
    request = await signer.sign(op);
  } catch (error) {
    // A presigning service that does not offer HEAD: the same as a key that may not read.
    if (error instanceof LockerError && error.code === 'service_refused') return 'forbidden';
    throw error;
  }
  try {
    return (await ctx.send(op, request, null)).headers;
  } catch (error) {
    if (!(error instanceof LockerError) || !error.status) throw error;
    if (error.status.http === 404) return 'absent';
    if (error.status.http === 403 || error.status.http === 405) return 'forbidden';
    throw error;
  }
}

export function headProblems(
  head: Headers,
  job: UploadJob,
  created: { etag: string; versionId: string | null },
): string[] {
  const problems: string[] = [];
  const etag = bareEtag(head.get('etag'));
  if (etag !== created.etag) problems.push(`ETag ${etag} (the upload said ${created.etag})`);
  const version = head.get('x-amz-version-id');
  if (created.versionId && version !== created.versionId)
    problems.push(`version ${version} (the upload said ${created.versionId})`);
  const size = Number(head.get('content-length'));
  if (size !== job.digest.size) problems.push(`${size} bytes, not ${job.digest.size}`);
  const sha = head.get('x-amz-meta-dalel-sha256');
  if (sha !== job.digest.sha256) problems.push(`SHA-256 metadata ${sha}`);
  const mode = head.get('x-amz-object-lock-mode');
  if (mode !== job.mode) problems.push(`lock mode ${mode ?? 'none'}, not ${job.mode}`);
  const until = Date.parse(head.get('x-amz-object-lock-retain-until-date') ?? '');
  if (!(until >= Date.parse(job.retainUntil)))
    problems.push(
      `retained until ${head.get('x-amz-object-lock-retain-until-date') ?? 'never'}, not ${job.retainUntil}`,
    );
  return problems;
}
