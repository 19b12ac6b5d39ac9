import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { verifyPackage } from '../../lib/evidence/verify';
import { nodePrimitives } from '../../cli/node/primitives';
import { bytesSource } from '../../lib/evidence/zip/source';
import { openForCapture, readArtifacts } from './support/capture';
import { expect, test } from './support/fixtures';
import { LOGGED_IN_PAGES } from './support/site';

const SCREENS = 'test-results/screens';

/** The RGBA of one pixel of a PNG (bytes from the store), decoded by the browser. */
function pixel(page: Page, png: Buffer, x: number, y: number): Promise<number[]> {
  return page.evaluate(
    async ({ b64, x, y }) => {
      const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const ctx = canvas.getContext('2d')!;
      ctx.drawImage(bitmap, 0, 0);
      return Array.from(ctx.getImageData(x, y, 1, 1).data);
    },
    { b64: png.toString('base64'), x, y },
  );
}

async function readExport(page: Page, name: string): Promise<Buffer> {
  const base64 = await page.evaluate(async (file) => {
    const dir = await (await navigator.storage.getDirectory()).getDirectoryHandle('exports');
    const bytes = new Uint8Array(
      await (await (await dir.getFileHandle(file)).getFile()).arrayBuffer(),
    );
    let s = '';
    for (let i = 0; i < bytes.length; i += 0x8000)
      s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return btoa(s);
  }, name);
  return Buffer.from(base64, 'base64');
}

test("capturer protection: the monitor's own account is boxed in working copies, adjustable, and withheld from the export", async ({
  context,
  extensionId,
  extensionPage,
  send,
}) => {
  test.setTimeout(120_000);
  const fixture = LOGGED_IN_PAGES[0]!;
  const { tabId } = await openForCapture(context, extensionId, extensionPage, fixture.url);
  const run = await send({ type: 'capture.run', tabId });
  expect(run.ok, JSON.stringify(run.error)).toBe(true);
  const { capture, custody } = (await send({ type: 'capture.get', id: run.data.id })).data;
  expect(capture.artifacts.map((a: any) => a.name)).toContain('viewer-regions.json');
  expect(custody.map((e: any) => e.type)).toEqual(['captured', 'redacted', 'redacted', 'redacted']);

  const list = (await send({ type: 'redaction.list', captureId: capture.id })).data;
  expect(list.current).toHaveLength(3);
  const byRole = (role: string) => {
    const ref = capture.artifacts.find((a: any) => a.role === role);
    return { ref, red: list.redactions.find((r: any) => r.original.sha256 === ref.sha256) };
  };
  const artifacts = await readArtifacts(extensionPage, capture);
  const bytesOf = async (sha: string) =>
    Buffer.from((await send({ type: 'artifact.get', sha256: sha })).data.base64, 'base64');

  // Viewport: the viewer's profile link (fixed navigation, top left) is black in the copy only.
  const viewport = byRole('screenshot');
  const box = viewport.red.regions[0];
  expect(box).toMatchObject({ source: 'detected', label: 'profile link (navigation)' });
  const cx = box.x + Math.floor(box.width / 2);
  const cy = box.y + Math.floor(box.height / 2);
  const original = artifacts.find((a) => a.role === 'screenshot')!.bytes;
  const redacted = await bytesOf(viewport.red.derived.sha256);
  expect(await pixel(extensionPage, redacted, cx, cy)).toEqual([0, 0, 0, 255]);
  expect(await pixel(extensionPage, original, cx, cy)).not.toEqual([0, 0, 0, 255]);
  // Away from the box, the copy is the original pixel for pixel.
  expect(await pixel(extensionPage, redacted, 900, 300)).toEqual(
    await pixel(extensionPage, original, 900, 300),
  );
  // The original is untouched: still the bytes sealed in the capture.
  expect(viewport.red.original.sha256).toBe(viewport.ref.sha256);

  // Full page: the fixed navigation is boxed in every stitched screen.
  const full = byRole('screenshot_full');
  expect(full.red.regions.length).toBeGreaterThan(1);

  // Snapshot: the viewer's link is gone from the copy, the post is there.
  const html = byRole('snapshot_html');
  const copy = (await bytesOf(html.red.derived.sha256)).toString('utf8');
  const snap = artifacts.find((a) => a.role === 'snapshot_html')!.bytes.toString('utf8');
  expect(snap).toContain('monitor.viewer');
  expect(copy).not.toContain('monitor.viewer');
  expect(copy).toContain('Сегодня у суда.');

  // The monitor reviews in the dashboard and adds a box of their own.
  const page = extensionPage;
  await page.goto(page.url().replace(/#.*$/, '') + `#captures/${capture.id}`);
  const review = page.getByTestId('redaction-review');
  await expect(
    review.getByRole('heading', { name: 'Your own account in this capture' }),
  ).toBeVisible();
  const editor = review.getByTestId('redaction-editor-screenshot').locator('img');
  await expect(editor).toBeVisible();
  await editor.scrollIntoViewIfNeeded();
  const rect = (await editor.boundingBox())!;
  await page.mouse.move(rect.x + rect.width * 0.6, rect.y + rect.height * 0.1);
  await page.mouse.down();
  await page.mouse.move(rect.x + rect.width * 0.75, rect.y + rect.height * 0.2, { steps: 5 });
  await page.mouse.up();
  await expect(review.getByText('drawn by you')).toBeVisible();
  await review.screenshot({ path: `${SCREENS}/redaction-review-en.png` });
  await review.getByRole('button', { name: 'Save the redacted copy' }).click();
  await expect(review.getByRole('status')).toContainText('Saved');
  const after = (await send({ type: 'redaction.list', captureId: capture.id })).data;
  const newest = after.redactions.find((r: any) => r.supersedes === viewport.red.id);
  expect(newest).toBeDefined();
  expect(after.current).toContain(newest.id);
  expect(after.current).not.toContain(viewport.red.id);
  expect(newest.regions.map((r: any) => r.source)).toEqual(['detected', 'monitor']);

  // Export: redacted copies in, originals out with their hashes listed, and it verifies.
  const exported = await send({
    type: 'export.run',
    scope: { kind: 'selection', ids: [capture.id] },
    withholdRedactedOriginals: true,
  });
  expect(exported.ok, JSON.stringify(exported.error)).toBe(true);
  expect(exported.data.counts.withheld).toBe(4); // two screenshots, the snapshot, the MHTML
  const zip = await readExport(page, exported.data.file);
  const report = await verifyPackage(bytesSource(new Uint8Array(zip)), {
    pinnedKey: exported.data.fingerprint,
    primitives: nodePrimitives,
  });
  expect(report.verdict, JSON.stringify(report.failures)).toBe('valid');
  const withheld = report.manifest!.withheld!;
  expect(withheld.map((w) => w.path).sort()).toEqual(
    ['page.html', 'page.mhtml', 'screenshot-full.png', 'screenshot-viewport.png'].map(
      (n) => `captures/${capture.id}/${n}`,
    ),
  );
  expect(report.manifest!.files.map((f) => f.path)).toContain(
    `captures/${capture.id}/redacted/screenshot-viewport.png`,
  );
  expect(report.passed.map((p) => p.message).join('\n')).toMatch(/withheld: hash listed/);
  const zipText = zip.toString('latin1');
  expect(zipText).not.toContain('monitor.viewer');
  const dir = mkdtempSync(path.join(os.tmpdir(), 'dalel-redacted-'));
  writeFileSync(path.join(dir, 'package.zip'), zip);
});

test('X: the account switcher (name and @handle) is found and boxed', async ({
  context,
  extensionId,
  extensionPage,
  send,
}) => {
  const fixture = LOGGED_IN_PAGES[1]!;
  const { tabId } = await openForCapture(context, extensionId, extensionPage, fixture.url);
  const run = await send({ type: 'capture.run', tabId });
  expect(run.ok, JSON.stringify(run.error)).toBe(true);
  const list = (await send({ type: 'redaction.list', captureId: run.data.id })).data;
  const labels = list.redactions.flatMap((r: any) => r.regions.map((g: any) => g.label));
  expect(labels).toContain('account switcher');
  const html = list.redactions.find((r: any) => r.derived.mediaType === 'text/html');
  const copy = Buffer.from(
    (await send({ type: 'artifact.get', sha256: html.derived.sha256 })).data.base64,
    'base64',
  ).toString('utf8');
  expect(copy).not.toContain('@monitor_viewer');
  expect(copy).toContain('Free the activists');
});
