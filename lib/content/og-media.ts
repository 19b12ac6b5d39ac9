function absolute(href: string | null, base: URL): string | null {
  if (!href) return null;
  try {
    const url = new URL(href, base);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
  } catch {
    return null;
  }
}

/** OpenGraph/Twitter-card images and videos of a page, absolute, in page order. */
export function ogMedia(doc: Document, url: URL): Array<{ url: string; type: 'image' | 'video' }> {
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
