import { ensureLocked } from './retention';
import type { RequestSigner } from './s3-op';
import { bareEtag } from './send';
import type { Context, UploadJob } from './upload';
import { headObject, verifyStored, type Receipt } from './verify-stored';

/**
 * After a restart in the middle of the request that creates the object: is the package already
 * there (same SHA-256 metadata)? Then it is made sure of (locked, checked) and its receipt comes
 * from the locker, and nothing is sent again. `absent` when it is not there; `unknown` when the
 * credentials may not read metadata (a write-only key).
 */
export async function alreadyStored(
  job: UploadJob,
  signer: RequestSigner,
  ctx: Context,
): Promise<Receipt | 'absent' | 'unknown'> {
  const head = await headObject(job.key, signer, ctx);
  if (head === 'forbidden') return 'unknown';
  if (head === 'absent' || head.get('x-amz-meta-dalel-sha256') !== job.digest.sha256)
    return 'absent';
  const created = {
    etag: bareEtag(head.get('etag')) ?? '',
    versionId: head.get('x-amz-version-id'),
  };
  if (!created.versionId || created.versionId === 'null') return 'absent';
  // A worker stopped between the completion and the lock (Ceph RGW locks multipart uploads only
  // when asked again): lock it now, then check everything.
  await ensureLocked(job.key, created.versionId, job.retainUntil, signer, ctx);
  return verifyStored(job, created, signer, ctx);
}
