import { toBase64, toHex } from '../evidence/hex';
import { sha256 } from '../evidence/sha256';
import { LockerError } from './errors';
import { md5 } from './md5';
import type { S3Op } from './s3-op';
import type { Context } from './upload';
import type { RequestSigner } from './s3-op';
import { headObject } from './verify-stored';
import { xmlText } from './s3-xml';

/** The PutObjectRetention body: COMPLIANCE until `until`. */
export function retentionXml(until: string): string {
  return `<Retention xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Mode>COMPLIANCE</Mode><RetainUntilDate>${until}</RetainUntilDate></Retention>`;
}

/** Mode and date of a retention body, or null when it is not one. */
export function parseRetentionXml(xml: string): { mode: string; until: string } | null {
  const mode = xmlText(xml, 'Mode');
  const until = xmlText(xml, 'RetainUntilDate');
  return mode && until && !Number.isNaN(Date.parse(until)) ? { mode, until } : null;
}

export async function putRetentionOp(
  key: string,
  versionId: string | null,
  until: string,
): Promise<S3Op> {
  const body = retentionXml(until);
  const bytes = new TextEncoder().encode(body);
  return {
    op: 'put-retention',
    key,
    versionId,
    body,
    headers: {
      'content-md5': toBase64(md5(bytes)),
      'content-type': 'application/xml',
      'x-amz-content-sha256': toHex(await sha256(bytes)),
    },
  };
}

/**
 * Makes sure a version created by a multipart upload is locked. AWS applies the lock headers
 * given at CreateMultipartUpload; Ceph RGW 16 ignores them and stores the object unlocked (unless
 * the bucket has a default retention), so the lock is set explicitly with PutObjectRetention
 * when HEAD shows none, or cannot be asked. A refusal because the version already has a longer
 * retention (the bucket's default) is what we want.
 */
export async function ensureLocked(
  key: string,
  versionId: string | null,
  until: string,
  signer: RequestSigner,
  ctx: Context,
): Promise<void> {
  const head = await headObject(key, signer, ctx);
  if (
    typeof head !== 'string' &&
    head.get('x-amz-object-lock-mode') === 'COMPLIANCE' &&
    Date.parse(head.get('x-amz-object-lock-retain-until-date') ?? '') >= Date.parse(until)
  )
    return;
  const op = await putRetentionOp(key, versionId, until);
  try {
    await ctx.send(op, await signer.sign(op), (op as { body: string }).body);
  } catch (error) {
    if (
      error instanceof LockerError &&
      error.status?.http === 403 &&
      /shorten/i.test(error.message)
    )
      return;
    throw error;
  }
}
