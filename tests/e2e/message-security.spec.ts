import type { Page } from '@playwright/test';
import { ACCESS } from '../../lib/messaging/protocol';
import { malformed, samples } from '../support/message-samples';
import { openForCapture } from './support/capture';
import { expect, sendFrom, test } from './support/fixtures';
import { launchWithExtension, type Launched } from './support/launch';

const FIXTURE = {
  label: 'message-security fixture',
  url: 'https://www.instagram.com/p/dalel-message-security/',
  html: '<!doctype html><meta charset="utf-8"><title>fixture</title><p>A page',
};

let launched: Launched;
let extensionPage: Page;
let webPage: Page;
let tabId: number;

test.beforeAll(async () => {
  launched = await launchWithExtension({ extraPages: [FIXTURE] });
  extensionPage = await launched.context.newPage();
  await extensionPage.goto(`chrome-extension://${launched.extensionId}/dashboard.html`);
  // The monitor's press on the toolbar button grants access to the tab (activeTab): the
  // extension holds no standing permission for the platform's site.
  ({ page: webPage, tabId } = await openForCapture(
    launched.context,
    launched.extensionId,
    extensionPage,
    FIXTURE.url,
  ));
});
test.afterAll(async () => launched.context.close());

/**
 * Sends a message from a real content script: the extension page injects a function into the
 * web page's isolated world, so the background sees a sender with the page's URL and tab.
 */
async function sendFromContentScript(message: Record<string, unknown>) {
  return extensionPage.evaluate(
    async ({ tabId, message }) => {
      const [result] = await (globalThis as any).chrome.scripting.executeScript({
        target: { tabId },
        world: 'ISOLATED',
        args: [message],
        func: (m: unknown) => (globalThis as any).chrome.runtime.sendMessage(m),
      });
      return result.result;
    },
    { tabId, message },
  );
}

test('every privileged message from a content script is refused with forbidden (E1)', async () => {
  const types = Object.keys(samples) as (keyof typeof samples)[];
  expect(types.length).toBe(Object.keys(ACCESS).length);
  for (const type of types) {
    const answer = await sendFromContentScript(samples[type]);
    if (ACCESS[type] === 'extension-page')
      expect(answer, `${type} ${JSON.stringify(answer)}`).toMatchObject({
        ok: false,
        error: { code: 'forbidden' },
      });
    else expect(answer, type).toMatchObject({ ok: true });
  }
  // Nothing was written by those attempts: the archive is still empty.
  expect((await sendFrom(extensionPage, { type: 'person.list' })).data).toEqual([]);
  expect((await sendFrom(extensionPage, { type: 'vault.status' })).data).toMatchObject({
    enabled: false,
  });
});

test('a web page cannot message the extension at all (no externally_connectable, E1)', async () => {
  const manifest = await extensionPage.evaluate(() =>
    (globalThis as any).chrome.runtime.getManifest(),
  );
  expect(manifest.externally_connectable).toBeUndefined();
  const attempt = await webPage.evaluate(async (id) => {
    const runtime = (globalThis as any).chrome?.runtime;
    if (!runtime?.sendMessage) return 'no chrome.runtime.sendMessage in the page';
    try {
      await runtime.sendMessage(id, { type: 'vault.wipe', confirm: 'WIPE' });
      return 'delivered';
    } catch (error) {
      return `refused: ${String(error)}`;
    }
  }, launched.extensionId);
  expect(attempt).not.toBe('delivered');
  // And the page's main world never sees the content script's chrome.runtime either.
  expect(await webPage.evaluate(() => typeof (globalThis as any).chrome?.runtime?.id)).toBe(
    'undefined',
  );
});

test('malformed payloads of every type are rejected by the schema (E2)', async () => {
  for (const sample of Object.values(samples))
    for (const bad of malformed(sample))
      expect(await sendFrom(extensionPage, bad), JSON.stringify(bad)).toMatchObject({
        ok: false,
        error: { code: 'invalid_message' },
      });
});
