import { mkdirSync, writeFileSync } from 'node:fs';
import type { BrowserContext } from '@playwright/test';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseHTML } from 'linkedom';
import { compareRecord } from '../../cli/record-compare';
import { extractDocument } from '../../lib/platforms/registry';
import { repoRoot } from '../support/shared-fixtures';
import { openForCapture, readArtifacts, sha256Ref, type ArtifactBack } from './support/capture';
import { expect, test } from './support/fixtures';
import { pngSize } from './support/png';
import { CAPTURE_PAGES, pageBody, SITE_PAGES, type SitePage } from './support/site';

const byLabel = (label: string) => SITE_PAGES.find((p) => p.label === label)!;

/**
 * The fields a person wrote down for a real page (tests/fixtures/expected) that the extractor
 * gets right on the saved HTML in Node: the capture from the live page must give the same.
 */
function expectedFields(fixture: SitePage, body: string) {
  const file = path.join(repoRoot, 'tests/fixtures/expected', `${fixture.real}.expected.json`);
  if (!existsSync(file)) return null;
  const { url, expected } = JSON.parse(readFileSync(file, 'utf8'));
  if (url !== fixture.url) throw new Error(`${file} is for ${url}, the site serves ${fixture.url}`);
  const { document } = parseHTML(body);
  const reference = extractDocument(document as unknown as Document, new URL(url));
  const ok = new Set(
    compareRecord(expected, reference)
      .filter((f) => f.ok)
      .map((f) => f.path),
  );
  return { expected, ok };
}

/** Opens the snapshot HTML in a fresh page with every request refused; returns its body text. */
async function openOffline(context: BrowserContext, html: Buffer) {
  const offline = await context.newPage();
  const requests: string[] = [];
  await offline.route('**/*', (route) => {
    requests.push(route.request().url());
    return route.abort();
  });
  await offline.setContent(html.toString('utf8'), { waitUntil: 'load' });
  const text = await offline.evaluate(() => document.body.innerText);
  const scriptsRan = await offline.evaluate(() => (globalThis as any).__pageScriptRan === true);
  await offline.close();
  return { text, requests, scriptsRan };
}

function checkArtifacts(artifacts: ArtifactBack[]) {
  for (const a of artifacts) {
    expect(sha256Ref(a.bytes), `${a.name} re-hashes to its recorded hash`).toBe(a.sha256);
    expect(a.bytes.length, `${a.name} size`).toBe(a.size);
  }
  for (const role of ['screenshot', 'screenshot_full']) {
    const shot = artifacts.find((a) => a.role === role)!;
    expect(shot, role).toBeDefined();
    const size = pngSize(shot.bytes);
    expect(size, `${role} is a PNG`).not.toBeNull();
    expect(size!.width).toBeGreaterThan(600);
    expect(size!.width).toBeLessThan(4000);
    expect(size!.height).toBeGreaterThan(300);
  }
}

async function captureOf(send: (m: Record<string, unknown>) => Promise<any>, tabId: number) {
  const run = await send({ type: 'capture.run', tabId });
  expect(run, JSON.stringify(run.error)).toMatchObject({ ok: true });
  expect(run.data.seal).toMatch(/^sha256:[0-9a-f]{64}$/);
  const got = await send({ type: 'capture.get', id: run.data.id });
  expect(got.ok).toBe(true);
  return got.data as { capture: any; links: unknown[]; custody: any[] };
}

test('captures a post page: hashed artifacts, PNG screenshots, offline snapshot, record, metadata', async ({
  context,
  extensionId,
  extensionPage,
  send,
}) => {
  const fixture = CAPTURE_PAGES[0]!;
  const { page: tab, tabId } = await openForCapture(
    context,
    extensionId,
    extensionPage,
    fixture.url,
  );
  const domBefore = await tab.evaluate(() => document.documentElement.outerHTML);
  const scrollBefore = await tab.evaluate(() => scrollY);

  const { capture, custody } = await captureOf(send, tabId);
  expect(capture.url).toBe(fixture.url);
  expect(capture.platform).toBe('instagram');
  expect(custody.map((e: any) => e.type)).toEqual(['captured']);
  expect(custody[0].data.seal).toBe(capture.seal);

  const artifacts = await readArtifacts(extensionPage, capture);
  checkArtifacts(artifacts);
  expect(artifacts.map((a) => a.name)).toEqual(
    expect.arrayContaining([
      'screenshot-viewport.png',
      'screenshot-full.png',
      'page.html',
      'page.mhtml',
      'record.json',
      'media/01.png',
    ]),
  );
  const media = artifacts.find((a) => a.role === 'media')!;
  expect(media.sourceUrl).toBe('https://scontent.cdninstagram.com/v/t51/post-photo-1.jpg');
  expect(pngSize(media.bytes)).toEqual({ width: 96, height: 64 });
  const mhtml = artifacts.find((a) => a.role === 'mhtml')!.bytes.toString('latin1');
  expect(mhtml).toContain('Content-Type: multipart/related');

  const html = artifacts.find((a) => a.role === 'snapshot_html')!.bytes;
  expect(html.toString('utf8')).toContain(`Dalel snapshot of ${fixture.url}`);
  expect(html.toString('utf8')).not.toMatch(/<script/i);
  const offline = await openOffline(context, html);
  expect(offline.text).toContain('Сегодня на площади — мирный пикет.');
  expect(offline.requests).toEqual([]);
  expect(offline.scriptsRan).toBe(false);

  const record = JSON.parse(artifacts.find((a) => a.role === 'record')!.bytes.toString('utf8'));
  expect(record).toEqual(capture.record);
  expect(capture.record).toMatchObject({
    platform: 'instagram',
    kind: 'post',
    url: fixture.url,
    post: {
      author: { handle: 'aigerim.example', name: 'Aigerim Example' },
      publishedAt: '2026-05-04T09:30:00Z',
      text: 'Сегодня на площади — мирный пикет. #свобода',
      media: [{ type: 'image', url: 'https://scontent.cdninstagram.com/v/t51/post-photo-1.jpg' }],
      counts: { likes: 12, comments: 3 },
      hashtags: ['свобода'],
    },
    extractor: { name: 'instagram' },
  });
  expect(capture.kind).toBe('post');
  expect(capture.accountKey).toBe('instagram:aigerim.example');
  expect(capture.metadata.extractor).toEqual(capture.record.extractor);

  const m = capture.metadata;
  expect(m.requestedUrl).toBe(fixture.url);
  expect(m.finalUrl).toBe(fixture.url);
  expect(m.title).toBe(await tab.title());
  expect(Date.parse(m.endedAt)).toBeGreaterThanOrEqual(Date.parse(m.startedAt));
  expect(m.serverDate).toMatch(/GMT$/);
  expect(m.userAgent).toBe(await tab.evaluate(() => navigator.userAgent));
  expect(m.browser).toMatch(/^Chrome/);
  expect(m.viewport.width).toBeGreaterThan(0);
  expect(m.language).toBeTruthy();
  expect(m.timeZone).toBeTruthy();

  // The page was not touched: same DOM, same scroll position.
  expect(await tab.evaluate(() => document.documentElement.outerHTML)).toBe(domBefore);
  expect(await tab.evaluate(() => scrollY)).toBe(scrollBefore);
});

/** The real saved pages, served as the platforms: each capture reads back whole and opens offline. */
for (const label of [
  'Instagram photo post',
  'Facebook post (DAG)',
  'X post',
  'Telegram post',
  'Instagram profile',
]) {
  test(`captures the real page: ${label}`, async ({
    context,
    extensionId,
    extensionPage,
    send,
  }) => {
    const fixture = byLabel(label);
    test.skip(
      pageBody(fixture) === null,
      `real fixture ${fixture.real} not present (DALEL_SHARED)`,
    );
    const { page: tab, tabId } = await openForCapture(
      context,
      extensionId,
      extensionPage,
      fixture.url,
    );
    const liveLines = (await tab.evaluate(() => document.body?.innerText ?? ''))
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l.length > 12);
    const { capture } = await captureOf(send, tabId);
    expect(capture.url).toBe(fixture.url);
    expect(capture.record.url).toBe(fixture.url);
    expect(capture.metadata.title).toBe(await tab.title());
    const artifacts = await readArtifacts(extensionPage, capture);
    checkArtifacts(artifacts);
    const offline = await openOffline(
      context,
      artifacts.find((a) => a.role === 'snapshot_html')!.bytes,
    );
    expect(offline.requests).toEqual([]);
    const sample = liveLines.sort((a, b) => b.length - a.length)[0]?.slice(0, 60);
    if (sample) expect(offline.text.replace(/\s+/g, ' ')).toContain(sample.replace(/\s+/g, ' '));

    const fields = expectedFields(fixture, pageBody(fixture)!);
    expect(fields, 'a written expectation for this real page').not.toBeNull();
    const checked = compareRecord(fields!.expected, capture.record).filter((f) =>
      fields!.ok.has(f.path),
    );
    expect(checked.length, 'fields verified').toBeGreaterThanOrEqual(3);
    expect(
      checked.filter((f) => !f.ok).map((f) => `${f.path}: ${JSON.stringify(f.actual)}`),
    ).toEqual([]);
  });
}

test('captures a long profile: stitched full page, capped media, scroll restored', async ({
  context,
  extensionId,
  extensionPage,
  send,
}) => {
  const fixture = byLabel('Instagram long profile');
  const { page: tab, tabId } = await openForCapture(
    context,
    extensionId,
    extensionPage,
    fixture.url,
  );
  await tab.evaluate(() => scrollTo(0, 700));
  const { viewHeight, scrollHeight } = await tab.evaluate(() => ({
    viewHeight: window.innerHeight,
    scrollHeight: document.documentElement.scrollHeight,
  }));
  expect(scrollHeight).toBeGreaterThan(3 * viewHeight);
  const { capture } = await captureOf(send, tabId);
  expect(await tab.evaluate(() => scrollY)).toBe(700);
  const artifacts = await readArtifacts(extensionPage, capture);
  checkArtifacts(artifacts);
  const viewport = pngSize(artifacts.find((a) => a.role === 'screenshot')!.bytes)!;
  const full = pngSize(artifacts.find((a) => a.role === 'screenshot_full')!.bytes)!;
  expect(full.width).toBe(viewport.width);
  mkdirSync('test-results/screens', { recursive: true });
  writeFileSync(
    'test-results/screens/capture-long-profile-full.png',
    artifacts.find((a) => a.role === 'screenshot_full')!.bytes,
  );
  // The whole page, at the screenshot's scale (viewport image height ~ innerHeight).
  const scale = viewport.width / (await tab.evaluate(() => innerWidth));
  expect(Math.abs(full.height - Math.round(scrollHeight * scale))).toBeLessThanOrEqual(2);
  const offline = await openOffline(
    context,
    artifacts.find((a) => a.role === 'snapshot_html')!.bytes,
  );
  expect(offline.text).toContain('Журналист. Алматы.');
});

test('captures an Instagram "page isn\'t available" notice', async ({
  context,
  extensionId,
  extensionPage,
  send,
}) => {
  const fixture = byLabel('Instagram "page isn\'t available"');
  const { tabId } = await openForCapture(context, extensionId, extensionPage, fixture.url);
  const { capture } = await captureOf(send, tabId);
  const artifacts = await readArtifacts(extensionPage, capture);
  checkArtifacts(artifacts);
  const offline = await openOffline(
    context,
    artifacts.find((a) => a.role === 'snapshot_html')!.bytes,
  );
  expect(offline.text).toContain("Sorry, this page isn't available.");
  expect(capture.kind).toBe('notice');
  expect(capture.record.notice).toMatchObject({ type: 'unavailable', language: 'en' });
  expect(capture.record.notice.message).toMatch(/^Sorry, this page isn't available\./);
  // The notice is about the account in the URL: it joins that account's timeline.
  expect(capture.accountKey).toBe('instagram:kairat.deleted');
});

test('capture.progress events arrive in order and parse', async ({
  context,
  extensionId,
  extensionPage,
  send,
}) => {
  await extensionPage.evaluate(() => {
    const w = globalThis as any;
    w.__events = [];
    w.chrome.runtime.onMessage.addListener((m: any) => {
      if (m?.type === 'capture.progress') w.__events.push(m);
    });
  });
  const { tabId } = await openForCapture(
    context,
    extensionId,
    extensionPage,
    CAPTURE_PAGES[0]!.url,
  );
  await captureOf(send, tabId);
  await expect
    .poll(() => extensionPage.evaluate(() => (globalThis as any).__events.map((e: any) => e.stage)))
    .toEqual(['settle', 'page', 'screenshot', 'full_page', 'mhtml', 'media', 'seal', 'done']);
  const events = await extensionPage.evaluate(() => (globalThis as any).__events);
  for (const e of events)
    expect(Object.keys(e).sort()).toEqual(['done', 'stage', 'tabId', 'total', 'type']);
  expect(events.at(-1)).toEqual({
    type: 'capture.progress',
    tabId,
    stage: 'done',
    done: 7,
    total: 7,
  });
});
