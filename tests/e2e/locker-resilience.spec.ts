import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startPresignServer } from '../../cli/node/presign-server';
import { verifyPackage } from '../../lib/evidence/verify';
import { bytesSource } from '../../lib/evidence/zip/source';
import { DEFAULT_POLICY } from '../../lib/locker/presign-service';
import { createBucket, packageVersions, s3 } from '../support/rgw/admin';
import { startThrottleProxy } from '../support/throttle-proxy';
import { openForCapture } from './support/capture';
import { expect, grantOrigin, send, test } from './support/locker';
import { CAPTURE_PAGES } from './support/site';
import { stopServiceWorker } from './support/worker';

/**
 * The queue survives what a browser does to it: the service worker is stopped in the middle of an
 * upload, then the whole browser is closed and started again while packages are still waiting.
 * Uploads go through a slow link (a throttling proxy in front of the S3 engine) so there is a
 * middle to stop in. In the end every capture's package is in the bucket exactly once (one
 * version per key), locked, and verifies against the monitor's key.
 */
test('worker stopped mid-upload, browser restarted mid-queue: every package arrives exactly once and verifies', async ({
  rgw,
  launch,
}) => {
  test.skip(!rgw, 'Ceph RGW is not installed: see the loud message above');
  test.setTimeout(300_000);
  const profile = mkdtempSync(path.join(os.tmpdir(), 'dalel-e2e-locker-'));
  const first = await launch(profile);
  const fingerprint = (await send(first.page, { type: 'key.info' })).data.fingerprint as string;
  const bucket = `resilience-${Date.now().toString(36)}`;
  await createBucket(bucket);
  const target = new URL(rgw!.endpoint);
  // A crawl while the captures are taken, so all of them are sealed before anything is cut off.
  const proxy = await startThrottleProxy(
    { host: target.hostname, port: Number(target.port) },
    8 * 1024,
  );
  const service = await startPresignServer({
    bucket: { endpoint: proxy.url, bucket, region: rgw!.region },
    credentials: rgw!.admin,
    policy: { ...DEFAULT_POLICY, monitors: [fingerprint] },
  });
  try {
    await grantOrigin(first.context, first.extensionId, proxy.url);
    const configured = await send(first.page, {
      type: 'locker.configure',
      config: {
        endpoint: proxy.url,
        bucket,
        region: rgw!.region,
        auth: { kind: 'presigned', serviceUrl: service.url },
      },
    });
    expect(configured.ok, JSON.stringify(configured.error)).toBe(true);

    const captured: string[] = [];
    for (const fixture of CAPTURE_PAGES.slice(0, 3)) {
      const { tabId, page } = await openForCapture(
        first.context,
        first.extensionId,
        first.page,
        fixture.url,
      );
      const run = await send(first.page, { type: 'capture.run', tabId });
      expect(run.ok, JSON.stringify(run.error)).toBe(true);
      captured.push(run.data.id);
      await page.close();
    }
    const status = async (page = first.page) => (await send(page, { type: 'locker.status' })).data;
    expect((await status()).capturesNotInLocker).toBe(3);

    // 1. The worker is stopped while a package is on its way.
    proxy.bytesPerSecond = 96 * 1024;
    const sentBefore = proxy.bytesUp;
    await expect
      .poll(() => proxy.bytesUp - sentBefore, { timeout: 60_000 })
      .toBeGreaterThan(150_000);
    // An upload is in flight, part-way through its package, when the worker is cut off.
    const inFlight = (await status()).current;
    expect(inFlight).not.toBeNull();
    expect(inFlight.sent).toBeLessThan(inFlight.total);
    await stopServiceWorker(first.context, first.page);
    // Any message wakes it; its start resumes the queue.
    const woken = await first.context.newPage();
    await woken.goto(first.page.url());
    await expect
      .poll(async () => (await status(woken)).capturesInLocker, { timeout: 90_000 })
      .toBeGreaterThanOrEqual(1);

    // 2. The browser is closed while packages are still waiting, and started again.
    const waiting = await status(woken);
    expect(waiting.capturesNotInLocker).toBeGreaterThan(0);
    const sentMid = proxy.bytesUp;
    await expect.poll(() => proxy.bytesUp - sentMid, { timeout: 60_000 }).toBeGreaterThan(50_000);
    const cut = await status(woken);
    expect(cut.current).not.toBeNull();
    expect(cut.capturesNotInLocker).toBeGreaterThan(0);
    await first.context.close();
    proxy.bytesPerSecond = 4 * 1024 * 1024;
    const second = await launch(profile);
    await expect
      .poll(async () => (await status(second.page)).capturesNotInLocker, { timeout: 120_000 })
      .toBe(0);
    expect((await status(second.page)).pending).toBe(0);

    // Exactly once: one version per package key, one package per capture, each locked and valid.
    const stored = await packageVersions(bucket, `dalel/${fingerprint}/`);
    expect(stored).toHaveLength(3);
    expect(new Set(stored.map((v) => v.key)).size).toBe(3);
    const inside: string[] = [];
    for (const version of stored) {
      const head = await s3(
        'HEAD',
        `/${bucket}/${version.key}?versionId=${encodeURIComponent(version.versionId)}`,
      );
      expect(head.headers.get('x-amz-object-lock-mode')).toBe('COMPLIANCE');
      const bytes = new Uint8Array(
        await (await s3('GET', `/${bucket}/${version.key}`)).arrayBuffer(),
      );
      const report = await verifyPackage(bytesSource(bytes), { pinnedKey: fingerprint });
      expect(report.verdict, JSON.stringify(report.failures)).toBe('valid');
      expect(report.pinned).toBe('match');
      expect(report.container).toBe('dalel');
      inside.push(...report.manifest!.contents.captures.map((c) => c.id));
    }
    expect(inside.sort()).toEqual([...captured].sort());
    const custody = (await send(second.page, { type: 'custody.list' })).data as any[];
    const deposits = custody.filter((e) => e.type === 'deposited');
    expect(deposits).toHaveLength(3);
    expect(deposits.flatMap((e) => e.data.captures).sort()).toEqual([...captured].sort());
    expect(new Set(deposits.map((e) => e.data.versionId))).toEqual(
      new Set(stored.map((v) => v.versionId)),
    );
  } finally {
    await service.close();
    await proxy.close();
  }
});
