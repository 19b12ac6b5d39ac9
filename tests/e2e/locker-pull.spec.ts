import { startPresignServer } from '../../cli/node/presign-server';
import { toBase64 } from '../../lib/evidence/hex';
import { DEFAULT_POLICY } from '../../lib/locker/presign-service';
import { md5 } from '../../lib/locker/md5';
import { allowReadOnly, createBucket, packageVersions, s3 } from '../support/rgw/admin';
import { openForCapture } from './support/capture';
import { expect, grantOrigin, send, test } from './support/locker';
import { CAPTURE_PAGES } from './support/site';
import { shot } from './ui/screens';

const PASS = 'жасыл алма 2026 lawyer';
const CASE_TITLE = 'Дело № 7/2026 — Садыкова';

/**
 * The pull side in real Chromium against a real S3 engine (Ceph RGW): a monitor's extension
 * deposits two packages (a case export and another capture's export) through the organisation's
 * presigning service; a lawyer's extension, with a read-only key kept in its vault, lists them by
 * monitor, case and date, downloads one, verifies it against the monitor's fingerprint and
 * imports it. Then an object in the bucket is replaced by a tampered copy (a new version at the
 * same key, what someone with write access could do): it is shown INVALID and not imported.
 */
test('Team locker pull: list by monitor, case and date; verify and import; a tampered object is INVALID and not imported', async ({
  rgw,
  launch,
}) => {
  test.skip(!rgw, 'Ceph RGW is not installed: see the loud message above');
  test.setTimeout(240_000);
  const bucket = `pull-${Date.now().toString(36)}`;
  await createBucket(bucket);

  // The monitor: captures two pages, tags the first to a case, exports the case and the second.
  const monitor = await launch();
  const fingerprint = (await send(monitor.page, { type: 'key.info' })).data.fingerprint as string;
  const service = await startPresignServer({
    bucket: { endpoint: rgw!.endpoint, bucket, region: rgw!.region },
    credentials: rgw!.admin,
    policy: { ...DEFAULT_POLICY, monitors: [fingerprint] },
  });
  let caseExport: string;
  let otherExport: string;
  let caseCapture: string;
  try {
    await grantOrigin(monitor.context, monitor.extensionId, rgw!.endpoint);
    const configured = await send(monitor.page, {
      type: 'locker.configure',
      config: {
        endpoint: rgw!.endpoint,
        bucket,
        region: rgw!.region,
        auth: { kind: 'presigned', serviceUrl: service.url },
        pushCaptures: false,
      },
    });
    expect(configured.ok, JSON.stringify(configured.error)).toBe(true);
    const ids: string[] = [];
    for (const fixture of CAPTURE_PAGES.slice(0, 2)) {
      const { tabId, page } = await openForCapture(
        monitor.context,
        monitor.extensionId,
        monitor.page,
        fixture.url,
      );
      const run = await send(monitor.page, { type: 'capture.run', tabId });
      expect(run.ok, JSON.stringify(run.error)).toBe(true);
      ids.push(run.data.id as string);
      await page.close();
    }
    caseCapture = ids[0]!;
    const legalCase = await send(monitor.page, {
      type: 'case.create',
      legalCase: { title: CASE_TITLE, article: 'ст. 405 ч. 2 УК РК' },
    });
    const person = await send(monitor.page, {
      type: 'person.create',
      person: { name: 'Айгерим Садыкова' },
    });
    const link = await send(monitor.page, {
      type: 'link.add',
      captureId: ids[0],
      personId: person.data.id,
      caseId: legalCase.data.id,
      category: 'ground',
    });
    expect(link.ok, JSON.stringify(link.error)).toBe(true);
    const first = await send(monitor.page, {
      type: 'export.run',
      scope: { kind: 'case', ids: [legalCase.data.id] },
    });
    expect(first.ok, JSON.stringify(first.error)).toBe(true);
    caseExport = first.data.packageId as string;
    await expect
      .poll(async () => (await send(monitor.page, { type: 'locker.status' })).data.pending, {
        timeout: 60_000,
      })
      .toBe(0);
    const second = await send(monitor.page, {
      type: 'export.run',
      scope: { kind: 'selection', ids: [ids[1]] },
    });
    expect(second.ok, JSON.stringify(second.error)).toBe(true);
    otherExport = second.data.packageId as string;
    await expect
      .poll(async () => (await packageVersions(bucket, `dalel/${fingerprint}/`)).length, {
        timeout: 60_000,
      })
      .toBe(2);
    await expect
      .poll(async () => (await send(monitor.page, { type: 'locker.status' })).data.pending, {
        timeout: 60_000,
      })
      .toBe(0);
  } finally {
    await service.close();
  }
  await monitor.context.close();

  // The lawyer: another browser profile, a passphrase, and a key that may only list and read.
  const lawyerKey = await rgw!.createUser(`lawyer-${Date.now().toString(36)}`);
  await allowReadOnly(bucket, lawyerKey);
  const lawyer = await launch();
  const page = lawyer.page;
  expect((await send(page, { type: 'vault.enable', passphrase: PASS })).ok).toBe(true);
  await grantOrigin(lawyer.context, lawyer.extensionId, rgw!.endpoint);
  await page.goto(`chrome-extension://${lawyer.extensionId}/dashboard.html#locker`);
  const view = page.getByTestId('locker-pull');
  await expect(view.getByRole('heading', { name: 'Team locker: pull' })).toBeVisible();
  const form = view.getByTestId('reader-form');
  await expect(form).toContainText('read-only key');
  await form.getByLabel('Storage address (S3 endpoint)').fill(rgw!.endpoint);
  await form.getByLabel('Bucket').fill(bucket);
  await form.getByLabel('Read-only access key ID').fill(lawyerKey.accessKeyId);
  await form.getByLabel('Secret access key').fill(lawyerKey.secretAccessKey);
  await shot(page, 'locker-pull-form-en');
  await form.getByRole('button', { name: 'Save and allow access' }).click();
  await expect(view.getByTestId('pull-summary')).toContainText(bucket);
  // The secret is in the vault, not in the settings the page can read back.
  const stored = await send(page, { type: 'locker.readerGet' });
  expect(stored.data).toMatchObject({ hasSecret: true, config: { bucket } });
  expect(JSON.stringify(stored.data)).not.toContain(lawyerKey.secretAccessKey);

  await view.getByLabel('Expected signer (optional)').fill(fingerprint);
  await view.getByRole('button', { name: 'List the packages' }).click();
  const group = view.locator(`[data-testid="pull-monitor"][data-fingerprint="${fingerprint}"]`);
  await expect(group.getByTestId('pull-row')).toHaveCount(2);
  const caseRow = group.locator(`[data-package="${caseExport!}"]`);
  await expect(caseRow).toContainText(CASE_TITLE);
  await expect(caseRow).toContainText('signed index');
  await expect(caseRow).toContainText('1 capture');
  // By case: only the case's package.
  await view.getByLabel('Case').selectOption(CASE_TITLE);
  await expect(group.getByTestId('pull-row')).toHaveCount(1);
  await shot(page, 'locker-pull-list-en');

  await caseRow.getByRole('button', { name: 'Download and verify' }).click();
  const pulled = view.getByTestId('pulled-package');
  await expect(pulled.locator('[data-verdict]')).toHaveAttribute('data-verdict', 'valid', {
    timeout: 60_000,
  });
  await expect(pulled.getByTestId('pull-not-indexed')).toHaveCount(0);
  await pulled.getByRole('button', { name: 'Import into this archive' }).click();
  await expect(pulled.getByTestId('import-summary')).toContainText('1 capture', {
    timeout: 60_000,
  });
  const imported = (await send(page, { type: 'capture.list' })).data as { id: string }[];
  expect(imported.map((c) => c.id)).toContain(caseCapture!);
  await shot(page, 'locker-pull-imported-en');

  // Someone with write access puts a tampered copy at the other package's key: a new version,
  // now the one a plain GET returns. One byte changed inside; same size, so the index agrees.
  const otherKey = (await packageVersions(bucket, `dalel/${fingerprint}/`)).find((v) =>
    v.key.endsWith(`${otherExport!}.zip`),
  )!.key;
  const original = new Uint8Array(await (await s3('GET', `/${bucket}/${otherKey}`)).arrayBuffer());
  const tampered = original.slice();
  tampered[Math.floor(tampered.length / 3)]! ^= 0x01;
  const put = await s3('PUT', `/${bucket}/${otherKey}`, {
    body: tampered,
    headers: {
      'content-md5': toBase64(md5(tampered)),
      'x-amz-object-lock-mode': 'COMPLIANCE',
      'x-amz-object-lock-retain-until-date': new Date(Date.now() + 86_400_000).toISOString(),
    },
  });
  expect(put.status).toBe(200);
  const before = imported.length;
  await view.getByLabel('Case').selectOption('');
  await view.getByRole('button', { name: 'List the packages' }).click();
  const otherRow = group.locator(`[data-package="${otherExport!}"]`);
  await otherRow.getByRole('button', { name: 'Download and verify' }).click();
  const bad = view.getByTestId('pulled-package');
  await expect(bad.getByTestId('pull-not-imported')).toBeVisible({ timeout: 60_000 });
  await expect(bad.locator('[data-verdict]')).toHaveAttribute('data-verdict', 'invalid');
  // Before any verification: not the package its monitor signed the index for.
  await expect(bad.getByTestId('pull-not-indexed')).toBeVisible();
  await expect(bad.getByRole('button', { name: 'Import into this archive' })).toHaveCount(0);
  await shot(page, 'locker-pull-invalid-en');
  expect(((await send(page, { type: 'capture.list' })).data as unknown[]).length).toBe(before);
  // The tampered download does not stay behind in the private file system.
  await expect
    .poll(() =>
      page.evaluate(async () => {
        const root = await navigator.storage.getDirectory();
        const dir = await root.getDirectoryHandle('imports').catch(() => null);
        if (!dir) return 0;
        let n = 0;
        for await (const _ of (dir as unknown as { keys(): AsyncIterable<string> }).keys()) n++;
        return n;
      }),
    )
    .toBe(0);
});
