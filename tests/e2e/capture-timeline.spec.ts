import { readFileSync } from 'node:fs';
import path from 'node:path';
import { openForCapture, pressToolbarButton } from './support/capture';
import { expect, test } from './support/fixtures';
import { repoRoot } from '../support/shared-fixtures';

const URL_ = 'https://www.instagram.com/timeline.example/';

/** A small profile page as Instagram's logged-out shell describes it (fictional person). */
function profile(name: string, followers: string, avatar: string, bio: string) {
  return `<!doctype html><html><head><meta charset="utf-8">
<title>${name} (@timeline.example) • Instagram photos and videos</title>
<meta property="og:title" content="${name} (@timeline.example) • Instagram photos and videos">
<meta property="og:description" content="${followers} Followers, 56 Following, 12 Posts - See Instagram photos and videos from ${name} (@timeline.example)">
<meta property="og:image" content="https://scontent.cdninstagram.com/v/t51/${avatar}">
<meta name="description" content="${followers} Followers, 56 Following, 12 Posts - ${name} (@timeline.example) on Instagram: &quot;${bio}&quot;">
</head><body><h1>${name}</h1><p>${bio}</p></body></html>`;
}

test('the account timeline shows a rename, new counts, a new avatar and then the account gone', async ({
  context,
  extensionId,
  extensionPage,
  send,
}) => {
  const pages = [
    profile('Timeline Example', '1,234', 'avatar-1.jpg', 'Journalist'),
    profile('Crypto Deals 💰', '1,100', 'avatar-2.jpg', 'Buy now'),
    readFileSync(path.join(repoRoot, 'tests/fixtures/site/instagram-unavailable.html'), 'utf8'),
  ];
  let serving = 0;
  // Registered after the fixture site, so it answers this URL first.
  await context.route(URL_, (route) =>
    route.fulfill({ contentType: 'text/html; charset=utf-8', body: pages[serving]! }),
  );
  const ids: string[] = [];
  const { page, tabId } = await openForCapture(context, extensionId, extensionPage, URL_);
  for (serving = 0; serving < pages.length; serving++) {
    if (serving > 0) {
      await page.reload();
      // The monitor comes back later and presses Capture again.
      await pressToolbarButton(context, extensionId, page);
      await page.bringToFront();
    }
    const run = await send({ type: 'capture.run', tabId });
    expect(run, JSON.stringify(run.error)).toMatchObject({ ok: true });
    ids.push(run.data.id);
  }

  const first = (await send({ type: 'capture.get', id: ids[0] })).data.capture;
  expect(first.accountKey).toBe('instagram:timeline.example');
  const timeline = await send({ type: 'capture.timeline', accountKey: first.accountKey });
  expect(timeline.ok).toBe(true);
  expect(timeline.data.map((e: any) => e.capture.id)).toEqual(ids);
  expect(timeline.data[0].changes).toEqual([]);
  const avatarHash = (c: any) =>
    c.artifacts.find((a: any) => a.role === 'media' && a.sourceUrl.endsWith('.jpg'))?.sha256;
  const second = timeline.data[1];
  expect(second.changes).toEqual(
    expect.arrayContaining([
      { field: 'name', before: 'Timeline Example', after: 'Crypto Deals 💰' },
      { field: 'followers', before: 1234, after: 1100 },
      { field: 'bio', before: 'Journalist', after: 'Buy now' },
      { field: 'avatar', before: avatarHash(first), after: avatarHash(second.capture) },
    ]),
  );
  expect(avatarHash(first)).toMatch(/^sha256:/);
  expect(timeline.data[2].changes).toEqual([
    { field: 'state', before: 'active', after: 'unavailable' },
  ]);
  // Re-captures of the same URL link to the earlier ones, newest first.
  expect(timeline.data[2].capture.previousCaptureIds).toEqual([ids[1], ids[0]]);

  // The person's page says it in words: the bio change and "unavailable", not "deleted".
  const person = await send({
    type: 'person.create',
    person: {
      name: 'Timeline Example',
      accounts: [
        { platform: 'instagram', handle: 'timeline.example', platformId: null, url: null },
      ],
    },
  });
  await extensionPage.goto(
    `chrome-extension://${extensionId}/dashboard.html#persons/${person.data.id}`,
  );
  const shown = extensionPage.getByTestId('account-timeline');
  await expect(shown.locator('[data-field=bio]')).toHaveText(
    'Bio / description: Journalist → Buy now',
  );
  await expect(shown.locator('[data-field=state]')).toHaveText(
    'State: active → unavailable (deleted, renamed or blocked)',
  );
  await expect(shown).not.toContainText('deleted →');
});
