import { DEFAULT_POLICY } from '../../lib/locker/presign-service';
import { verifyPackage } from '../../lib/evidence/verify';
import { bytesSource } from '../../lib/evidence/zip/source';
import { startPresignServer } from '../../cli/node/presign-server';
import { createBucket, packageVersions, s3, versions } from '../support/rgw/admin';
import { openForCapture } from './support/capture';
import { CAPTURE_PAGES } from './support/site';
import { expect, grantOrigin, send, test } from './support/locker';
import { shot } from './ui/screens';

/**
 * The team locker from the monitor's side, in real Chromium with the built extension, against a
 * real S3 engine (Ceph RGW) and the reference presigning service: set it up in Settings, test the
 * connection, capture a page, and find the capture's package locked in the bucket within seconds.
 */
test('Settings → Team locker; a capture is in the locked bucket within seconds, provably undeletable', async ({
  rgw,
  launch,
}) => {
  test.skip(!rgw, 'Ceph RGW is not installed: see the loud message above');
  test.setTimeout(180_000);
  const { context, extensionId, page } = await launch();
  const fingerprint = (await send(page, { type: 'key.info' })).data.fingerprint as string;
  const bucket = `e2e-${Date.now().toString(36)}`;
  await createBucket(bucket);
  const service = await startPresignServer({
    bucket: { endpoint: rgw!.endpoint, bucket, region: rgw!.region },
    credentials: rgw!.admin,
    policy: { ...DEFAULT_POLICY, monitors: [fingerprint] },
  });
  try {
    // The monitor allows the two origins when the browser asks (Playwright cannot click that prompt).
    await grantOrigin(context, extensionId, rgw!.endpoint);

    await page.goto(`chrome-extension://${extensionId}/dashboard.html#settings`);
    const section = page.getByTestId('locker-section');
    await expect(section.getByRole('heading', { name: 'Team locker' })).toBeVisible();
    await section.getByLabel('Storage address (S3 endpoint)').fill(rgw!.endpoint);
    await section.getByLabel('Bucket').fill(bucket);
    await section.getByLabel("Address of the organisation's link service").fill(service.url);
    await expect(section.getByText(fingerprint)).toBeVisible();
    await shot(page, 'locker-form-en');
    await section.getByRole('button', { name: 'Save and allow access' }).click();

    await expect(section.getByTestId('locker-summary')).toContainText(bucket);
    await section.getByRole('button', { name: 'Test the connection' }).click();
    await expect(section.getByTestId('locker-test-write')).toHaveAttribute('data-ok', 'true');
    await expect(section.getByTestId('locker-test-lock')).toHaveAttribute('data-ok', 'true');
    await expect(section.getByTestId('locker-test-retention')).toHaveAttribute('data-ok', 'true');
    await expect(section.getByTestId('locker-test')).toContainText('Object Lock is on');
    await expect(section.getByTestId('locker-not-safe')).toContainText(
      'Every capture is in the locker',
    );
    await shot(page, 'locker-tested-en');

    // A capture, sealed: its package is in the bucket within seconds.
    const sealedAt = Date.now();
    const { tabId } = await openForCapture(context, extensionId, page, CAPTURE_PAGES[0]!.url);
    const run = await send(page, { type: 'capture.run', tabId });
    expect(run.ok, JSON.stringify(run.error)).toBe(true);
    const prefix = `dalel/${fingerprint}/`;
    await expect
      .poll(async () => (await packageVersions(bucket, prefix)).length, { timeout: 30_000 })
      .toBe(1);
    const seconds = (Date.now() - sealedAt) / 1000;
    console.log(`capture sealed → locked in the bucket in ${seconds.toFixed(1)} s`);
    await expect
      .poll(async () => (await send(page, { type: 'locker.status' })).data.pending)
      .toBe(0);

    const [version] = await packageVersions(bucket, prefix);
    const head = await s3(
      'HEAD',
      `/${bucket}/${version!.key}?versionId=${encodeURIComponent(version!.versionId)}`,
    );
    expect(head.headers.get('x-amz-object-lock-mode')).toBe('COMPLIANCE');
    expect(
      Date.parse(head.headers.get('x-amz-object-lock-retain-until-date')!) - Date.now(),
    ).toBeGreaterThan(3649 * 86_400_000);
    // Undeletable: the bucket's owner cannot remove the version, nor shorten its lock.
    const removal = await s3(
      'DELETE',
      `/${bucket}/${version!.key}?versionId=${encodeURIComponent(version!.versionId)}`,
    );
    expect(removal.status).toBe(403);
    // And it verifies, pinned to the monitor's key, with the capture inside.
    const bytes = new Uint8Array(
      await (await s3('GET', `/${bucket}/${version!.key}`)).arrayBuffer(),
    );
    const report = await verifyPackage(bytesSource(bytes), { pinnedKey: fingerprint });
    expect(report.verdict, JSON.stringify(report.failures)).toBe('valid');
    expect(report.pinned).toBe('match');
    // Dalel's own strict ZIP form, not merely a ZIP the verifier could read.
    expect(report.container).toBe('dalel');
    expect(report.manifest!.contents.captures.map((c) => c.id)).toEqual([run.data.id]);

    // The custody log records where it is and until when.
    const custody = (await send(page, { type: 'custody.list' })).data as any[];
    const deposit = custody.find((e) => e.type === 'deposited');
    expect(deposit.data).toMatchObject({
      bucket,
      key: version!.key,
      versionId: version!.versionId,
      mode: 'COMPLIANCE',
      captures: [run.data.id],
    });

    // An export goes too: the very file the monitor downloads.
    const exported = await send(page, {
      type: 'export.run',
      scope: { kind: 'selection', ids: [run.data.id] },
    });
    expect(exported.ok, JSON.stringify(exported.error)).toBe(true);
    const exportKey = `${prefix}${new Date().toISOString().slice(0, 10)}/${exported.data.packageId}.zip`;
    await expect
      .poll(async () => (await versions(bucket, exportKey)).length, { timeout: 30_000 })
      .toBe(1);
    const downloaded = await page.evaluate(async (name) => {
      const dir = await (await navigator.storage.getDirectory()).getDirectoryHandle('exports');
      const file = await (await dir.getFileHandle(name)).getFile();
      return Array.from(new Uint8Array(await file.arrayBuffer()));
    }, exported.data.file as string);
    const stored = new Uint8Array(await (await s3('GET', `/${bucket}/${exportKey}`)).arrayBuffer());
    expect(Buffer.compare(Buffer.from(stored), Buffer.from(downloaded))).toBe(0);

    await page.goto(`chrome-extension://${extensionId}/dashboard.html#settings`);
    await expect(page.getByTestId('locker-last')).toContainText(exportKey.split('/').pop()!);
    await shot(page, 'locker-status-en');
  } finally {
    await service.close();
  }
});
