import { expect, test } from '@playwright/test';
import {
  FEED_POST_CASES,
  PAGE_DOM,
  aimAt,
  caseName,
  expectPostCaptured,
  type InPage,
} from '../e2e/support/feed-posts';
import {
  activateMenuItem,
  closeContextMenu,
  menuItemsShown,
  openContextMenu,
} from './support/gestures';
import { POST_MENU_ID } from '../e2e/support/menu';
import { FirefoxSession } from './support/session';

// "Capture this post" in Firefox, the way a monitor does it: a real right-click on one post of a
// feed opens Firefox's own context menu, and its "Capture this post" item is activated. Firefox
// tells the background which element the menu was opened on (`targetElementId`), the capture
// script asks `menus.getTargetElement` for it, and the record is that post. The cases and their
// checks are the Chromium spec's (tests/e2e/support/feed-posts.ts).

let session: FirefoxSession;
test.beforeEach(async () => {
  session = await FirefoxSession.start();
});
test.afterEach(async ({}, testInfo) => {
  if (testInfo.status !== testInfo.expectedStatus)
    await testInfo.attach('firefox-output', { body: session?.output ?? '' });
  await session?.close();
});

for (const c of FEED_POST_CASES) {
  test(`the context menu captures the post under the pointer: ${caseName(c)}`, async () => {
    const tab = await session.openPage(c.url);
    const inPage: InPage = (fn, arg) => session.bidi.call(tab, fn, arg ?? null);
    const { x, y, box } = await aimAt(inPage, c);

    await openContextMenu(session.bidi, tab, { x, y });
    // Read after the right-click (the page's own handlers may react to it), before the capture.
    const domBefore = await inPage<string>(PAGE_DOM);
    const label = await activateMenuItem(session.bidi, POST_MENU_ID);
    expect(label).toBe('Capture this post');

    const [listed] = await session.dalel.waitForCaptures(1);
    const { capture } = await session.dalel.ok({ type: 'capture.get', id: listed.id });
    expect(capture.url).toBe(c.url);
    expect(capture.warnings.join('\n')).not.toMatch(/does not know which post/);
    expect(capture.metadata.browser).toMatch(/^Firefox /);
    const artifacts = await session.dalel.artifacts(capture);
    await expectPostCaptured(c, 'firefox', capture, artifacts, { inPage, box, domBefore });
  });
}

test('"Capture this post" is offered on the platforms\' pages only', async () => {
  const elsewhere = await session.openPage('https://dalel.test/');
  await openContextMenu(session.bidi, elsewhere, { x: 40, y: 40 });
  expect(await menuItemsShown(session.bidi)).toEqual(['dalel-capture-page']);
  await closeContextMenu(session.bidi);

  const feed = await session.openPage(FEED_POST_CASES[0]!.url);
  await openContextMenu(session.bidi, feed, { x: 40, y: 40 });
  expect((await menuItemsShown(session.bidi)).sort()).toEqual(['dalel-capture-page', POST_MENU_ID]);
  await closeContextMenu(session.bidi);
});
