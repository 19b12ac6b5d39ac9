import { fromBase64, toBase64, toHex } from '../evidence/hex';
import { LockerError } from './errors';
import { md5 } from './md5';
import type { RequestSigner, S3Op } from './s3-op';
import { bareEtag } from './send';
import type { Context } from './upload';

/**
 * Puts a package's signed team index (`team-index.ts`) next to it: one small PUT, locked like the
 * package (COMPLIANCE, the same retain-until), with Content-MD5 and its ETag checked. Sending it
 * twice (an answer lost) stores the same bytes as a second version: harmless, it is not evidence.
 */
export async function uploadIndex(
  key: string,
  text: string,
  lock: { mode: 'COMPLIANCE'; retainUntil: string },
  signer: RequestSigner,
  ctx: Context,
): Promise<void> {
  const body = new TextEncoder().encode(text);
  const contentMd5 = toBase64(md5(body));
  const op: S3Op = {
    op: 'put',
    key,
    headers: {
      'content-md5': contentMd5,
      'content-type': 'application/json',
      'x-amz-acl': 'bucket-owner-full-control',
      'x-amz-object-lock-mode': lock.mode,
      'x-amz-object-lock-retain-until-date': lock.retainUntil,
    },
  };
  const answer = await ctx.send(op, await signer.sign(op), text);
  const etag = bareEtag(answer.headers.get('etag'));
  const expected = toHex(fromBase64(contentMd5));
  if (etag !== expected)
    throw new LockerError(
      'not_confirmed',
      `index: ETag ${etag ?? '(none)'} is not its MD5 ${expected}`,
    );
}
