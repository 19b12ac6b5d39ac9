import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Route } from '@playwright/test';
import { deterministicPng, deterministicVideo } from './png';
import { realFixturesDir, repoRoot } from '../../support/shared-fixtures';

/**
 * The offline fixture site: pages the browser sees as https://www.instagram.com/…,
 * https://www.facebook.com/…, https://x.com/…, https://t.me/…, served from saved files through
 * Playwright request routing. Every other request is answered locally too (404), so nothing
 * leaves the machine. Used by the end-to-end tests and by `npm run demo`.
 */
export interface SitePage {
  url: string;
  /** A real saved page, relative to shared/fixtures/real. */
  real?: string;
  /** A page kept in the repo (hand-made, or real and found), relative to tests/fixtures. */
  handmade?: string;
  /** Inline HTML, for pages made up by a test. */
  html?: string;
  label: string;
}

/** Hand-made pages for the capture tests (tests/fixtures/site), fictional persons. */
export const CAPTURE_PAGES = [
  {
    label: 'Instagram post (hand-made)',
    url: 'https://www.instagram.com/p/DalelPost01/',
    handmade: 'site/instagram-post.html',
  },
  {
    label: 'Instagram long profile',
    url: 'https://www.instagram.com/aigerim.example/',
    handmade: 'site/instagram-long-profile.html',
  },
  {
    label: 'Instagram "page isn\'t available"',
    url: 'https://www.instagram.com/kairat.deleted/',
    handmade: 'site/instagram-unavailable.html',
  },
  {
    label: 'X page whose scripts throw',
    url: 'https://x.com/example/status/1800000000000000001',
    handmade: 'site/x-throws.html',
  },
  {
    label: 'News article (no extractor)',
    url: 'https://news.example.kz/2026/05/aktivist',
    handmade: 'site/generic-article.html',
  },
  {
    label: 'Instagram post with a missing image',
    url: 'https://www.instagram.com/p/DalelMissing/',
    handmade: 'site/instagram-missing-media.html',
  },
  {
    label: 'Instagram post with a slow image',
    url: 'https://www.instagram.com/p/DalelSlow/',
    handmade: 'site/instagram-slow-media.html',
  },
  {
    label: 'Page that navigates away',
    url: 'https://www.instagram.com/p/DalelLeaving/',
    handmade: 'site/instagram-navigates-away.html',
  },
] satisfies SitePage[];

/** Hand-made hostile pages (tests/fixtures/site/hostile): they attack the capturer. */
export const HOSTILE_PAGES = [
  {
    label: 'Hostile: text before <head>, beacons from <html>',
    url: 'https://www.instagram.com/p/HostileHead/',
    handmade: 'site/hostile/text-before-head.html',
  },
  {
    label: 'Hostile: markup that turns active when parsed again',
    url: 'https://www.instagram.com/p/HostileMarkup/',
    handmade: 'site/hostile/markup.html',
  },
  {
    label: 'Hostile: main-site URLs as media, a CDN redirect, a rewritten address',
    url: 'https://www.instagram.com/p/HostileCreds/',
    handmade: 'site/hostile/credentials.html',
  },
  {
    label: 'Hostile: an active SVG as the post image',
    url: 'https://www.instagram.com/p/HostileSvg/',
    handmade: 'site/hostile/active-svg.html',
  },
] satisfies SitePage[];

/** Hand-made pages seen while logged in: the viewer's own account shows in the navigation. */
export const LOGGED_IN_PAGES = [
  {
    label: 'Instagram post, logged in (viewer avatar in the navigation)',
    url: 'https://www.instagram.com/p/DalelLoggedIn/',
    handmade: 'site/logged-in/instagram-post.html',
  },
  {
    label: 'X post, logged in (account switcher)',
    url: 'https://x.com/kairat_example/status/1900000000000000001',
    handmade: 'site/logged-in/x-post.html',
  },
] satisfies SitePage[];

/** An SVG "image" that runs script and beacons when opened on its own. */
export const ACTIVE_SVG = `<svg xmlns="http://www.w3.org/2000/svg" width="40" height="40" onload="window.__ranInSnapshot=1">
<script>window.__ranInSnapshot = 1; fetch('https://evil.example/svg-script');</script>
<image href="https://evil.example/svg-beacon.png" width="40" height="40"/><rect width="40" height="40" fill="red"/></svg>`;

/**
 * Feeds and timelines with several posts, for "Capture this post": hand-made pages for each
 * platform and one real news feed found in a public test suite (tests/fixtures/found).
 */
export const FEED_PAGES = [
  {
    label: 'Facebook news feed (hand-made)',
    url: 'https://www.facebook.com/',
    handmade: 'handmade/facebook/feed-comet-ru.html',
  },
  {
    label: 'Instagram home feed (hand-made)',
    url: 'https://www.instagram.com/',
    handmade: 'handmade/instagram/feed-home-kk.html',
  },
  {
    label: 'X home timeline (hand-made)',
    url: 'https://x.com/home',
    handmade: 'handmade/x/feed-home-en.html',
  },
  {
    label: 'VK news feed (hand-made)',
    url: 'https://vk.com/feed',
    handmade: 'handmade/vk/feed-desktop-ru.html',
  },
  {
    label: 'Telegram channel feed (hand-made)',
    url: 'https://t.me/s/monitor_example',
    handmade: 'handmade/telegram/feed-channel-ru.html',
  },
  {
    label: 'Facebook news feed, 2017 (real, found)',
    url: 'https://www.facebook.com/?sk=h_chr',
    handmade: 'found/facebook/feed/propublica_wwwfb_newsfeed_2017-08_sponsored.html',
  },
] satisfies SitePage[];

/** Hosts whose every path is answered with generated media (the platforms' CDNs). */
const MEDIA_HOST =
  /(^|\.)(cdninstagram\.com|fbcdn\.net|twimg\.com|telegram\.org|cdn-telegram\.org|telesco\.pe)$/;
/** How long `/slow/…` media take, so a test can act while a capture waits for them. */
export const SLOW_MEDIA_MS = 3_000;

/** One answer of the fixture site, whatever carries it (Playwright routing, the Firefox proxy). */
export interface SiteAnswer {
  status: number;
  contentType: string;
  headers?: Record<string, string>;
  body: string | Buffer;
}

/**
 * Media for any image/video URL the fixture pages reference: a PNG (or video bytes) generated from
 * the URL, so the same URL always has the same bytes. `/missing/…` is a 404; `/slow/…` is delayed.
 */
async function answerMedia(url: URL): Promise<SiteAnswer | null> {
  if (url.pathname.startsWith('/missing/'))
    return { status: 404, contentType: 'text/plain', body: 'gone' };
  if (MEDIA_HOST.test(url.hostname) && url.pathname.startsWith('/redirect/'))
    // A CDN answer that points at the main site, where the monitor is logged in.
    return {
      status: 302,
      contentType: 'text/plain',
      headers: { location: 'https://www.instagram.com/accounts/edit/?via=redirect' },
      body: '',
    };
  if (MEDIA_HOST.test(url.hostname) && url.pathname.startsWith('/svg/'))
    return {
      status: 200,
      contentType: 'image/svg+xml',
      headers: { date: new Date().toUTCString() },
      body: ACTIVE_SVG,
    };
  const video = /\.(mp4|webm)$/i.test(url.pathname);
  if (!MEDIA_HOST.test(url.hostname) && !video && !/\.(jpe?g|png|webp|gif)$/i.test(url.pathname))
    return null;
  if (url.pathname.startsWith('/slow/')) await new Promise((r) => setTimeout(r, SLOW_MEDIA_MS));
  return {
    status: 200,
    contentType: video ? 'video/mp4' : 'image/png',
    headers: { date: new Date().toUTCString(), 'access-control-allow-origin': '*' },
    body: video ? deterministicVideo(url.href) : deterministicPng(url.href),
  };
}

export const SITE_PAGES: SitePage[] = [
  {
    label: 'Instagram photo post',
    url: 'https://www.instagram.com/p/CPeC-Eenc8l/',
    real: 'instagram/post/metascraper_2024_willyrex_CPeC-Eenc8l_photo.html',
  },
  {
    label: 'Facebook post (DAG)',
    url: 'https://www.facebook.com/permalink.php?story_fbid=827163017327807&id=149460691764713',
    real: 'facebook/post/embed_wwwfb_permalink_DAG_827163017327807_2020-09.html',
  },
  {
    label: 'X post',
    url: 'https://x.com/realDonaldTrump/status/1222907250383245320',
    real: 'x/post/metascraper_x_realDonaldTrump_1222907250383245320.html',
  },
  {
    label: 'Telegram post',
    url: 'https://t.me/chollometro/28542',
    real: 'telegram/post/metascraper_tme_chollometro_post_image.html',
  },
  {
    label: 'Instagram profile',
    url: 'https://www.instagram.com/pluto__travel/',
    real: 'instagram/profile/metascraper_2024_pluto__travel_profile.html',
  },
  ...CAPTURE_PAGES,
  ...HOSTILE_PAGES,
  ...LOGGED_IN_PAGES,
  ...FEED_PAGES,
];

function key(url: string): string {
  const u = new URL(url);
  return `${u.origin}${u.pathname.replace(/\/$/, '')}${u.search}`;
}

export function pageBody(page: SitePage): string | null {
  if (page.html !== undefined) return page.html;
  if (page.handmade)
    return readFileSync(path.join(repoRoot, 'tests/fixtures', page.handmade), 'utf8');
  const real = realFixturesDir();
  if (page.real && real && existsSync(path.join(real, page.real)))
    return readFileSync(path.join(real, page.real), 'utf8');
  return null;
}

export function indexPage(pages: SitePage[]): string {
  // Labels name markup ("text before <head>"): escaped, so they read as written.
  const esc = (text: string) =>
    text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
  const items = pages
    .filter((p) => pageBody(p) !== null)
    .map(
      (p) => `<li><a href="${esc(p.url)}">${esc(p.label)}</a><br><code>${esc(p.url)}</code></li>`,
    )
    .join('\n');
  return `<!doctype html><meta charset="utf-8"><title>Dalel demo site</title>
<style>
  body { font: 15px/1.45 system-ui, sans-serif; max-width: 52rem; margin: 2rem auto; padding: 0 1rem; color: #1b1f24; }
  li { margin: 0.35rem 0; }
  code { color: #57606a; font-size: 0.85em; }
</style>
<h1>Dalel offline demo site</h1>
<p>Saved pages served as the real platforms, offline: nothing leaves this computer. Open one,
then press the Dalel button in the toolbar (or Alt+Shift+S) to capture it; Alt+Shift+D opens
the dashboard.</p>
<ul>${items}</ul>`;
}

/** Where `npm run demo` starts: the list of the fixture site's pages. */
export const DEMO_START = 'https://dalel.test/';

/**
 * The fixture site as a function from URL to answer: the index at https://dalel.test/, the pages,
 * generated media, and a 404 for everything else (nothing is ever fetched from the network).
 */
export function createSite(extra: SitePage[] = []): (url: string) => Promise<SiteAnswer> {
  const pages = [...extra, ...SITE_PAGES];
  const byKey = new Map(pages.map((p) => [key(p.url), p]));
  return async (url) => {
    // The demo's start page (`npm run demo`), with or without its trailing slash (key drops it).
    if (key(url) === key(DEMO_START))
      return { status: 200, contentType: 'text/html; charset=utf-8', body: indexPage(pages) };
    const page = byKey.get(key(url));
    const body = page ? pageBody(page) : null;
    if (body !== null)
      return {
        status: 200,
        contentType: 'text/html; charset=utf-8',
        headers: { date: new Date().toUTCString() },
        body,
      };
    return (
      (await answerMedia(new URL(url))) ?? {
        status: 404,
        contentType: 'text/plain',
        body: 'not in the fixture site',
      }
    );
  };
}

/** Answers every http(s) request of the context from the fixture site. */
export async function installSite(
  context: BrowserContext,
  extra: SitePage[] = [],
  passThrough?: (url: URL) => boolean,
): Promise<void> {
  const site = createSite(extra);
  await context.route(/^https?:\/\//, async (route: Route) => {
    // A test's own loopback servers (an S3 engine, a presigning service) are reached for real.
    if (passThrough?.(new URL(route.request().url()))) return route.continue();
    const answer = await site(route.request().url());
    await route
      .fulfill({
        status: answer.status,
        contentType: answer.contentType,
        headers: answer.headers,
        body: answer.body,
      })
      .catch(() => undefined); // the page or browser may be gone after a slow answer
  });
}
