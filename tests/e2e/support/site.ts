import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Route } from '@playwright/test';
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

export const SITE_PAGES: SitePage[] = [
  {
    label: 'Instagram photo post',
    url: 'https://www.instagram.com/p/CPeC-Eenc8l/',
    real: 'instagram/post/metascraper_2024_willyrex_CPeC-Eenc8l_photo.html',
  },
  {
    label: 'Facebook post (DAG)',
    url: 'https://www.facebook.com/permalink.php?story_fbid=827163017327807&id=100015254931231',
    real: 'facebook/post/embed_wwwfb_permalink_DAG_827163017327807_2020-09.html',
  },
  {
    label: 'X post',
    url: 'https://x.com/realDonaldTrump/status/1222907250383245320',
    real: 'x/post/metascraper_x_realDonaldTrump_1222907250383245320.html',
  },
  {
    label: 'Telegram post',
    url: 'https://t.me/chollometro/40361',
    real: 'telegram/post/metascraper_tme_chollometro_post_image.html',
  },
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

/** Answers every http(s) request of the context from the fixture site. */
export async function installSite(context: BrowserContext, extra: SitePage[] = []): Promise<void> {
  const pages = [...extra, ...SITE_PAGES];
  const byKey = new Map(pages.map((p) => [key(p.url), p]));
  await context.route(/^https?:\/\//, async (route: Route) => {
    const url = route.request().url();
    if (key(url) === 'https://dalel.test/') {
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
    return route.fulfill({
      status: 404,
      contentType: 'text/plain',
      body: 'not in the fixture site',
    });
  });
}
