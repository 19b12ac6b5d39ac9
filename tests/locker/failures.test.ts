import { beforeAll, describe, expect, it } from 'vitest';
import { seedDemoStore } from '../../lib/demo/seed-store';
import { configureLocker } from '../../lib/services/locker/settings';
import { lockerStatus } from '../../lib/services/locker/status';
import { LockerRunner } from '../../lib/services/locker/runner';
import {
  allowWriteOnly,
  bucketName,
  createBucket,
  createUser,
  rgw,
  s3,
  setDiskFull,
  setUserQuota,
  packageVersions,
  versions,
} from './support/rgw';
import {
  keyConfig,
  monitor,
  presignedConfig,
  presignService,
  verifyStoredPackage,
} from './support/monitor';

/** A monitor with the demo archive sealed after the locker was set up: its captures wait in the queue. */
async function withCaptures(
  m: Awaited<ReturnType<typeof monitor>>,
  config: Parameters<typeof configureLocker>[1],
  secret?: string,
) {
  await configureLocker(m.store, config, secret);
  await seedDemoStore(m.store);
  return m.store.captures.ids();
}

/** Nothing lost: every capture still waits, its error is named, and nothing reached the bucket. */
async function expectWaiting(
  m: Awaited<ReturnType<typeof monitor>>,
  captures: number,
  code: string,
) {
  const status = await lockerStatus(m.store, null);
  expect(status.lastError?.code).toBe(code);
  expect(status.pending).toBe(captures);
  expect(status.capturesNotInLocker).toBe(captures);
  expect(await m.store.custody.ofType('deposited')).toHaveLength(0);
  return status;
}

/** After the cause is fixed: every package arrives exactly once and verifies. */
async function expectArrived(
  m: Awaited<ReturnType<typeof monitor>>,
  bucket: string,
  captures: number,
  user = rgw!.admin,
) {
  await m.runner.retryNow();
  const status = await lockerStatus(m.store, null);
  expect(status).toMatchObject({ pending: 0, capturesNotInLocker: 0 });
  const stored = await packageVersions(bucket, `dalel/${m.key.fingerprint}/`, user);
  expect(stored).toHaveLength(captures);
  expect(new Set(stored.map((v) => v.key)).size).toBe(captures);
  if (user === rgw!.admin)
    for (const v of stored)
      expect(
        (await verifyStoredPackage(bucket, v.key, m.key.fingerprint, v.versionId)).verdict,
      ).toBe('valid');
}

describe.skipIf(!rgw)(
  'locker failures each give a clear reason and lose nothing (real Ceph RGW)',
  () => {
    const bucket = bucketName('fail');
    beforeAll(() => createBucket(bucket));

    it('a wrong secret key: "wrong_key"; with the right one everything arrives', async () => {
      const m = await monitor({ passphrase: 'a long enough passphrase' });
      const ids = await withCaptures(
        m,
        keyConfig(bucket, rgw!.admin.accessKeyId),
        'not-the-secret-key',
      );
      await m.runner.kick();
      const status = await expectWaiting(m, ids.length, 'wrong_key');
      expect(status.lastError!.detail).toMatch(/SignatureDoesNotMatch/);
      await configureLocker(
        m.store,
        keyConfig(bucket, rgw!.admin.accessKeyId),
        rgw!.admin.secretAccessKey,
      );
      await expectArrived(m, bucket, ids.length);
    });

    it('a bucket without Object Lock: "no_object_lock", and nothing is written there', async () => {
      const plain = bucketName('plain');
      await createBucket(plain, false);
      const m = await monitor();
      const service = await presignService(plain, [m.key.fingerprint]);
      const ids = await withCaptures(m, presignedConfig(plain, service.url));
      await m.runner.kick();
      await expectWaiting(m, ids.length, 'no_object_lock');
      expect(await versions(plain)).toHaveLength(0);
      const good = await presignService(bucket, [m.key.fingerprint]);
      await configureLocker(m.store, presignedConfig(bucket, good.url), undefined);
      await expectArrived(m, bucket, ids.length);
    });

    it("the organisation's storage quota is full: 'storage_full'; once raised, everything arrives", async () => {
      const user = createUser(`quota-${process.pid}-${Date.now().toString(36)}`);
      const own = bucketName('quota');
      await createBucket(own, true, user);
      setUserQuota(user.uid, 2048);
      const m = await monitor();
      const service = await presignService(own, [m.key.fingerprint], {}, user);
      const ids = await withCaptures(m, presignedConfig(own, service.url));
      await m.runner.kick();
      await expectWaiting(m, ids.length, 'storage_full');
      setUserQuota(user.uid, null);
      await expectArrived(m, own, ids.length, user);
    });

    it('a full disk on the server (Ceph blocks writes): "stalled"; afterwards each package arrives exactly once', async () => {
      const m = await monitor({ ports: { upload: { stallMs: 3_000 } } });
      const service = await presignService(bucket, [m.key.fingerprint]);
      const ids = await withCaptures(m, presignedConfig(bucket, service.url));
      await setDiskFull(true);
      try {
        await m.runner.kick();
        await expectWaiting(m, ids.length, 'stalled');
      } finally {
        await setDiskFull(false);
      }
      // The blocked PUT may still complete on the server once it has room: the queue asks before
      // sending again, so there is never a second copy.
      await new Promise((r) => setTimeout(r, 2_000));
      await expectArrived(m, bucket, ids.length);
    });

    it('an expired presigned link: "link_expired"; the next attempt asks for a fresh one', async () => {
      const slow: typeof fetch = async (input, init) => {
        // Every S3 request waits longer than the links live (the service's own requests do not).
        if (String(input).startsWith(rgw!.endpoint)) await new Promise((r) => setTimeout(r, 3_500));
        return fetch(input, init);
      };
      const m = await monitor({ ports: { fetch: slow } });
      // Links live 2 s from their whole second (X-Amz-Date): at least 1 s, at most 2 s.
      const service = await presignService(bucket, [m.key.fingerprint], { expiresSeconds: 2 });
      const ids = await withCaptures(m, presignedConfig(bucket, service.url));
      await m.runner.kick();
      await expectWaiting(m, ids.length, 'link_expired');
      const fresh = new LockerRunner(m.store, { ...m.ports, fetch });
      await fresh.retryNow();
      expect((await lockerStatus(m.store, null)).pending).toBe(0);
      expect(await packageVersions(bucket, `dalel/${m.key.fingerprint}/`)).toHaveLength(ids.length);
    });

    it('a device the organisation does not know: the service refuses, in its own words', async () => {
      const m = await monitor();
      const service = await presignService(bucket, ['0000-0000-0000-0000-0000-0000-0000-0000']);
      const ids = await withCaptures(m, presignedConfig(bucket, service.url));
      await m.runner.kick();
      const status = await expectWaiting(m, ids.length, 'service_refused');
      expect(status.lastError!.detail).toContain(
        `key ${m.key.fingerprint} is not one of this organisation's monitors`,
      );
    });

    /** Dies right after the completion request reached the locker, before its answer is read. */
    const dyingAfterCompletion = () => {
      let cut = 0;
      const dying: typeof fetch = async (input, init) => {
        const response = await fetch(input, init);
        if (init?.method === 'POST' && /[?&]uploadId=/.test(String(input)) && cut++ === 0)
          throw new TypeError('worker stopped');
        return response;
      };
      return dying;
    };

    it('the worker stops after the locker stored a package but before it heard: no second copy', async () => {
      const m = await monitor({ ports: { fetch: dyingAfterCompletion() } });
      const service = await presignService(bucket, [m.key.fingerprint]);
      const ids = await withCaptures(m, presignedConfig(bucket, service.url));
      await m.runner.kick();
      // One package's outcome was unknown; it is not counted as stored.
      const first = await lockerStatus(m.store, null);
      expect(first.pending).toBe(1);
      expect(first.lastError?.code).toBe('unreachable');
      const restarted = new LockerRunner(m.store, { ...m.ports, fetch });
      await restarted.retryNow();
      expect((await lockerStatus(m.store, null)).pending).toBe(0);
      const stored = await packageVersions(bucket, `dalel/${m.key.fingerprint}/`);
      expect(stored).toHaveLength(ids.length);
      expect(new Set(stored.map((v) => v.key)).size).toBe(ids.length);
    });

    it('with a write-only key (the README policy) packages arrive locked, once, even when an answer is lost', async () => {
      const own = bucketName('writeonly');
      await createBucket(own);
      const writer = createUser(`monitor-${process.pid}-${Date.now().toString(36)}`);
      await allowWriteOnly(own, writer);
      const m = await monitor({
        passphrase: 'a long enough passphrase',
        ports: { fetch: dyingAfterCompletion() },
      });
      const ids = await withCaptures(m, keyConfig(own, writer.accessKeyId), writer.secretAccessKey);
      await m.runner.kick();
      expect((await lockerStatus(m.store, null)).pending).toBe(1);
      const restarted = new LockerRunner(m.store, { ...m.ports, fetch });
      await restarted.retryNow();
      expect((await lockerStatus(m.store, null)).pending).toBe(0);
      const stored = await packageVersions(own, `dalel/${m.key.fingerprint}/`);
      expect(stored).toHaveLength(ids.length);
      expect(new Set(stored.map((v) => v.key)).size).toBe(ids.length);
      for (const v of stored) {
        const at = `/${own}/${v.key}?versionId=${encodeURIComponent(v.versionId)}`;
        // Locked: not even the bucket's owner can remove the version.
        expect((await s3('DELETE', at)).status).toBe(403);
        expect((await s3('HEAD', at)).headers.get('x-amz-object-lock-mode')).toBe('COMPLIANCE');
        // The monitor's key may not even look at it.
        expect((await s3('HEAD', at, { user: writer })).status).toBe(403);
        // And the coordinator (the bucket's owner) can read what the monitor wrote.
        expect(
          (await verifyStoredPackage(own, v.key, m.key.fingerprint, v.versionId)).verdict,
        ).toBe('valid');
      }
      const deposits = await m.store.custody.ofType('deposited');
      expect(deposits).toHaveLength(ids.length);
      // With no read, the proof is each upload's own answers (part MD5s, multipart ETag, version).
      expect(new Set(deposits.map((d) => d.data.verified))).toEqual(new Set(['etag']));
      // The package whose answer was lost has no version id on record (the key may not ask).
      expect(deposits.filter((d) => d.data.versionId === null)).toHaveLength(1);
    });
  },
);
