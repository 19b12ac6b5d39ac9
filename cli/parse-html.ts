import { parseHTML } from 'linkedom';

/**
 * HTML text → Document for Node (the CLI and tests), via linkedom. Fragments (a single saved
 * element) are wrapped in a document so `document.body` exists, as it would in a browser.
 */
export function parseHtml(html: string): Document {
  const source = /<html[\s>]/i.test(html)
    ? html
    : `<!doctype html><html><head></head><body>${html}</body></html>`;
  const { document } = parseHTML(source);
  return document as unknown as Document;
}
