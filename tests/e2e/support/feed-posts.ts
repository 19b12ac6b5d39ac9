import { mkdirSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { expect } from '@playwright/test';
import { parseHTML } from 'linkedom';
import { pngCheck } from './png';
import { FEED_PAGES } from './site';

/**
 * "Capture this post" on the feed fixture pages, shared by the Chromium spec
 * (tests/e2e/capture-post.spec.ts) and the Firefox one (tests/e2e-firefox/capture-post.spec.ts):
 * which element a monitor right-clicks, the post container that must be chosen, and what the
 * record must say about that post. Every feed has a case on a post that is not its first, so a
 * capture that took the page's first (or only) post instead fails.
 */
export interface FeedPostCase {
  /** A label of FEED_PAGES (tests/e2e/support/site.ts). */
  page: string;
  url: string;
  /** What the monitor right-clicks inside the post (the first match). */
  click: string;
  /** The post's container on the live page: the record's `target.path` must name it. */
  container: string;
  post: Record<string, unknown>;
}

const CASES: Array<Omit<FeedPostCase, 'url'>> = [
  {
    page: 'Facebook news feed (hand-made)',
    click: '[aria-posinset="2"] [data-ad-comet-preview="message"] div',
    container: '[data-pagelet="FeedUnit_1"]',
    post: {
      id: '5566778899001122',
      author: { name: 'Нурлан Ахметов', id: '100077712345678' },
      text: 'Мой аккаунт взломали в понедельник. Все посты с того дня писал не я.',
    },
  },
  {
    page: 'Instagram home feed (hand-made)',
    click: 'article:nth-child(2) h1',
    container: 'article:nth-child(2)',
    post: {
      // The shortcode DaLeLFeEd02 of the second post's /reel/ link, as a media id.
      id: '3930367802993663286',
      author: { handle: 'nurlan.example' },
      publishedAt: '2026-05-10T18:05:00Z',
      text: 'Менің аккаунтымды бұзып алды. Бұл жазбаларды мен жазған жоқпын.',
      media: [
        { type: 'video', url: 'https://scontent.cdninstagram.com/o1/v/t16/feed-nurlan-reel.mp4' },
      ],
    },
  },
  {
    // The first tweet, chosen by its photo (the menu opens on an image).
    page: 'X home timeline (hand-made)',
    click: '[data-testid="cellInnerDiv"]:nth-child(1) [data-testid="tweetPhoto"] img',
    container: '[data-testid="cellInnerDiv"]:nth-child(1) article',
    post: {
      id: '1790000000000000001',
      author: { handle: 'aigerim_example', name: 'Aigerim Saparova' },
      publishedAt: '2026-05-11T09:30:00Z',
      text: 'The hearing is set for May 12. Please come and support them. #FreeThem',
      counts: { likes: 310, comments: 14, shares: 52 },
    },
  },
  {
    // The second tweet, chosen by its text; it quotes another, which must not be taken for it.
    page: 'X home timeline (hand-made)',
    click: '[data-testid="cellInnerDiv"]:nth-child(2) [data-testid="tweetText"]',
    container: '[data-testid="cellInnerDiv"]:nth-child(2) article',
    post: {
      id: '1790000000000000002',
      author: { handle: 'nurlan_example', name: 'Nurlan Akhmetov' },
      publishedAt: '2026-05-10T18:05:00Z',
      text: 'My account was hacked on Monday. I did not write anything posted since.',
      repostOf: { author: { handle: 'aigerim_example' }, text: 'Quoted words' },
    },
  },
  {
    page: 'VK news feed (hand-made)',
    click: '#post555000111_88 .wall_post_text',
    container: '#post555000111_88',
    post: {
      id: '555000111_88',
      author: { handle: 'id555000111', name: 'Нурлан Ахметов', id: '555000111' },
      publishedAt: '2026-05-10T17:05:00Z',
      text: 'Мою страницу взломали. Всё, что опубликовано после понедельника, писал не я.',
    },
  },
  {
    // The channel's first message, chosen by its photo.
    page: 'Telegram channel feed (hand-made)',
    click: '[data-post="monitor_example/1201"] .tgme_widget_message_photo_wrap',
    container: '[data-post="monitor_example/1201"]',
    post: {
      id: '1201',
      author: { handle: 'monitor_example' },
      text: 'Приговор оглашён: 5 лет ограничения свободы.',
      media: [{ type: 'image', url: 'https://cdn4.telesco.pe/file/feed-channel-1201.jpg' }],
    },
  },
  {
    page: 'Telegram channel feed (hand-made)',
    click: '[data-post="monitor_example/1202"] .tgme_widget_message_text',
    container: '[data-post="monitor_example/1202"]',
    post: {
      id: '1202',
      author: { handle: 'monitor_example', name: 'Мониторинг (пример)' },
      publishedAt: '2026-05-11T10:02:00Z',
      text: 'Защита подаёт апелляцию.',
      media: [],
    },
  },
  {
    page: 'Facebook news feed, 2017 (real, found)',
    click: '#hyperfeed_story_id_598a0478260775928990222 h5 a',
    container: '#hyperfeed_story_id_598a0478260775928990222',
    post: {
      id: '1449167498498976',
      author: { name: 'SELECT', handle: 'MeetSelect' },
      text: "Meet the Black Card That's Taking SF by Storm:",
    },
  },
];

export const FEED_POST_CASES: FeedPostCase[] = CASES.map((c) => {
  const fixture = FEED_PAGES.find((p) => p.label === c.page);
  if (!fixture) throw new Error(`no feed fixture page "${c.page}"`);
  return { ...c, url: fixture.url };
});

/** A case's name in test titles and screenshot files. */
export const caseName = (c: FeedPostCase) => `${c.page} — ${c.click}`;

/**
 * Runs page-side code in the captured tab, whatever drives the browser: `fn` is a function's
 * source, called with `arg`; its result comes back as JSON.
 */
export type InPage = <T>(fn: string, arg?: unknown) => Promise<T>;

/** The live page's whole DOM, to compare before and after a capture. */
export const PAGE_DOM = '() => document.documentElement.outerHTML';

/**
 * Scrolls the element to be right-clicked into the middle of the viewport and answers where to
 * click (its centre, viewport CSS pixels) and the post container's size.
 */
export function aimAt(
  inPage: InPage,
  c: FeedPostCase,
): Promise<{ x: number; y: number; box: { width: number; height: number } }> {
  return inPage(
    `({ click, container }) => {
      const el = document.querySelector(click);
      const post = document.querySelector(container);
      if (!el || !post) throw new Error('not on the page: ' + (el ? container : click));
      el.scrollIntoView({ block: 'center', behavior: 'instant' });
      const r = el.getBoundingClientRect();
      const b = post.getBoundingClientRect();
      return { x: r.left + r.width / 2, y: r.top + r.height / 2, box: { width: b.width, height: b.height } };
    }`,
    { click: c.click, container: c.container },
  );
}

/** What a post capture is checked against (both browsers' captures have this shape). */
export interface CapturedPost {
  kind: string;
  record: { post?: unknown; target?: { via: string; path: string; reportedBy?: string } | null };
  metadata: { viewport?: { devicePixelRatio?: number } | null };
  artifacts: Array<{ name: string; role: string; sha256: string }>;
}

const sha256Ref = (bytes: Buffer) => `sha256:${createHash('sha256').update(bytes).digest('hex')}`;

/**
 * Everything "Capture this post" promises, checked on one capture: the record is the chosen post
 * and names its container on the live page; a tight, valid PNG of the post comes besides the
 * viewport and full-page shots; the HTML snapshot marks that post; the live page was not written
 * to (`domBefore` was read after the right-click, before the capture). The crop is kept under
 * test-results/screens/ for a person to look at.
 */
export async function expectPostCaptured(
  c: FeedPostCase,
  browser: 'chromium' | 'firefox',
  capture: CapturedPost,
  artifacts: Array<{ name: string; role: string; sha256: string; bytes: Buffer }>,
  live: { inPage: InPage; box: { width: number; height: number }; domBefore: string },
): Promise<void> {
  // The record is the chosen post, and says where it is.
  expect(capture.kind).toBe('post');
  expect(capture.record.post).toMatchObject(c.post);
  // Firefox names the element its menu was opened on; Chrome does not, and Dalel's listener did.
  expect(capture.record.target).toMatchObject({
    via: 'pointer',
    reportedBy: browser === 'firefox' ? 'browser' : 'listener',
  });
  const path = capture.record.target!.path;
  const [atPath, chosen] = await live.inPage<[string | null, string | null]>(
    `({ path, container }) => [document.querySelector(path)?.outerHTML ?? null, document.querySelector(container)?.outerHTML ?? null]`,
    { path, container: c.container },
  );
  expect(chosen).not.toBeNull();
  expect(atPath).toBe(chosen);

  // A tight screenshot of the post besides the viewport and the full page.
  for (const a of artifacts) expect(sha256Ref(a.bytes), a.name).toBe(a.sha256);
  expect(artifacts.map((a) => a.name)).toEqual(
    expect.arrayContaining([
      'screenshot-viewport.png',
      'screenshot-full.png',
      'screenshot-post.png',
    ]),
  );
  const cropBytes = artifacts.find((a) => a.name === 'screenshot-post.png')!.bytes;
  mkdirSync('test-results/screens', { recursive: true });
  writeFileSync(
    `test-results/screens/capture-post-${browser}-${caseName(c).replace(/\W+/g, '-')}.png`,
    cropBytes,
  );
  const crop = pngCheck(cropBytes);
  const viewport = pngCheck(artifacts.find((a) => a.name === 'screenshot-viewport.png')!.bytes);
  const dpr = capture.metadata.viewport?.devicePixelRatio ?? 1;
  expect(
    Math.abs(crop.width - Math.min(live.box.width, viewport.width / dpr) * dpr),
  ).toBeLessThanOrEqual(2 * dpr);
  expect(Math.abs(crop.height - live.box.height * dpr)).toBeLessThanOrEqual(2 * dpr);
  expect(crop.width).toBeLessThanOrEqual(viewport.width);
  if (live.box.height * dpr < viewport.height - 2 * dpr) {
    // A post that fits on the screen: a cut of it, smaller than the viewport shot.
    expect(crop.height).toBeLessThan(viewport.height);
    expect(crop.width * crop.height).toBeLessThan(viewport.width * viewport.height);
  } else {
    // A post taller than the screen (the 2017 page renders unstyled, offline, in Firefox's
    // shorter window): stitched whole, not cut at the screen's edge.
    expect(crop.height).toBeGreaterThanOrEqual(viewport.height - 2 * dpr);
  }

  // The snapshot marks the chosen post (on its copy); the live page was never written to.
  const html = artifacts.find((a) => a.role === 'snapshot_html')!.bytes.toString('utf8');
  const { document } = parseHTML(html);
  const marked = document.querySelectorAll('[data-dalel-target="post"]');
  expect(marked.length).toBe(1);
  const text = (c.post as { text?: string }).text;
  if (text) expect(marked[0]!.textContent).toContain(text);
  expect(
    await live.inPage<number>(`() => document.querySelectorAll('[data-dalel-target]').length`),
  ).toBe(0);
  expect(await live.inPage<string>(PAGE_DOM)).toBe(live.domBefore);
}
