import type { RecordBuilder } from './builder';
import { cleanMultiline, cleanText, visibleText } from './dom';
import { handleFromHref } from './facebook-ids';
import { FB_SELECTORS } from './facebook-selectors';
import { idFromUrl, timeOf } from './facebook-story-data';
import type { PostRecord } from './record';

/** The original of a shared post: its author, link, text and time as the share shows them. */
export function sharedPost(
  shared: Element | null,
  ft: Record<string, string | undefined>,
  b: RecordBuilder,
): NonNullable<PostRecord['repostOf']> {
  const actor = shared?.querySelector(FB_SELECTORS.actor) ?? null;
  const link = shared
    ? (Array.from(shared.querySelectorAll('a[href]'))
        .map((a) => a.getAttribute('href')!)
        .find((h) => /\/(posts|videos|photos|permalink)|story_fbid=/.test(h)) ?? null)
    : null;
  const absolute = link ? new URL(link, 'https://www.facebook.com/').href : null;
  const repost = {
    id: b.pick('post.repostOf.id', [
      ['embedded-json', () => ft.original_content_id],
      ['dom', () => idFromUrl(absolute)],
    ]),
    url: b.pick('post.repostOf.url', [['dom', () => absolute]]),
    author: {
      name: b.pick('post.repostOf.author.name', [['dom', () => cleanText(actor?.textContent)]]),
      handle: b.pick(
        'post.repostOf.author.handle',
        [
          [
            'dom',
            () =>
              handleFromHref(
                actor?.closest('a')?.getAttribute('href') ?? actor?.getAttribute('href'),
              ),
          ],
        ],
        true,
      ),
      id: b.pick(
        'post.repostOf.author.id',
        [['embedded-json', () => ft.original_content_owner_id]],
        true,
      ),
    },
    text: b.pick(
      'post.repostOf.text',
      [['dom', () => cleanMultiline(visibleText(shared?.querySelector(FB_SELECTORS.text)))]],
      true,
    ),
    publishedAt: b.pick(
      'post.repostOf.publishedAt',
      [['dom', () => timeOf(shared?.querySelector(FB_SELECTORS.time) ?? null)]],
      true,
    ),
  };
  return repost;
}
