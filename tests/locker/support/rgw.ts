import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { AwsV4Signer } from 'aws4fetch';
import { inject } from 'vitest';
import type { S3User } from '../../support/rgw/cluster';
import { keySigner } from '../../../lib/locker/key-signer';
import { xmlBlocks, xmlText } from '../../../lib/locker/s3-xml';

export interface RgwInfo {
  endpoint: string;
  region: string;
  admin: S3User;
  dir: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    rgw: RgwInfo | null;
  }
}

export const rgw = inject('rgw');

/** Runs a Ceph admin command against the test cluster. */
export function ceph(bin: 'ceph' | 'radosgw-admin', args: string[]): string {
  const conf = path.join(rgw!.dir, 'ceph.conf');
  const result = spawnSync(
    bin,
    ['-c', conf, ...(bin === 'radosgw-admin' ? ['-n', 'client.admin'] : []), ...args],
    {
      encoding: 'utf8',
    },
  );
  if (result.status !== 0) throw new Error(`${bin} ${args.join(' ')}: ${result.stderr}`);
  return result.stdout;
}

let counter = 0;
/** A fresh bucket name per test. */
export function bucketName(label: string): string {
  return `${label}-${process.pid}-${Date.now().toString(36)}-${counter++}`
    .toLowerCase()
    .slice(0, 63);
}

/** Raw S3 as the coordinator (the bucket owner): what the tests use to look at the bucket. */
export async function s3(
  method: string,
  pathAndQuery: string,
  init: { headers?: Record<string, string>; body?: string | Uint8Array; user?: S3User } = {},
): Promise<Response> {
  const user = init.user ?? rgw!.admin;
  const signed = await new AwsV4Signer({
    method,
    url: `${rgw!.endpoint}${pathAndQuery}`,
    headers: { ...init.headers, 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD' },
    accessKeyId: user.accessKeyId,
    secretAccessKey: user.secretAccessKey,
    service: 's3',
    region: rgw!.region,
  }).sign();
  return fetch(signed.url, {
    method,
    headers: signed.headers,
    body: init.body as BodyInit | undefined,
  });
}

/** Creates a bucket, with Object Lock (and so versioning) unless `lock` is false. */
export async function createBucket(name: string, lock = true): Promise<void> {
  const response = await s3(
    'PUT',
    `/${name}`,
    lock ? { headers: { 'x-amz-bucket-object-lock-enabled': 'true' } } : {},
  );
  if (response.status !== 200)
    throw new Error(`create bucket ${name}: ${response.status} ${await response.text()}`);
}

export interface StoredVersion {
  key: string;
  versionId: string;
  etag: string;
  size: number;
}

/** Every version of every object (ListObjectVersions): "arrived exactly once" is counted here. */
export async function versions(bucket: string, prefix = ''): Promise<StoredVersion[]> {
  const response = await s3('GET', `/${bucket}?versions&prefix=${encodeURIComponent(prefix)}`);
  const xml = await response.text();
  if (response.status !== 200) throw new Error(`list versions: ${response.status} ${xml}`);
  return xmlBlocks(xml, 'Version').map((v) => ({
    key: xmlText(v, 'Key')!,
    versionId: xmlText(v, 'VersionId')!,
    etag: xmlText(v, 'ETag')!.replace(/"/g, ''),
    size: Number(xmlText(v, 'Size')),
  }));
}

export function adminSigner(bucket: string, user: S3User = rgw!.admin) {
  return keySigner({ endpoint: rgw!.endpoint, bucket, region: rgw!.region }, user);
}
