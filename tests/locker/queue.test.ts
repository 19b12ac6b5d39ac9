import { beforeAll, describe, expect, it } from 'vitest';
import { seedDemoStore } from '../../lib/demo/seed-store';
import { configureLocker } from '../../lib/services/locker/settings';
import { lockerStatus } from '../../lib/services/locker/status';
import { exportItem } from '../../lib/services/locker/queue';
import { buildPackageInput } from '../../lib/services/export-input';
import { writePackage } from '../../lib/evidence/package-writer';
import { bucketName, createBucket, rgw, s3, packageVersions } from './support/rgw';
import { monitor, presignedConfig, presignService, verifyStoredPackage } from './support/monitor';

describe.skipIf(!rgw)('the upload queue against a real locker (Ceph RGW, presigned links)', () => {
  const bucket = bucketName('queue');
  beforeAll(() => createBucket(bucket));

  it('sends every capture sealed after setup, each once, locked, verifiable, with a custody receipt', async () => {
    const m = await monitor();
    const service = await presignService(bucket, [m.key.fingerprint]);
    await configureLocker(m.store, presignedConfig(bucket, service.url), undefined);
    expect((await lockerStatus(m.store, m.runner)).capturesNotInLocker).toBe(0);
    await seedDemoStore(m.store);
    const captures = await m.store.captures.ids();
    expect((await lockerStatus(m.store, null)).capturesNotInLocker).toBe(captures.length);

    await m.runner.kick();

    const status = await lockerStatus(m.store, m.runner);
    expect(status).toMatchObject({
      pending: 0,
      capturesNotInLocker: 0,
      capturesInLocker: captures.length,
      lastError: null,
    });
    const stored = await packageVersions(bucket, `dalel/${m.key.fingerprint}/`);
    expect(stored).toHaveLength(captures.length);
    expect(new Set(stored.map((v) => v.key)).size).toBe(captures.length);
    const deposits = await m.store.custody.ofType('deposited');
    expect(deposits).toHaveLength(captures.length);
    for (const event of deposits) {
      expect(event.data).toMatchObject({ bucket, mode: 'COMPLIANCE', verified: 'head' });
      const version = stored.find((v) => v.key === event.data.key)!;
      expect(event.data.versionId).toBe(version.versionId);
      expect(Date.parse(event.data.retainUntil as string) - Date.now()).toBeGreaterThan(
        3649 * 86_400_000,
      );
      const report = await verifyStoredPackage(
        bucket,
        version.key,
        m.key.fingerprint,
        version.versionId,
      );
      expect(report.verdict).toBe('valid');
      expect(report.pinned).toBe('match');
      expect(report.manifest!.contents.captures.map((c) => c.id)).toEqual(event.data.captures);
    }
    // The package files built for the locker are gone once confirmed: nothing stays behind.
    const { readdirSync } = await import('node:fs');
    expect(readdirSync(`${m.files.dir}/locker`)).toEqual([]);
  });

  it('uploads the exported file itself, byte for byte, with the cases named in its metadata', async () => {
    const m = await monitor();
    const service = await presignService(bucket, [m.key.fingerprint]);
    await configureLocker(
      m.store,
      presignedConfig(bucket, service.url, { pushCaptures: false }),
      undefined,
    );
    const { caseId } = await seedDemoStore(m.store);
    const input = await buildPackageInput(
      m.store,
      { kind: 'case', ids: [caseId] },
      { signer: m.key, tool: { name: 'dalel', version: 't' }, now: new Date() },
    );
    const chunks: Uint8Array[] = [];
    const result = await writePackage(input, async (c) => void chunks.push(c.slice()));
    const bytes = new Uint8Array(Buffer.concat(chunks));
    await m.files.place('dalel-0000beef.zip', bytes);
    await m.store.locker.enqueue([
      exportItem(
        'dalel-0000beef.zip',
        { kind: 'case', ids: [caseId] },
        input.captures.map((c) => c.id),
        {
          packageId: result.manifest.packageId,
          created: result.statement.created,
          signer: m.key.fingerprint,
          kind: 'export',
          captures: input.captures.length,
          cases: input.cases.map((c) => ({ id: c.id, title: c.title })),
        },
        new Date(),
      ),
    ]);
    await m.runner.kick();
    const [deposit] = await m.store.custody.ofType('deposited');
    const got = new Uint8Array(
      await (await s3('GET', `/${bucket}/${deposit!.data.key as string}`)).arrayBuffer(),
    );
    expect(Buffer.compare(Buffer.from(got), Buffer.from(bytes))).toBe(0);
    const head = await s3('HEAD', `/${bucket}/${deposit!.data.key as string}`);
    expect(decodeURIComponent(head.headers.get('x-amz-meta-dalel-cases')!)).toContain(
      input.cases[0]!.title,
    );
    expect(head.headers.get('x-amz-meta-dalel-package')).toBe(result.manifest.packageId);
    // With pushCaptures off, the demo's captures stay out of the queue: only the export went.
    expect((await lockerStatus(m.store, null)).pending).toBe(0);
  });
});
