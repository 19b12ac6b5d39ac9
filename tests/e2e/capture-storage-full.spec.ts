import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openForCapture } from './support/capture';
import { expect, sendFrom, test } from './support/fixtures';
import { EXTENSION_DIR, launchWithExtension } from './support/launch';
import { CAPTURE_PAGES } from './support/site';

/**
 * Chrome exempts `unlimitedStorage` extensions from quota, so the DevTools quota override cannot
 * fill the shipped build. This test loads a copy of the built extension whose manifest lacks only
 * that permission (test-only; the code under test is identical) and shrinks its quota. Chromium's
 * IndexedDB caches the space it may use for about 30 s, so the override bites only after that.
 */
const QUOTA_CACHE_MS = 31_000;
function buildWithoutUnlimitedStorage(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'dalel-quota-'));
  cpSync(EXTENSION_DIR, dir, { recursive: true });
  const file = path.join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(file, 'utf8'));
  manifest.permissions = manifest.permissions.filter((p: string) => p !== 'unlimitedStorage');
  writeFileSync(file, JSON.stringify(manifest));
  return dir;
}

test('storage full (QuotaExceededError): storage_full, and no capture, artifact or custody event is stored', async () => {
  test.setTimeout(120_000);
  const { context, extensionId } = await launchWithExtension({
    extensionDir: buildWithoutUnlimitedStorage(),
  });
  try {
    const extensionPage = await context.newPage();
    await extensionPage.goto(`chrome-extension://${extensionId}/dashboard.html`);
    const send = (m: Record<string, unknown>) => sendFrom(extensionPage, m);
    const { tabId } = await openForCapture(
      context,
      extensionId,
      extensionPage,
      CAPTURE_PAGES[0]!.url,
    );
    const before = {
      captures: (await send({ type: 'capture.list' })).data.length,
      custody: (await send({ type: 'custody.list' })).data,
    };
    const cdp = await context.newCDPSession(extensionPage);
    const origin = `chrome-extension://${extensionId}`;
    await cdp.send('Storage.overrideQuotaForOrigin' as any, { origin, quotaSize: 4096 });
    await new Promise((r) => setTimeout(r, QUOTA_CACHE_MS));
    const run = await send({ type: 'capture.run', tabId });
    await cdp.send('Storage.overrideQuotaForOrigin' as any, { origin });

    expect(run).toMatchObject({ ok: false, error: { code: 'storage_full' } });
    expect(run.error.message).toMatch(/Storage is full: the capture was not saved/);
    expect((await send({ type: 'capture.list' })).data.length).toBe(before.captures);
    expect((await send({ type: 'custody.list' })).data).toEqual(before.custody);
    // With the quota back, the same tab captures normally.
    expect(await send({ type: 'capture.run', tabId })).toMatchObject({ ok: true });
  } finally {
    await context.close();
  }
});
