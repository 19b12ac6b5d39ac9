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
import { isOembed, postFromOembed } from './oembed';
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

/** oEmbed and other JSON with a title or author. */
function extractJson(data: unknown, url: URL): ExtractedRecord {
  const b = new RecordBuilder('generic', INFO, url);
  if (!isOembed(data)) b.warn('json: not an oEmbed response; only its title is read');
  const post = postFromOembed(data, b);
  return b.finish({
    kind: 'post',
    canonicalUrl: asString(dig(data, 'url')),
    title: cleanText(asString(dig(data, 'title'))),
    post,
  });
}

export const genericExtractor: Extractor = {
  platform: 'generic',
  version: INFO.version,
  matches: () => true,
  extract,
  extractJson,
};
