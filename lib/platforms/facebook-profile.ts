import { emptyAccount, type RecordBuilder } from './builder';
import { canonicalUrl, cleanText, meta, parseCount, titleOf, visibleText } from './dom';
import type { FacebookRoute } from './facebook-ids';
import { classifyDocument } from './notices';
import type { ExtractedRecord } from './record';

type ProfileRoute = Extract<FacebookRoute, { page: 'profile' }>;

// "Nintendo. 5,411,563 likes · 25,177 talking about this. Welcome to …" (en); ru/kk alike.
const LIKES =
  /([\d][\d.,\s\u00a0]*\s*(?:[kmb]|тыс\.?|млн|мың)?)\s*(?:likes|отмет\S* «?нравится»?|ұнатады|ұнату\S*)/i;
const FOLLOWERS =
  /([\d][\d.,\s\u00a0]*\s*(?:[kmb]|тыс\.?|млн|мың)?)\s*(?:followers|подписчик\S*|жазылушы\S*)/i;
const INTRO = /(?:talking about this|говорят об этом|бұл туралы айтып жатыр)\.?\s*([\s\S]+)$/i;

/** A page or profile (timeline) — or the "content isn't available" screen in its place. */
export function extractFacebookProfile(
  doc: Document,
  url: URL,
  b: RecordBuilder,
  route: ProfileRoute,
): ExtractedRecord {
  const description = meta(doc, 'og:description') ?? meta(doc, 'description');
  const metaName = meta(doc, 'og:title');
  const name = metaName && metaName !== 'Facebook' ? metaName : null;
  // Comet pages for a logged-in viewer: the name is the profile's h1, counts are link texts.
  const main = doc.querySelector('[role="main"]') ?? doc.querySelector('main');
  const domName = cleanText(visibleText(main?.querySelector('h1')));
  const followerLink = Array.from(main?.querySelectorAll('a[href*="followers"]') ?? [])
    .map((el) => cleanText(el.textContent) ?? '')
    .find((t) => FOLLOWERS.test(t));
  const found = Boolean(name || domName);
  const notice = found ? null : classifyDocument(doc);
  if (notice) b.note('notice', 'dom');
  const a = emptyAccount();
  a.handle = b.pick('account.handle', [['url', () => route.handle]], true);
  a.name = b.pick(
    'account.name',
    [
      ['meta', () => name],
      ['dom', () => domName],
    ],
    !found,
  );
  a.id = b.pick(
    'account.id',
    [
      ['url', () => route.id],
      [
        'embedded-json',
        () =>
          /page_id(?:\\?&quot;|["'.:\s\\]){1,12}(\d{5,})/.exec(
            doc.documentElement?.outerHTML ?? '',
          )?.[1],
      ],
    ],
    true,
  );
  const followers = FOLLOWERS.exec(description ?? '');
  const likes = LIKES.exec(description ?? '');
  a.followers = b.pick(
    'account.followers',
    [
      ['meta', () => (followers ? parseCount(followers[1]!) : null)],
      ['dom', () => (followerLink ? parseCount(FOLLOWERS.exec(followerLink)?.[1]) : null)],
      ['meta', () => (likes ? parseCount(likes[1]!) : null)],
    ],
    !found,
  );
  if (b.sources['account.followers'] === 'meta' && !followers && likes) {
    b.warn('account.followers: the page shows likes, not followers; the like count is recorded');
  }
  a.bio = b.pick(
    'account.bio',
    [['meta', () => cleanText(INTRO.exec(description ?? '')?.[1])]],
    true,
  );
  a.avatarUrl = b.pick(
    'account.avatarUrl',
    [['meta', () => (name ? meta(doc, 'og:image') : null)]],
    true,
  );
  a.state = found ? 'active' : 'unknown';
  return b.finish({
    kind: notice ? 'notice' : 'account',
    canonicalUrl: canonicalUrl(doc),
    title: titleOf(doc),
    account: found ? a : null,
    notice,
  });
}
