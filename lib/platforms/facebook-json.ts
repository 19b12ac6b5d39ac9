import { RecordBuilder } from './builder';
import { asArray, asString, dig } from './json-scan';
import { isOembed, postFromOembed, stripTags } from './oembed';
import type { ExtractedRecord } from './record';
import { capText, cleanMultiline } from './text';

const TEXT_MAX = 20_000;

/**
 * Saved Facebook JSON: the legacy post/video oEmbed, and m.facebook.com AJAX responses
 * (`for (;;);{"payload":{"actions":[{"html": …}]}}`) that carry the next batch of a timeline.
 * A timeline batch holds many posts, so it is kept as readable text of a page, not as one post.
 */
export function extractFacebookJson(
  data: unknown,
  url: URL,
  info: { name: string; version: string },
): ExtractedRecord {
  const b = new RecordBuilder('facebook', info, url);
  if (isOembed(data)) {
    const post = postFromOembed(data, b);
    return b.finish({ kind: 'post', canonicalUrl: asString(dig(data, 'url')), post });
  }
  const html = asArray(dig(data, 'payload', 'actions'))
    .map((action) => asString(dig(action, 'html')) ?? '')
    .join('\n');
  const text = cleanMultiline(
    stripTags(
      html
        .replace(/<(script|style)[\s\S]*?<\/\1>/gi, '')
        .replace(/<\/(div|p|article|header|footer|h\d)>/gi, '\n'),
    ),
  );
  if (text) b.note('text', 'api-json');
  else b.warn('text: no HTML in this response');
  b.warn('post: a timeline batch holds several posts; capture each post page for a post record');
  const capped = text ? capText(text, TEXT_MAX) : null;
  if (capped?.truncated) b.warn(`text: cut at ${TEXT_MAX} characters`);
  return b.finish({ kind: 'page', canonicalUrl: null, text: capped?.text ?? null });
}
