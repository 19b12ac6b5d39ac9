import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BrowserContext, Request } from '@playwright/test';
import { openForCapture, readArtifacts } from './support/capture';
import { expect, test } from './support/fixtures';
import { HOSTILE_PAGES } from './support/site';

/**
 * Opens a file from disk (as a lawyer opens an unzipped package) and reports every request it
 * makes and whether any script ran in it.
 */
async function openFromDisk(context: BrowserContext, file: string) {
  const page = await context.newPage();
  const requests: string[] = [];
  page.on('request', (r) => {
    if (r.url() !== pathToFileURL(file).href) requests.push(r.url());
  });
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
  // Give timers, refreshes and lazy loads a moment, then hover and scroll (no clicks).
  await page.mouse.move(200, 200);
  await page.mouse.wheel(0, 400);
  await page.waitForTimeout(1_500);
  const ran = await page
    .evaluate(() => (globalThis as any).__ranInSnapshot === 1)
    .catch(() => true);
  const url = page.url();
  const text = await page.evaluate(() => document.body?.innerText ?? '').catch(() => '');
  await page.close();
  return { requests, ran, url, text, dialogs };
}

const label = (l: string) => HOSTILE_PAGES.find((p) => p.label.startsWith(l))!;

test('hostile pages: each snapshot, opened from disk, makes no request and runs no script', async ({
  context,
  extensionId,
  extensionPage,
  send,
}) => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'dalel-unzipped-'));
  for (const fixture of HOSTILE_PAGES) {
    const { page, tabId } = await openForCapture(context, extensionId, extensionPage, fixture.url);
    const run = await send({ type: 'capture.run', tabId });
    expect(run.ok, `${fixture.label}: ${JSON.stringify(run.error)}`).toBe(true);
    const { capture } = (await send({ type: 'capture.get', id: run.data.id })).data;
    const artifacts = await readArtifacts(extensionPage, capture);
    const html = artifacts.find((a) => a.role === 'snapshot_html');
    expect(html, `${fixture.label}: a snapshot was made`).toBeDefined();
    const file = path.join(dir, `${capture.id}.html`);
    writeFileSync(file, html!.bytes);
    const opened = await openFromDisk(context, file);
    expect(opened.requests, `${fixture.label}: requests from the snapshot`).toEqual([]);
    expect(opened.ran, `${fixture.label}: script ran in the snapshot`).toBe(false);
    expect(opened.dialogs).toEqual([]);
    expect(opened.url, `${fixture.label}: navigated away`).toBe(pathToFileURL(file).href);
    expect(opened.text).toMatch(/Hostile page (one|two|three|four)/);
    if (fixture.label.includes('active SVG')) {
      // Kept byte-exact, under a name that does not open as an image.
      const svg = capture.artifacts.find((a: any) => a.mediaType === 'image/svg+xml');
      expect(svg.name).toMatch(/^media\/\d\d\.svg\.txt$/);
      expect(capture.warnings.join('\n')).toMatch(/svg\.txt: image\/svg\+xml can carry scripts/);
    }
    // Every other file of the capture, opened from disk, is inert too.
    for (const a of artifacts.filter((x) => x.role === 'media')) {
      const mediaFile = path.join(dir, `${capture.id}-${a.name.replace(/\//g, '-')}`);
      writeFileSync(mediaFile, a.bytes);
      const media = await openFromDisk(context, mediaFile);
      expect(media.requests, `${a.name} from disk`).toEqual([]);
      expect(media.ran, `${a.name} ran script`).toBe(false);
    }
    await page.close();
  }
});

test('a page cannot make Dalel fetch from the main site, follow a redirect, or send cookies', async ({
  context,
  extensionId,
  extensionPage,
  send,
}) => {
  await context.addCookies([
    {
      name: 'sessionid',
      value: 'monitor-secret',
      domain: '.instagram.com',
      path: '/',
      secure: true,
      sameSite: 'None',
    },
    {
      name: 'cdn',
      value: 'monitor-cdn',
      domain: '.cdninstagram.com',
      path: '/',
      secure: true,
      sameSite: 'None',
    },
  ]);
  const fromExtension: Request[] = [];
  context.on('request', (r) => {
    if (/^https?:/.test(r.url()) && (r.serviceWorker() || r.frame()?.url().includes(extensionId)))
      fromExtension.push(r);
  });
  const fixture = label('Hostile: main-site URLs');
  const { page, tabId } = await openForCapture(context, extensionId, extensionPage, fixture.url);
  const run = await send({ type: 'capture.run', tabId });
  expect(run.ok, JSON.stringify(run.error)).toBe(true);
  const { capture } = (await send({ type: 'capture.get', id: run.data.id })).data;

  const hosts = fromExtension.map((r) => new URL(r.url()).hostname);
  expect(hosts.length, 'the extension fetched the CDN media').toBeGreaterThan(0);
  for (const r of fromExtension) {
    expect(new URL(r.url()).hostname, r.url()).toBe('scontent.cdninstagram.com');
    expect(r.method()).toBe('GET');
    const headers = await r.allHeaders();
    expect(headers.cookie, `${r.url()} sent cookies`).toBeUndefined();
    expect(headers.referer, `${r.url()} sent a referrer`).toBeUndefined();
  }
  // The redirect was answered but not followed.
  expect(fromExtension.map((r) => r.url())).not.toContain(
    'https://www.instagram.com/accounts/edit/?via=redirect',
  );
  const omissions = capture.metadata.omissions.join('\n');
  expect(omissions).toMatch(
    /accounts\/edit\/\?__a=1: not fetched \(www\.instagram\.com is a platform's main site/,
  );
  expect(omissions).toMatch(/redirect\/to-main-site\.jpg: answered with a redirect/);
  expect(fromExtension.map((r) => r.url())).toContain(
    'https://scontent.cdninstagram.com/redirect/to-main-site.jpg',
  );
  expect(JSON.stringify(capture)).not.toContain('monitor-secret');

  // Page-controlled metadata is labelled; the loaded address and the tab's are both kept.
  const m = capture.metadata;
  expect(m.requestedUrl).toBe(fixture.url);
  expect(m.finalUrl).toBe('https://www.instagram.com/p/ForgedAddress/');
  expect(m.tabUrl).toBe('https://www.instagram.com/p/ForgedAddress/');
  expect(m.sources).toMatchObject({
    requestedUrl: 'browser',
    finalUrl: 'page',
    serverDate: 'server',
  });
  expect(m.serverDate).toMatch(/GMT$/);
  expect(m.serverDateFrom).toBe('https://scontent.cdninstagram.com');
  expect(capture.warnings.join('\n')).toMatch(
    /reports the address .*ForgedAddress.* but was loaded from/,
  );

  // "Fetch with my session" sends the CDN's cookies, still only to the CDN.
  await send({ type: 'settings.set', patch: { mediaWithSession: true } });
  fromExtension.length = 0;
  await page.bringToFront();
  const again = await send({ type: 'capture.run', tabId });
  expect(again.ok, JSON.stringify(again.error)).toBe(true);
  const cdn = fromExtension.filter((r) => r.url().includes('/v/t51/fine.jpg'));
  expect(cdn.length).toBeGreaterThan(0);
  expect((await cdn[0]!.allHeaders()).cookie).toContain('cdn=monitor-cdn');
  for (const r of fromExtension)
    expect(new URL(r.url()).hostname).toBe('scontent.cdninstagram.com');
});
