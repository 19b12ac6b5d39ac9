import { expect, test } from '@playwright/test';
import { pngSize } from '../e2e/support/png';
import { CAPTURE_PAGES } from '../e2e/support/site';
import { pressShortcut } from './support/gestures';
import { FirefoxSession } from './support/session';

// What Tor Browser changes, reproduced with Firefox's own prefs (Tor Browser itself cannot be
// installed here): fingerprinting protection with letterboxing (a rounded window, a spoofed
// pixel ratio and screen) and the "Safest" security level (no JavaScript on any page).

const post = CAPTURE_PAGES.find((p) => p.label === 'Instagram post (hand-made)')!;

let session: FirefoxSession;
test.afterEach(async ({}, testInfo) => {
  if (testInfo.status !== testInfo.expectedStatus)
    await testInfo.attach('firefox-output', { body: session?.output ?? '' });
  await session?.close();
});

test('under resistFingerprinting the real viewport and what the page was told are recorded', async () => {
  session = await FirefoxSession.start({
    prefs: {
      'privacy.resistFingerprinting': true,
      'privacy.resistFingerprinting.letterboxing': true,
    },
  });
  const tab = await session.openPage(post.url);
  const told = await session.bidi.call<{ dpr: number; w: number }>(
    tab,
    '() => ({ dpr: devicePixelRatio, w: innerWidth })',
  );
  await pressShortcut(session.bidi, 'Alt+Shift+S');
  const [capture] = await session.dalel.waitForCaptures(1);
  const shot = (await session.dalel.artifacts(capture)).find((a) => a.role === 'screenshot')!;
  const { width, devicePixelRatio } = capture.metadata.viewport;
  expect(width).toBe(told.w);
  // The recorded pixel ratio is the screenshot's, whatever the page was told.
  expect(pngSize(shot.bytes)!.width).toBe(Math.round(width * devicePixelRatio));
  expect(capture.metadata.conditions.join('\n')).toMatch(/screen as exactly the window/);
  if (told.dpr !== devicePixelRatio)
    expect(capture.metadata.conditions.join('\n')).toMatch(/device pixel ratio/);
});

test('with JavaScript off everywhere (Tor Browser "Safest") the capture still works', async () => {
  session = await FirefoxSession.start({ prefs: { 'javascript.enabled': false } });
  // (WebDriver cannot evaluate script in such a page either: the capture is the only probe.)
  await session.openPage(post.url);
  await pressShortcut(session.bidi, 'Alt+Shift+S');
  const [capture] = await session.dalel.waitForCaptures(1);
  expect(capture.record.post.author.handle).toBe('aigerim.example');
  expect(capture.artifacts.map((a: { name: string }) => a.name)).toContain('page.html');
});
