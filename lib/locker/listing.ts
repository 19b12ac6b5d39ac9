import { parsePackageKey, type PackageKey } from './object-key';
import type { RequestSigner, S3Op } from './s3-op';
import { xmlBlocks, xmlText } from './s3-xml';
import { context, type UploadOptions } from './upload';
import { LockerError } from './errors';

export interface ListedObject {
  key: string;
  size: number;
  lastModified: string;
}

export interface ListedPackage extends PackageKey, ListedObject {}

export type ListOptions = Pick<UploadOptions, 'signer' | 'fetch' | 'now' | 'stallMs'> & {
  signer: RequestSigner;
};

/**
 * Every object in the bucket under `prefix` (ListObjectsV2, page by page; the newest version of
 * each key). Needs a key that may list — the coordinator's or lawyer's, not a monitor's.
 */
export async function listObjects(prefix: string, options: ListOptions): Promise<ListedObject[]> {
  const ctx = context(options);
  const found: ListedObject[] = [];
  let token: string | null = null;
  for (let page = 0; page < 100_000; page++) {
    const op: S3Op = { op: 'list', prefix, continuationToken: token, headers: {} };
    const answer = await ctx.send(op, await options.signer.sign(op), null);
    for (const block of xmlBlocks(answer.body, 'Contents')) {
      const key = xmlText(block, 'Key');
      if (!key) continue;
      found.push({
        key,
        size: Number(xmlText(block, 'Size') ?? 0),
        lastModified: xmlText(block, 'LastModified') ?? '',
      });
    }
    const truncated = xmlText(answer.body, 'IsTruncated') === 'true';
    token = xmlText(answer.body, 'NextContinuationToken');
    if (!truncated) return found;
    if (!token)
      throw new LockerError('server', 'list: a truncated page without a continuation token');
  }
  throw new LockerError('server', 'list: too many pages');
}

/** Every package under `prefix`, recognised by its name (`object-key.ts`); anything else is skipped. */
export async function listPackages(prefix: string, options: ListOptions): Promise<ListedPackage[]> {
  return (await listObjects(prefix, options)).flatMap((object) => {
    const parsed = parsePackageKey(object.key);
    return parsed ? [{ ...parsed, ...object }] : [];
  });
}
