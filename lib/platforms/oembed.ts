import { emptyPost, type RecordBuilder } from './builder';
import { asString, dig } from './json-scan';
import type { PostRecord } from './record';
import { cleanMultiline, cleanText, hashtagsOf, linksOf, mentionsOf } from './text';

/**
 * oEmbed responses (Instagram, Facebook, X, TikTok…): `author_name`, `author_url`, `title`,
 * `thumbnail_url`, `html`. Without a DOM (JSON has none), the embed's `<blockquote><p>` text is
 * read with a pattern over this fixed, platform-generated markup.
 */
const BLOCKQUOTE_TEXT = /<blockquote[^>]*>[\s\S]*?<p[^>]*>([\s\S]*?)<\/p>/i;

export function isOembed(data: unknown): boolean {
  return typeof dig(data, 'author_name') === 'string' || typeof dig(data, 'html') === 'string';
}

export function postFromOembed(data: unknown, b: RecordBuilder): PostRecord {
  const post = emptyPost();
  const html = asString(dig(data, 'html')) ?? '';
  const authorUrl = asString(dig(data, 'author_url'));
  post.id = b.pick(
    'post.id',
    [
      // Instagram: media_id is "<media>_<owner>".
      ['api-json', () => asString(dig(data, 'media_id'))?.split('_')[0]],
      ['api-json', () => idInUrl(asString(dig(data, 'url')))],
    ],
    true,
  );
  post.author.name = b.pick('post.author.name', [
    ['api-json', () => asString(dig(data, 'author_name'))],
  ]);
  post.author.handle = b.pick(
    'post.author.handle',
    [['api-json', () => lastSegment(authorUrl)]],
    true,
  );
  post.author.id = b.pick(
    'post.author.id',
    [['api-json', () => asString(dig(data, 'author_id'))]],
    true,
  );
  // The title is the caption where there is one (Instagram, TikTok); otherwise the embed's text.
  post.text = b.pick(
    'post.text',
    [
      ['api-json', () => cleanMultiline(asString(dig(data, 'title')))],
      ['api-json', () => cleanMultiline(stripTags(BLOCKQUOTE_TEXT.exec(html)?.[1]))],
    ],
    true,
  );

  // "Publicada por <a>Author</a> en <a>Martes, 21 de octubre de 2014</a>": a date with no time or zone.
  post.publishedText = b.pick(
    'post.publishedText',
    [
      [
        'api-json',
        () =>
          cleanText(
            stripTags(
              /<\/a>\s*(?:en|on|в|·)?(?:&nbsp;|\s)*(?:<a[^>]*>)?([^<]*\d{4})(?:<\/a>)?\s*<\/blockquote>/i.exec(
                html,
              )?.[1],
            ),
          ),
      ],
    ],
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
  return post;
}

function lastSegment(href: string | null): string | null {
  if (!href) return null;
  try {
    return new URL(href).pathname.split('/').filter(Boolean).at(-1) ?? null;
  } catch {
    return null;
  }
}

function idInUrl(href: string | null): string | null {
  return href ? (/\/(?:posts|videos|status|video|p)\/([\w-]+)/.exec(href)?.[1] ?? null) : null;
}

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  '#39': "'",
};

/** Tag-free text of a small, trusted HTML snippet, entities decoded. */
export function stripTags(html: string | null | undefined): string | null {
  if (html == null) return null;
  return html
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (all, name: string) => {
      if (name.startsWith('#x')) return String.fromCodePoint(parseInt(name.slice(2), 16));
      if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)));
      return ENTITIES[name.toLowerCase()] ?? all;
    });
}
