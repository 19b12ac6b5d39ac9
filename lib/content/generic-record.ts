import type { ExtractedRecord } from '../platforms/record';
import { platformOfUrl } from '../platforms/platform-of-url';

// TEMPORARY until the extractors registry (lib/platforms/registry.ts) lands: a minimal
// OpenGraph/title record, so every page yields a valid record. Replaced in extract-record.ts.

const TEXT_CAP = 20_000;

function meta(doc: Document, key: string): string | null {
  const el = doc.querySelector(`meta[property="${key}"], meta[name="${key}"]`);
  const value = el?.getAttribute('content')?.trim();
  return value ? value : null;
}

function absolute(href: string | null, base: URL): string | null {
  if (!href) return null;
  try {
    const url = new URL(href, base);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
  } catch {
    return null;
  }
}

/** A `page` record from OpenGraph and the document title; warnings say what was unreadable. */
export function genericRecord(doc: Document, url: URL): ExtractedRecord {
  const warnings: string[] = [];
  doc.querySelectorAll('script[type="application/ld+json"]').forEach((el, i) => {
    try {
      JSON.parse(el.textContent ?? '');
    } catch {
      warnings.push(`JSON-LD block ${i + 1} could not be parsed`);
    }
  });
  const text = (doc.body?.textContent ?? '').replace(/\s+/g, ' ').trim();
  return {
    platform: platformOfUrl(url),
    kind: 'page',
    url: url.href,
    canonicalUrl: absolute(
      doc.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? null,
      url,
    ),
    title: meta(doc, 'og:title') ?? (doc.title.trim() || null),
    text: (meta(doc, 'og:description') ?? text.slice(0, TEXT_CAP)) || null,
    warnings,
    extractor: { name: 'generic', version: '0.0.1' },
  };
}

/** OpenGraph images and videos of a page, absolute, in page order. */
export function genericMedia(
  doc: Document,
  url: URL,
): Array<{ url: string; type: 'image' | 'video' }> {
  const out: Array<{ url: string; type: 'image' | 'video' }> = [];
  const pick = (selector: string, type: 'image' | 'video') =>
    doc.querySelectorAll(selector).forEach((el) => {
      const href = absolute(el.getAttribute('content'), url);
      if (href) out.push({ url: href, type });
    });
  pick(
    'meta[property="og:image"], meta[property="og:image:url"], meta[name="twitter:image"]',
    'image',
  );
  pick(
    'meta[property="og:video"], meta[property="og:video:url"], meta[property="og:video:secure_url"]',
    'video',
  );
  return out;
}
