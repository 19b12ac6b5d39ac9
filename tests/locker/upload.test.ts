import { createHash, randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { digestBlob, MIN_PART_SIZE } from '../../lib/locker/digest';
import { isLockerError } from '../../lib/locker/errors';
import { keySigner } from '../../lib/locker/key-signer';
import { metadataHeaders } from '../../lib/locker/metadata';
import { packageKey } from '../../lib/locker/object-key';
import { uploadPackage, type MultipartState, type UploadJob } from '../../lib/locker/upload';
import { retainUntil } from '../../lib/locker/config';
import { nodeHashers } from '../../cli/node/locker-hashers';
import { adminSigner, bucketName, createBucket, rgw, s3, versions } from './support/rgw';

const FP = '3f2a-9c01-0b1c-2d3e-4f50-6172-8394-a5b6';

async function job(bytes: Uint8Array, partSize?: number, days = 1): Promise<UploadJob> {
  const body = new Blob([new Uint8Array(bytes)]);
  const digest = await digestBlob(body, nodeHashers, partSize);
  const packageId = randomBytes(16).toString('hex');
  return {
    key: packageKey(FP, new Date().toISOString(), packageId),
    body,
    digest,
    metadata: metadataHeaders({
      packageId,
      created: new Date().toISOString(),
      signer: FP,
      sha256: digest.sha256,
      kind: 'capture',
      captures: 1,
      cases: [{ id: 'case_1', title: 'Дело № 1 — «экстремизм»' }],
    }),
    mode: 'COMPLIANCE',
    retainUntil: retainUntil(new Date(), days),
  };
}

async function failure(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!isLockerError(error)) throw new Error(`expected a LockerError, got ${String(error)}`);
  return error;
}

describe.skipIf(!rgw)('upload into a locked bucket (real Ceph RGW)', () => {
  const bucket = bucketName('upload');
  beforeAll(() => createBucket(bucket));

  it('stores a package with Content-MD5, lock mode and retain-until, and proves it by HEAD', async () => {
    const j = await job(randomBytes(300_000));
    const receipt = await uploadPackage(j, { signer: adminSigner(bucket) });
    expect(receipt.verified).toBe('head');
    expect(receipt.versionId).toMatch(/.+/);
    // One part: the multipart ETag is the MD5 of that part's MD5, then "-1".
    const partMd5 = createHash('md5')
      .update(Buffer.from(await j.body.arrayBuffer()))
      .digest();
    expect(receipt.etag).toBe(`${createHash('md5').update(partMd5).digest('hex')}-1`);
    const head = await s3('HEAD', `/${bucket}/${j.key}`);
    expect(head.headers.get('x-amz-object-lock-mode')).toBe('COMPLIANCE');
    expect(Date.parse(head.headers.get('x-amz-object-lock-retain-until-date')!)).toBe(
      Date.parse(j.retainUntil),
    );
    expect(decodeURIComponent(head.headers.get('x-amz-meta-dalel-cases')!)).toContain('экстремизм');
    expect(await versions(bucket, j.key)).toHaveLength(1);
  });

  it('the lock holds: deleting the version, shortening retention and overwriting all keep the original', async () => {
    const j = await job(randomBytes(10_000), undefined, 2);
    const receipt = await uploadPackage(j, { signer: adminSigner(bucket) });
    const original = new Uint8Array(await j.body.arrayBuffer());
    const version = encodeURIComponent(receipt.versionId!);
    // Even the bucket owner cannot delete the locked version...
    const del = await s3('DELETE', `/${bucket}/${j.key}?versionId=${version}`);
    expect(del.status).toBe(403);
    const bypass = await s3('DELETE', `/${bucket}/${j.key}?versionId=${version}`, {
      headers: { 'x-amz-bypass-governance-retention': 'true' },
    });
    expect(bypass.status).toBe(403);
    // ...nor shorten its retention...
    const shorter = `<Retention xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Mode>COMPLIANCE</Mode><RetainUntilDate>${retainUntil(new Date(), 1)}</RetainUntilDate></Retention>`;
    const shorten = await s3('PUT', `/${bucket}/${j.key}?retention&versionId=${version}`, {
      body: shorter,
      headers: { 'content-md5': createHash('md5').update(shorter).digest('base64') },
    });
    expect(shorten.status).toBe(403);
    // ...and an overwrite or a plain delete only adds a version or a marker above it.
    const over = await s3('PUT', `/${bucket}/${j.key}`, { body: 'replacement' });
    expect(over.status).toBe(200);
    expect((await s3('DELETE', `/${bucket}/${j.key}`)).status).toBe(204);
    const read = await s3('GET', `/${bucket}/${j.key}?versionId=${version}`);
    expect(read.status).toBe(200);
    expect(new Uint8Array(await read.arrayBuffer())).toEqual(original);
    const head = await s3('HEAD', `/${bucket}/${j.key}?versionId=${version}`);
    expect(Date.parse(head.headers.get('x-amz-object-lock-retain-until-date')!)).toBe(
      Date.parse(j.retainUntil),
    );
  });

  it('sends a large package in parts, each with its own Content-MD5, and checks the multipart ETag', async () => {
    const j = await job(randomBytes(2 * MIN_PART_SIZE + 123_457), MIN_PART_SIZE);
    expect(j.digest.parts).toHaveLength(3);
    const progress: number[] = [];
    const receipt = await uploadPackage(j, {
      signer: adminSigner(bucket),
      onProgress: (sent) => progress.push(sent),
    });
    expect(receipt.etag).toMatch(/^[0-9a-f]{32}-3$/);
    expect(progress.at(-1)).toBe(j.digest.size);
    const read = await s3('GET', `/${bucket}/${j.key}`);
    expect(
      createHash('sha256')
        .update(Buffer.from(await read.arrayBuffer()))
        .digest('hex'),
    ).toBe(j.digest.sha256);
    expect((await s3('HEAD', `/${bucket}/${j.key}`)).headers.get('x-amz-object-lock-mode')).toBe(
      'COMPLIANCE',
    );
  });

  it('resumes an interrupted multipart upload from the parts the server confirmed', async () => {
    const j = await job(randomBytes(3 * MIN_PART_SIZE), MIN_PART_SIZE);
    let saved: MultipartState | null = null;
    let parts = 0;
    // The "browser" dies after the first confirmed part: every later request fails.
    const dying: typeof fetch = async (input, init) => {
      if (String(input).includes('partNumber=') && parts++ >= 1)
        throw new TypeError('worker stopped');
      return fetch(input, init);
    };
    const first = await failure(
      uploadPackage(j, {
        signer: adminSigner(bucket),
        fetch: dying,
        concurrency: 1,
        saveState: async (s) => void (saved = s),
      }),
    );
    expect(first.code).toBe('unreachable');
    expect(saved!.etags.filter(Boolean)).toHaveLength(1);
    const sentParts: number[] = [];
    const counting: typeof fetch = async (input, init) => {
      const m = /partNumber=(\d+)/.exec(String(input));
      if (m) sentParts.push(Number(m[1]));
      return fetch(input, init);
    };
    const receipt = await uploadPackage(j, {
      signer: adminSigner(bucket),
      fetch: counting,
      state: saved,
    });
    expect(sentParts.sort()).toEqual([2, 3]);
    expect(receipt.etag).toMatch(/-3$/);
    expect(await versions(bucket, j.key)).toHaveLength(1);
  });

  it('a wrong secret, an unknown key, a bucket without Object Lock and a missing bucket are named, and nothing is stored', async () => {
    const plain = bucketName('nolock');
    await createBucket(plain, false);
    const j = await job(randomBytes(1000));
    const where = { endpoint: rgw!.endpoint, bucket, region: rgw!.region };
    const wrongSecret = keySigner(where, {
      accessKeyId: rgw!.admin.accessKeyId,
      secretAccessKey: 'not-the-secret',
    });
    expect((await failure(uploadPackage(j, { signer: wrongSecret }))).code).toBe('wrong_key');
    const unknown = keySigner(where, { accessKeyId: 'NOSUCHKEY0123456789', secretAccessKey: 'x' });
    expect((await failure(uploadPackage(j, { signer: unknown }))).code).toBe('wrong_key');
    expect((await failure(uploadPackage(j, { signer: adminSigner(plain) }))).code).toBe(
      'no_object_lock',
    );
    expect(
      (await failure(uploadPackage(j, { signer: adminSigner(`${bucket}-missing`) }))).code,
    ).toBe('no_bucket');
    expect(await versions(bucket, j.key)).toHaveLength(0);
    expect(await versions(plain)).toHaveLength(0);
  });
});
