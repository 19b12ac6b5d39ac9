import { beforeAll, describe, expect, it } from 'vitest';
import { seedDemoStore } from '../../lib/demo/seed-store';
import { verifyPackage } from '../../lib/evidence/verify';
import { bytesSource } from '../../lib/evidence/zip/source';
import { concatBytes } from '../../lib/evidence/hex';
import { isLockerError } from '../../lib/locker/errors';
import { configureLocker } from '../../lib/services/locker/settings';
import { lockerStatus } from '../../lib/services/locker/status';
import {
  configureReader,
  downloadForImport,
  listForReader,
} from '../../lib/services/locker/reader';
import { SecretNeedsLockError } from '../../lib/store/repositories/locker-repo';
import { monitor, presignedConfig, presignService } from './support/monitor';
import { allowReadOnly, bucketName, createBucket, createUser, rgw } from './support/rgw';

const ports = { fetch, now: () => new Date() };

describe.skipIf(!rgw)("the pull side's services with a read-only key (real Ceph RGW)", () => {
  const bucket = bucketName('reader');
  let fingerprint: string;
  let captures: number;
  const reader = () => createUser(`lawyer-${process.pid}-${Date.now().toString(36)}`);

  beforeAll(async () => {
    await createBucket(bucket);
    const m = await monitor();
    const service = await presignService(bucket, [m.key.fingerprint]);
    await configureLocker(m.store, presignedConfig(bucket, service.url), undefined);
    await seedDemoStore(m.store);
    await m.runner.kick();
    expect((await lockerStatus(m.store, null)).pending).toBe(0);
    fingerprint = m.key.fingerprint;
    captures = (await m.store.captures.ids()).length;
  });

  it('keeps the read-only secret only under the passphrase lock', async () => {
    const lawyer = await monitor();
    await expect(
      configureReader(
        lawyer.store,
        { endpoint: rgw!.endpoint, bucket, accessKeyId: 'AKLAWYER' },
        'secret',
      ),
    ).rejects.toBeInstanceOf(SecretNeedsLockError);
    expect(await lawyer.store.locker.readerConfig()).toBeNull();
  });

  it('lists every package from its signed index, and downloads one that verifies', async () => {
    const key = reader();
    await allowReadOnly(bucket, key);
    const lawyer = await monitor({ passphrase: 'a long enough passphrase' });
    await configureReader(
      lawyer.store,
      { endpoint: rgw!.endpoint, bucket, region: rgw!.region, accessKeyId: key.accessKeyId },
      key.secretAccessKey,
    );
    const entries = await listForReader(lawyer.store, ports);
    expect(entries).toHaveLength(captures);
    for (const entry of entries) {
      expect(entry).toMatchObject({ fingerprint, source: 'index', indexProblem: null });
      expect(entry.facts!.captures).toBe(1);
    }
    const chunks: Uint8Array[] = [];
    const got = await downloadForImport(lawyer.store, ports, entries[0]!.key!, async (c) => {
      chunks.push(c.slice());
    });
    const bytes = concatBytes(chunks);
    expect(got.size).toBe(entries[0]!.size);
    expect(got.sha256).toBe(entries[0]!.facts!.sha256);
    const report = await verifyPackage(bytesSource(bytes), { pinnedKey: fingerprint });
    expect(report.verdict, JSON.stringify(report.failures)).toBe('valid');
  });

  it('downloads only package keys, and a key that may not read is named as such', async () => {
    const key = reader(); // no bucket policy: may not list or read this bucket
    const lawyer = await monitor({ passphrase: 'a long enough passphrase' });
    await configureReader(
      lawyer.store,
      { endpoint: rgw!.endpoint, bucket, region: rgw!.region, accessKeyId: key.accessKeyId },
      key.secretAccessKey,
    );
    const refused = await listForReader(lawyer.store, ports).catch((e: unknown) => e);
    expect(isLockerError(refused) && refused.code).toBe('forbidden');
    const notPackage = await downloadForImport(
      lawyer.store,
      ports,
      `dalel/${fingerprint}/connection-test/x.txt`,
      async () => undefined,
    ).catch((e: unknown) => e);
    expect(String(notPackage)).toMatch(/not a package key/);
  });
});
