import { createHash } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { pngSize } from '../e2e/support/png';
import { CAPTURE_PAGES } from '../e2e/support/site';
import {
  clickToolbarButton,
  contextMenuItem,
  pressKeys,
  pressShortcut,
  typeText,
} from './support/gestures';
import { FirefoxSession } from './support/session';

// Dalel's Firefox build, installed as an add-on in Debian's Firefox ESR, captures through the
// three real gestures a monitor uses: the keyboard shortcut, the toolbar button's popup, and the
// page's context menu. The pages come from the offline fixture site (nothing leaves the machine).

const page = (label: string) => CAPTURE_PAGES.find((p) => p.label === label)!;
const sha256 = (b: Buffer) => `sha256:${createHash('sha256').update(b).digest('hex')}`;

let session: FirefoxSession;
test.beforeEach(async () => {
  session = await FirefoxSession.start();
});
test.afterEach(async ({}, testInfo) => {
  if (testInfo.status !== testInfo.expectedStatus)
    await testInfo.attach('firefox-output', { body: session?.output ?? '' });
  await session?.close();
});

test('Alt+Shift+S captures a post: record, artifacts, badge', async () => {
  const post = page('Instagram post (hand-made)');
  await session.openPage(post.url);
  await pressShortcut(session.bidi, 'Alt+Shift+S');
  const [capture] = await session.dalel.waitForCaptures(1);
  expect(capture.record).toMatchObject({
    platform: 'instagram',
    kind: 'post',
    post: {
      author: { handle: 'aigerim.example', name: 'Aigerim Example' },
      publishedAt: '2026-05-04T09:30:00Z',
      text: 'Сегодня на площади — мирный пикет. #свобода',
      counts: { likes: 12, comments: 3 },
    },
  });
  expect(capture.accountKey).toBe('instagram:aigerim.example');
  expect(capture.metadata.browser).toMatch(/^Firefox 1\d\d/);
  expect(capture.metadata.omissions).toContain('MHTML: not offered by this browser');
  const artifacts = await session.dalel.artifacts(capture);
  expect(artifacts.map((a) => a.name).sort()).toEqual([
    'media/01.png',
    'page.html',
    'record.json',
    'screenshot-full.png',
    'screenshot-viewport.png',
  ]);
  for (const a of artifacts) {
    expect(sha256(a.bytes), a.name).toBe(a.sha256);
    expect(a.bytes.length, a.name).toBe(a.size);
  }
  const viewport = artifacts.find((a) => a.role === 'screenshot')!;
  const { width, devicePixelRatio } = capture.metadata.viewport;
  expect(pngSize(viewport.bytes)!.width).toBe(Math.round(width * devicePixelRatio));
  await expect.poll(async () => (await session.dalel.badge()).text).toBe('✓');
  expect(session.proxy.requests).toContain(post.url);
});

test('the toolbar button opens the popup; Capture seals a long page and tags it', async () => {
  const long = page('Instagram long profile');
  const tab = await session.openPage(long.url);
  const scrollHeight = await session.bidi.call<number>(
    tab,
    '() => document.documentElement.scrollHeight',
  );
  await clickToolbarButton(session.bidi);
  await session.dalel.captureFromPopup();
  const hash = await session.dalel.waitInPopup<string>(
    `(d) => d.querySelector('[data-testid=sealed] [data-testid=short-hash]')?.textContent`,
    30_000,
  );
  const [capture] = await session.dalel.waitForCaptures(1);
  expect(capture.seal.slice('sha256:'.length)).toContain(hash.trim().slice(0, 12));
  const full = (await session.dalel.artifacts(capture)).find((a) => a.role === 'screenshot_full')!;
  const { devicePixelRatio } = capture.metadata.viewport;
  // Stitched from several screens: the whole page, not the viewport.
  expect(Math.abs(pngSize(full.bytes)!.height - scrollHeight * devicePixelRatio)).toBeLessThan(4);

  // Tagging in the same popup, with real keystrokes (the tag form has the focus).
  await session.dalel.waitInPopup(`(d) => d.activeElement?.getAttribute('role') === 'combobox'`);
  await typeInPopup('Aliya Nurpeisova');
  await session.dalel.waitInPopup(
    `(d) => [...d.querySelectorAll('[role=option]')].some((o) => o.textContent.includes('Aliya Nurpeisova'))`,
  );
  await pressKeys(session.bidi, ['Enter']);
  await session.dalel.waitInPopup(
    `(d) => d.querySelector('[data-testid=chosen-persons]')?.textContent.includes('Aliya Nurpeisova')`,
  );
  await pressKeys(session.bidi, ['Tab', 'Tab']);
  await session.dalel.waitInPopup(`(d) => d.activeElement?.getAttribute('role') === 'combobox'`);
  await typeInPopup('Nurpeisova case');
  await session.dalel.waitInPopup(
    `(d) => [...d.querySelectorAll('[role=option]')].some((o) => o.textContent.includes('Nurpeisova case'))`,
  );
  await pressKeys(session.bidi, ['Enter']);
  await session.dalel.waitInPopup(`(d) => d.activeElement?.value === 'Nurpeisova case'`);
  await pressKeys(session.bidi, ['Tab']);
  await typeInPopup('Art. 174 Part 1');
  await pressKeys(session.bidi, ['Enter']);
  await session.dalel.waitInPopup(
    `(d) => d.querySelector('[data-testid=chosen-case]')?.textContent.includes('Nurpeisova case')`,
  );
  await session.dalel.inPopup(
    `(d) => [...d.querySelectorAll('button')].find((b) => b.textContent === 'Save tags').click()`,
  );
  await session.dalel.waitInPopup(`(d) => d.querySelector('[data-testid=tagged]')`);
  const links = await session.dalel.ok({ type: 'capture.get', id: capture.id });
  expect(links.links).toHaveLength(1);
  const persons = await session.dalel.ok({ type: 'person.list' });
  expect(persons.map((p: { name: string }) => p.name)).toEqual(['Aliya Nurpeisova']);
  const cases = await session.dalel.ok({ type: 'case.list' });
  expect(cases[0]).toMatchObject({ title: 'Nurpeisova case', article: 'Art. 174 Part 1' });
});

const typeInPopup = (text: string) => typeText(session.bidi, text);

test('the context menu captures a notice', async () => {
  const notice = page('Instagram "page isn\'t available"');
  const tab = await session.openPage(notice.url);
  await contextMenuItem(session.bidi, tab, 'dalel-capture-page');
  const [capture] = await session.dalel.waitForCaptures(1);
  expect(capture.kind).toBe('notice');
  // "This page isn't available" does not say the account was deleted: it is `unavailable`.
  expect(capture.record.notice).toMatchObject({ type: 'unavailable', language: 'en' });
  expect(capture.accountKey).toBe('instagram:kairat.deleted');
});

test('Alt+Shift+D opens the popup with Capture focused; Enter captures', async () => {
  const post = page('Instagram post (hand-made)');
  await session.openPage(post.url);
  await pressShortcut(session.bidi, 'Alt+Shift+D');
  await session.dalel.waitInPopup(
    `(d) => d.activeElement?.matches('button.primary') && !d.activeElement.disabled`,
  );
  await pressKeys(session.bidi, ['Enter']);
  const [capture] = await session.dalel.waitForCaptures(1);
  expect(capture.url).toBe(post.url);
});
