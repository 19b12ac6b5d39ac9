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
  /** A hand-made page, relative to tests/fixtures. */
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

/** Hosts whose every path is answered with generated media (the platforms' CDNs). */
const MEDIA_HOST =
  /(^|\.)(cdninstagram\.com|fbcdn\.net|twimg\.com|telegram\.org|cdn-telegram\.org|telesco\.pe)$/;
/** How long `/slow/…` media take, so a test can act while a capture waits for them. */
export const SLOW_MEDIA_MS = 3_000;

/**
 * Media for any image/video URL the fixture pages reference: a PNG (or video bytes) generated from
 * the URL, so the same URL always has the same bytes. `/missing/…` is a 404; `/slow/…` is delayed.
 */
async function answerMedia(route: Route, url: URL): Promise<boolean> {
  if (url.pathname.startsWith('/missing/')) {
    await route.fulfill({ status: 404, contentType: 'text/plain', body: 'gone' });
    return true;
  }
  const video = /\.(mp4|webm)$/i.test(url.pathname);
  if (!MEDIA_HOST.test(url.hostname) && !video && !/\.(jpe?g|png|webp|gif)$/i.test(url.pathname))
    return false;
  if (url.pathname.startsWith('/slow/')) await new Promise((r) => setTimeout(r, SLOW_MEDIA_MS));
  await route
    .fulfill({
      status: 200,
      contentType: video ? 'video/mp4' : 'image/png',
      headers: { date: new Date().toUTCString(), 'access-control-allow-origin': '*' },
      body: video ? deterministicVideo(url.href) : deterministicPng(url.href),
    })
    .catch(() => undefined); // the page or browser may be gone after a slow answer
  return true;
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
  const items = pages
    .filter((p) => pageBody(p) !== null)
    .map((p) => `<li><a href="${p.url}">${p.label}</a> <code>${p.url}</code></li>`)
    .join('\n');
  return `<!doctype html><meta charset="utf-8"><title>Dalel demo site</title>
<h1>Dalel offline demo site</h1>
<p>Saved pages served as the real platforms, offline. Open one, then press the Dalel button.</p>
<ul>${items}</ul>`;
}

/** Where `npm run demo` starts: the list of the fixture site's pages. */
export const DEMO_START = 'https://dalel.test/';

/** Answers every http(s) request of the context from the fixture site. */
export async function installSite(context: BrowserContext, extra: SitePage[] = []): Promise<void> {
  const pages = [...extra, ...SITE_PAGES];
  const byKey = new Map(pages.map((p) => [key(p.url), p]));
  await context.route(/^https?:\/\//, async (route: Route) => {
    const url = route.request().url();
    // The demo's start page (`npm run demo`), with or without its trailing slash.
    if (key(url) === key(DEMO_START)) {
      return route.fulfill({ contentType: 'text/html; charset=utf-8', body: indexPage(pages) });
    }
    const page = byKey.get(key(url));
    const body = page ? pageBody(page) : null;
    if (body !== null) {
      return route.fulfill({
        status: 200,
        contentType: 'text/html; charset=utf-8',
        headers: { date: new Date().toUTCString() },
        body,
      });
    }
    if (await answerMedia(route, new URL(url))) return;
    return route.fulfill({
      status: 404,
      contentType: 'text/plain',
      body: 'not in the fixture site',
    });
  });
}
