// Issue 7: the service worker killed mid-capture or mid-export (the browser stops idle or busy
// workers at will). Nothing partial may remain: no capture without its custody event, no
// `exported` event for a package that was never finished, and the next try works.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { placeImportFile } from '../../bench/chromium/opfs-import';
import { exportTo } from '../../bench/export.bench';
import { mixedArtifacts } from '../../bench/fixtures';
import { generateSigningKey } from '../../lib/evidence/signing';
import { repoRoot } from '../support/shared-fixtures';
import { openForCapture } from './support/capture';
import { expect, sendFrom, test } from './support/fixtures';
import { CAPTURE_PAGES } from './support/site';
import { fire, stopServiceWorker } from './support/worker';

/** Resolves when the background broadcasts an event matching `match` (as the dashboard hears it). */
function heard(page: Page, type: string, stage: string): Promise<void> {
  return page.evaluate(
    ({ type, stage }) =>
      new Promise<void>((resolve) => {
        (globalThis as any).chrome.runtime.onMessage.addListener((m: any) => {
          if (m?.type !== type) return;
          if (
            type === 'export.progress'
              ? m.bytesDone > 0 && m.bytesDone < m.bytesTotal
              : m.stage === stage
          )
            resolve();
        });
      }),
    { type, stage },
  );
}

async function exportFiles(page: Page): Promise<Record<string, number>> {
  return page.evaluate(async () => {
    const root = await navigator.storage.getDirectory();
    const out: Record<string, number> = {};
    try {
      const dir = await root.getDirectoryHandle('exports');
      for await (const [name, handle] of (dir as any).entries())
        out[name] = (await (handle as FileSystemFileHandle).getFile()).size;
    } catch {
      // no exports folder: nothing was ever exported
    }
    return out;
  });
}

test('worker stopped mid-export: no package, no exported event; the next export verifies', async ({
  context,
  extensionPage: page,
  send,
}) => {
  // A 200 MB import and two exports of it: minutes on a loaded two-core machine.
  test.setTimeout(300_000);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'dalel-interrupt-'));
  const fixture = await mixedArtifacts(dir, 200);
  const key = await generateSigningKey();
  const pkg = path.join(dir, 'archive.zip');
  await exportTo(await fixture.input(key), pkg);
  await placeImportFile(page, pkg, 'archive.zip');
  const imported = await send({
    type: 'import.run',
    file: 'archive.zip',
    pinnedKey: key.fingerprint,
  });
  expect(imported.ok, JSON.stringify(imported.error)).toBe(true);
  const before = (await send({ type: 'custody.list' })).data.length;

  const writing = heard(page, 'export.progress', '');
  await fire(page, { type: 'export.run', scope: { kind: 'all', ids: [] } });
  await writing;
  await stopServiceWorker(context, page);

  const after = await context.newPage();
  await after.goto(page.url());
  const log = (await sendFrom(after, { type: 'custody.list' })).data as any[];
  expect(log).toHaveLength(before);
  expect(log.some((e) => e.type === 'exported')).toBe(false);
  // An unfinished OPFS writable is never committed: at most an empty file is left behind.
  expect(Object.values(await exportFiles(after)).every((size) => size === 0)).toBe(true);
  expect((await sendFrom(after, { type: 'integrity.check', full: false })).data.ok).toBe(true);

  const again = await sendFrom(after, { type: 'export.run', scope: { kind: 'all', ids: [] } });
  expect(again.ok, JSON.stringify(again.error)).toBe(true);
  const bytes = await after.evaluate(async (name) => {
    const root = await navigator.storage.getDirectory();
    const file = await (
      await (await root.getDirectoryHandle('exports')).getFileHandle(name)
    ).getFile();
    const b = new Uint8Array(await file.arrayBuffer());
    let s = '';
    for (let i = 0; i < b.length; i += 0x8000)
      s += String.fromCharCode(...b.subarray(i, i + 0x8000));
    return btoa(s);
  }, again.data.file);
  const out = path.join(dir, 'again.zip');
  writeFileSync(out, Buffer.from(bytes, 'base64'));
  const verified = spawnSync(
    process.execPath,
    [path.join(repoRoot, 'bin/dalel.mjs'), 'verify', out, '--key', again.data.fingerprint],
    {
      encoding: 'utf8',
    },
  );
  expect(verified.status, verified.stdout + verified.stderr).toBe(0);
});

test('worker stopped mid-capture: no capture, no artifact, no custody event; the next capture works', async ({
  context,
  extensionId,
  extensionPage: page,
  send,
}) => {
  // The long profile: stitching its full page takes seconds (two screenshots a second at most).
  const post = CAPTURE_PAGES.find((p) => p.handmade === 'site/instagram-long-profile.html')!;
  const { tabId } = await openForCapture(context, extensionId, page, post.url);
  const before = (await send({ type: 'custody.list' })).data.length;
  const shooting = heard(page, 'capture.progress', 'full_page');
  await fire(page, { type: 'capture.run', tabId });
  await shooting;
  await stopServiceWorker(context, page);

  const after = await context.newPage();
  await after.goto(page.url());
  expect((await sendFrom(after, { type: 'capture.list' })).data).toEqual([]);
  expect((await sendFrom(after, { type: 'custody.list' })).data).toHaveLength(before);
  const report = (await sendFrom(after, { type: 'integrity.check', full: true })).data;
  expect(report).toMatchObject({ ok: true, checked: { artifacts: 0 } });

  const retry = await openForCapture(context, extensionId, after, post.url);
  const captured = await sendFrom(after, { type: 'capture.run', tabId: retry.tabId });
  expect(captured.ok, JSON.stringify(captured.error)).toBe(true);
});
