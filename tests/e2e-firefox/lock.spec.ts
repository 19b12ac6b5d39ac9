import { expect, test } from '@playwright/test';
import { CAPTURE_PAGES } from '../e2e/support/site';
import { clickToolbarButton, pressShortcut } from './support/gestures';
import { FirefoxSession } from './support/session';

// The passphrase lock in Firefox, and what a monitor sees when a capture from the keyboard
// shortcut fails because Dalel is locked: the badge, a notification, and the reason in the popup.

const post = CAPTURE_PAGES.find((p) => p.label === 'Instagram post (hand-made)')!;
const PASSPHRASE = 'correct horse battery staple 2026';

let session: FirefoxSession;
test.afterEach(async ({}, testInfo) => {
  if (testInfo.status !== testInfo.expectedStatus)
    await testInfo.attach('firefox-output', { body: session?.output ?? '' });
  await session?.close();
});

test('a locked Dalel says so on the badge, in a notification and in the popup', async () => {
  session = await FirefoxSession.start();
  const { dalel } = session;
  await dalel.ok({ type: 'vault.enable', passphrase: PASSPHRASE });
  await session.openPage(post.url);
  await pressShortcut(session.bidi, 'Alt+Shift+S');
  await dalel.waitForCaptures(1);

  await dalel.ok({ type: 'vault.lock' });
  expect((await dalel.send({ type: 'capture.list' })).error?.code).toBe('locked');
  // Headless Firefox has no notification service: a notification is closed as soon as it is
  // created, and its events say it existed.
  await dalel.eval(`() => {
    window.notified = [];
    const note = (id) => window.notified.push(id);
    browser.notifications.onShown?.addListener(note);
    browser.notifications.onClosed.addListener(note);
  }`);
  await session.openPage(post.url);
  await pressShortcut(session.bidi, 'Alt+Shift+S');
  await expect.poll(async () => (await dalel.badge()).text).toBe('!');
  expect((await dalel.badge()).title).toMatch(/Dalel is locked/);
  await expect
    .poll(() => dalel.eval<string[]>('() => window.notified'))
    .toContain('dalel-capture-failed');

  await clickToolbarButton(session.bidi);
  const shown = await dalel.waitInPopup<string>(
    `(d) => d.querySelector('[data-testid=last-failure]')?.textContent`,
  );
  expect(shown).toMatch(/Dalel is locked/);
  expect(shown).toContain(post.url);
  expect(shown).toMatch(/keyboard shortcut/);

  // Unlocked, the same gesture captures, and the failure is no longer news.
  await dalel.ok({ type: 'vault.unlock', passphrase: PASSPHRASE });
  await session.openPage(post.url);
  await pressShortcut(session.bidi, 'Alt+Shift+S');
  await dalel.waitForCaptures(2);
  await expect
    .poll(() => dalel.eval('async () => browser.storage.session.get("lastCaptureFailure")'))
    .toEqual({});

  // The key lives in memory only: after a restart the archive is locked again, then opens.
  await session.restart();
  expect((await session.dalel.send({ type: 'capture.list' })).error?.code).toBe('locked');
  await session.dalel.ok({ type: 'vault.unlock', passphrase: PASSPHRASE });
  expect(await session.dalel.ok({ type: 'capture.list' })).toHaveLength(2);
});
