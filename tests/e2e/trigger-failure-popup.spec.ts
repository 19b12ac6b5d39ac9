import { expect, test } from './support/fixtures';

// Chromium half of "a failed shortcut or context-menu capture is visible" (the gestures
// themselves cannot be sent to headless Chromium; the Firefox suite presses them for real, see
// tests/e2e-firefox/lock.spec.ts): the failure the background keeps in storage.session is shown
// by the popup above the lock, and Chrome accepts the failure notification with its icon.

test('the popup shows the last failed capture, even while locked, until dismissed', async ({
  context,
  extensionId,
  serviceWorker,
  send,
}) => {
  await send({ type: 'vault.enable', passphrase: 'correct horse battery staple 2026' });
  await send({ type: 'vault.lock' });
  await serviceWorker.evaluate(() =>
    (globalThis as any).chrome.storage.session.set({
      lastCaptureFailure: {
        at: '2026-05-04T09:30:00.000Z',
        tabId: 1,
        url: 'https://www.instagram.com/p/DalelPost01/',
        via: 'menu',
        reason: 'locked',
        message: 'Dalel is locked: enter the passphrase to continue.',
      },
    }),
  );
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  const shown = popup.getByTestId('last-failure');
  await expect(shown).toContainText('The last capture failed');
  await expect(shown).toContainText('Dalel is locked');
  await expect(shown).toContainText("Started from the page's menu");
  await expect(shown).toContainText('https://www.instagram.com/p/DalelPost01/');
  await expect(popup.getByLabel('Passphrase')).toBeVisible(); // the unlock screen below it
  await shown.getByRole('button', { name: 'Dismiss' }).click();
  await expect(shown).toHaveCount(0);
  expect(
    await serviceWorker.evaluate(() =>
      (globalThis as any).chrome.storage.session.get('lastCaptureFailure'),
    ),
  ).toEqual({});
});

test('Chrome shows the failure notification with its packaged icon', async ({ serviceWorker }) => {
  const id = await serviceWorker.evaluate(() => {
    const chrome = (globalThis as any).chrome;
    return chrome.notifications.create('dalel-capture-failed', {
      type: 'basic',
      iconUrl: chrome.runtime.getURL('/capture-failed.png'),
      title: 'Dalel: the capture failed',
      message: 'Dalel is locked.',
    });
  });
  expect(id).toBe('dalel-capture-failed');
});
