import { emptyPost, RecordBuilder } from './builder';
import {
  asString,
  canonicalUrl,
  cleanMultiline,
  cleanText,
  dig,
  jsonLd,
  jsonLdOfType,
  meta,
  parseDate,
  titleOf,
  visibleText,
} from './dom';
import type { Extractor } from './extractor';
import type { ExtractedRecord } from './record';
import { capText, hashtagsOf, linksOf, mentionsOf } from './text';

/**
 * Any web page: OpenGraph, JSON-LD, meta and readable text. Also the fallback for platform pages
 * an extractor could not read, and for oEmbed-shaped JSON.
 */

export const GENERIC_TEXT_MAX = 20_000;
const INFO = { name: 'generic', version: '1.0.0' };
const ARTICLE_TYPES = [
  'Article',
  'NewsArticle',
  'BlogPosting',
  'SocialMediaPosting',
  'VideoObject',
];

function extract(doc: Document, url: URL): ExtractedRecord {
  const b = new RecordBuilder('generic', INFO, url);
  const ld = jsonLd(doc, b.warnings);
  const article = jsonLdOfType(ld, ...ARTICLE_TYPES);
  const title = b.pick('title', [
    ['meta', () => meta(doc, 'og:title')],
    ['json-ld', () => asString(article?.headline) ?? asString(article?.name)],
    ['dom', () => titleOf(doc)],
  ]);
  const root = doc.querySelector('article') ?? doc.querySelector('main') ?? doc.body;
  const readable = cleanMultiline(visibleText(root, GENERIC_TEXT_MAX * 2));
  let text: string | null = null;
  if (readable) {
    const capped = capText(readable, GENERIC_TEXT_MAX);
    text = capped.text;
    b.note('text', 'dom');
    if (capped.truncated) b.warn(`text: cut at ${GENERIC_TEXT_MAX} characters`);
  } else {
    b.warn('text: page has no readable text');
  }
  const post = emptyPost();
  post.text = b.pick(
    'post.text',
    [
      ['meta', () => meta(doc, 'og:description')],
      ['json-ld', () => asString(article?.description)],
      ['meta', () => meta(doc, 'description')],
    ],
    true,
  );
  post.author.name = b.pick(
    'post.author.name',
    [
      [
        'json-ld',
        () =>
          asString(dig(article, 'author', 'name')) ?? asString(dig(article, 'author', 0, 'name')),
      ],
      ['meta', () => meta(doc, 'author') ?? meta(doc, 'article:author')],
    ],
    true,
  );
  post.publishedAt = b.pick(
    'post.publishedAt',
    [
      ['meta', () => parseDate(meta(doc, 'article:published_time'))],
      ['json-ld', () => parseDate(asString(article?.datePublished))],
    ],
    true,
  );
  const image = b.pick('post.media', [['meta', () => meta(doc, 'og:image')]], true);
  if (image) post.media.push({ type: 'image', url: image });
  post.hashtags = hashtagsOf(post.text);
  post.mentions = mentionsOf(post.text);
  post.links = linksOf(post.text);
  return b.finish({
    kind: 'page',
    canonicalUrl: canonicalUrl(doc),
    title,
    post,
    text,
  });
}

/** oEmbed (`author_name`, `title`, `thumbnail_url`, `html`) and other JSON with a title. */
function extractJson(data: unknown, url: URL): ExtractedRecord {
  const b = new RecordBuilder('generic', INFO, url);
  const post = emptyPost();
  post.author.name = b.pick('post.author.name', [
    ['api-json', () => asString(dig(data, 'author_name'))],
  ]);
  const authorUrl = asString(dig(data, 'author_url'));
  post.author.handle = b.pick(
    'post.author.handle',
    [['api-json', () => (authorUrl ? lastPathSegment(authorUrl) : null)]],
    true,
  );
  const title = cleanText(asString(dig(data, 'title')));
  post.text = b.pick(
    'post.text',
    [['api-json', () => cleanMultiline(asString(dig(data, 'title')))]],
    true,
  );
  const thumb = b.pick(
    'post.media',
    [['api-json', () => asString(dig(data, 'thumbnail_url'))]],
    true,
  );
  if (thumb) post.media.push({ type: 'image', url: thumb });
  post.hashtags = hashtagsOf(post.text);
  post.mentions = mentionsOf(post.text);
  post.links = linksOf(post.text);
  return b.finish({ kind: 'post', canonicalUrl: null, title, post });
}

function lastPathSegment(href: string): string | null {
  try {
    const parts = new URL(href).pathname.split('/').filter(Boolean);
    return parts.at(-1) ?? null;
  } catch {
    return null;
  }
}

export const genericExtractor: Extractor = {
  platform: 'generic',
  version: INFO.version,
  matches: () => true,
  extract,
  extractJson,
};
