import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { AwsV4Signer } from 'aws4fetch';
import type { S3User } from './cluster';
import { keySigner } from '../../../lib/locker/key-signer';
import { xmlBlocks, xmlText } from '../../../lib/locker/s3-xml';

export interface RgwInfo {
  endpoint: string;
  region: string;
  admin: S3User;
  dir: string;
}

let bound: RgwInfo | null = null;

/** The cluster the helpers below talk to (set by the vitest global setup or a Playwright fixture). */
export function bindRgw(info: RgwInfo | null): void {
  bound = info;
}

function current(): RgwInfo {
  if (!bound) throw new Error('no Ceph RGW cluster is bound for these helpers');
  return bound;
}

/** Runs a Ceph admin command against the test cluster. */
export function ceph(bin: 'ceph' | 'radosgw-admin', args: string[]): string {
  const conf = path.join(current().dir, 'ceph.conf');
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
  const user = init.user ?? current().admin;
  const signed = await new AwsV4Signer({
    method,
    url: `${current().endpoint}${pathAndQuery}`,
    headers: { ...init.headers, 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD' },
    accessKeyId: user.accessKeyId,
    secretAccessKey: user.secretAccessKey,
    service: 's3',
    region: current().region,
  }).sign();
  return fetch(signed.url, {
    method,
    headers: signed.headers,
    body: init.body as BodyInit | undefined,
  });
}

/** Creates a bucket, with Object Lock (and so versioning) unless `lock` is false. */
export async function createBucket(name: string, lock = true, user?: S3User): Promise<void> {
  const response = await s3(
    'PUT',
    `/${name}`,
    lock ? { headers: { 'x-amz-bucket-object-lock-enabled': 'true' }, user } : { user },
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
export async function versions(
  bucket: string,
  prefix = '',
  user?: S3User,
): Promise<StoredVersion[]> {
  const response = await s3('GET', `/${bucket}?versions&prefix=${encodeURIComponent(prefix)}`, {
    user,
  });
  const xml = await response.text();
  if (response.status !== 200) throw new Error(`list versions: ${response.status} ${xml}`);
  return xmlBlocks(xml, 'Version').map((v) => ({
    key: xmlText(v, 'Key')!,
    versionId: xmlText(v, 'VersionId')!,
    etag: xmlText(v, 'ETag')!.replace(/"/g, ''),
    size: Number(xmlText(v, 'Size')),
  }));
}

/** The versions of packages only (`.zip`), leaving out each package's small team index. */
export async function packageVersions(
  bucket: string,
  prefix = '',
  user?: S3User,
): Promise<StoredVersion[]> {
  return (await versions(bucket, prefix, user)).filter((v) => v.key.endsWith('.zip'));
}

export function adminSigner(bucket: string, user: S3User = current().admin) {
  return keySigner({ endpoint: current().endpoint, bucket, region: current().region }, user);
}

function health(): string {
  return ceph('ceph', ['health']);
}

async function until(check: () => boolean, what: string, ms = 60_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}: ${health()}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

/**
 * Fills the cluster's only disk, as far as Ceph is concerned: the full ratio drops below what
 * the OSD already holds, the monitor marks it full and every write blocks (Ceph's behaviour on a
 * full disk). `false` restores the default ratios and waits until writes flow again.
 */
export async function setDiskFull(full: boolean): Promise<void> {
  const ratios = full
    ? ([
        ['nearfull', '0.0000004'],
        ['backfillfull', '0.0000007'],
        ['full', '0.000001'],
      ] as const)
    : ([
        ['full', '0.95'],
        ['backfillfull', '0.9'],
        ['nearfull', '0.85'],
      ] as const);
  for (const [name, value] of ratios) ceph('ceph', ['osd', `set-${name}-ratio`, value]);
  await until(
    () => /full osd/.test(health()) === full,
    full ? 'the OSD to be full' : 'the OSD to accept writes',
  );
  // The gateway learns of the new map a little later: wait until a write of ours is held back
  // (full) or goes through (not full; the writes it held back have then been sent again too).
  const end = Date.now() + 60_000;
  for (;;) {
    let wrote: boolean;
    try {
      wrote =
        (await fetchSigned('PUT', `/${bucketName('probe')}`, AbortSignal.timeout(3_000))).status ===
        200;
    } catch {
      wrote = false;
    }
    if (wrote !== full) return;
    if (Date.now() > end) throw new Error(`the gateway did not ${full ? 'stop' : 'resume'} writes`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

async function fetchSigned(method: string, path: string, signal: AbortSignal): Promise<Response> {
  const signed = await new AwsV4Signer({
    method,
    url: `${current().endpoint}${path}`,
    headers: { 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD' },
    accessKeyId: current().admin.accessKeyId,
    secretAccessKey: current().admin.secretAccessKey,
    service: 's3',
    region: current().region,
  }).sign();
  return fetch(signed.url, { method, headers: signed.headers, signal });
}

/** Sets (or lifts, with null) a user's storage quota in bytes. */
export function setUserQuota(uid: string, maxBytes: number | null): void {
  if (maxBytes === null) {
    ceph('radosgw-admin', ['quota', 'disable', '--quota-scope=user', `--uid=${uid}`]);
    return;
  }
  ceph('radosgw-admin', [
    'quota',
    'set',
    '--quota-scope=user',
    `--uid=${uid}`,
    `--max-size=${maxBytes}`,
  ]);
  ceph('radosgw-admin', ['quota', 'enable', '--quota-scope=user', `--uid=${uid}`]);
}

/** Another S3 user (its own buckets, its own quota). */
export function createUser(uid: string): S3User {
  const user = {
    uid,
    accessKeyId: `AK${uid.toUpperCase().replace(/[^A-Z0-9]/g, '')}`.padEnd(20, '0').slice(0, 20),
    secretAccessKey: `${uid}-secret-0123456789abcdefghijklmnop`.slice(0, 40),
  };
  ceph('radosgw-admin', [
    'user',
    'create',
    `--uid=${uid}`,
    `--display-name=${uid}`,
    `--access-key=${user.accessKeyId}`,
    `--secret-key=${user.secretAccessKey}`,
  ]);
  return user;
}

/**
 * The README's write-only key for a monitor: a bucket policy letting `user` write objects under
 * `dalel/` (which covers multipart uploads) and set their retention, and explicitly denying it
 * any read or delete (on Ceph RGW an object's writer is its owner and could otherwise read it
 * back through the object's ACL).
 */
export async function allowWriteOnly(bucket: string, user: S3User): Promise<void> {
  const principal = { AWS: [`arn:aws:iam:::user/${user.uid}`] };
  const policy = JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Principal: principal,
        Action: ['s3:PutObject', 's3:PutObjectRetention', 's3:AbortMultipartUpload'],
        Resource: [`arn:aws:s3:::${bucket}/dalel/*`],
      },
      {
        Effect: 'Deny',
        Principal: principal,
        Action: [
          's3:GetObject',
          's3:GetObjectVersion',
          's3:GetObjectRetention',
          's3:DeleteObject',
          's3:DeleteObjectVersion',
        ],
        Resource: [`arn:aws:s3:::${bucket}/*`],
      },
    ],
  });
  const response = await s3('PUT', `/${bucket}?policy`, { body: policy });
  if (response.status >= 300)
    throw new Error(`bucket policy: ${response.status} ${await response.text()}`);
}

/**
 * The README's read-only key for the pull side (a lawyer or coordinator): a bucket policy letting
 * `user` list the bucket and read its objects and their versions — nothing else.
 */
export async function allowReadOnly(bucket: string, user: S3User): Promise<void> {
  const principal = { AWS: [`arn:aws:iam:::user/${user.uid}`] };
  const policy = JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Principal: principal,
        Action: ['s3:ListBucket'],
        Resource: [`arn:aws:s3:::${bucket}`],
      },
      {
        Effect: 'Allow',
        Principal: principal,
        Action: ['s3:GetObject', 's3:GetObjectVersion'],
        Resource: [`arn:aws:s3:::${bucket}/*`],
      },
    ],
  });
  const response = await s3('PUT', `/${bucket}?policy`, { body: policy });
  if (response.status >= 300)
    throw new Error(`bucket policy: ${response.status} ${await response.text()}`);
}
