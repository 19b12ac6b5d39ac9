import { emptyAccount, type RecordBuilder } from './builder';
import { canonicalUrl, meta, text, visibleText } from './dom';
import { findUser, pageStates } from './instagram-data';
import { profileCountsIn, readProfileMeta } from './instagram-meta';
import { IG_SELECTORS } from './instagram-selectors';
import { classifyDocument } from './notices';
import type { AccountState, ExtractedRecord } from './record';
import { cleanText } from './text';

/** A profile page: public, private ("This account is private"), verified, or not available. */
export function extractInstagramProfile(
  doc: Document,
  url: URL,
  b: RecordBuilder,
  handle: string,
): ExtractedRecord {
  const data = findUser(pageStates(doc, handle, b.warnings), handle);
  const m = readProfileMeta(doc);
  const headerText = visibleText(doc.querySelector('header'));
  const dom = profileCountsIn(cleanText(headerText));
  const notice = classifyDocument(doc);
  const found = Boolean(data || m.handle || m.followers !== null || dom.followers !== null);
  // On a live profile only a "private" notice describes the account; other phrases may be
  // in bios or captions. Without account data, any notice is the page itself.
  const pageNotice = notice && (!found || notice.type === 'private') ? notice : null;
  if (pageNotice) b.note('notice', 'dom');

  const a = emptyAccount();
  const expected = found;
  a.handle = b.pick(
    'account.handle',
    [
      ['embedded-json', () => data?.handle],
      ['meta', () => m.handle],
      ['dom', () => text(doc, IG_SELECTORS.profileHeader)],
      ['url', () => (found ? handle : null)],
    ],
    !expected,
  );
  a.name = b.pick(
    'account.name',
    [
      ['embedded-json', () => data?.name],
      ['meta', () => m.name],
    ],
    !expected,
  );
  a.id = b.pick(
    'account.id',
    [
      ['embedded-json', () => data?.id],
      ['meta', () => /user\?id=(\d+)/.exec(meta(doc, 'al:ios:url') ?? '')?.[1]],
      ['meta', () => meta(doc, 'instapp:owner_user_id')],
    ],
    true,
  );
  a.bio = b.pick(
    'account.bio',
    [
      ['embedded-json', () => data?.bio],
      ['meta', () => m.bio],
    ],
    true,
  );
  a.avatarUrl = b.pick(
    'account.avatarUrl',
    [
      ['embedded-json', () => data?.avatarUrl],
      ['meta', () => (found ? meta(doc, 'og:image') : null)],
    ],
    !expected,
  );
  a.followers = b.pick(
    'account.followers',
    [
      ['embedded-json', () => data?.followers],
      ['meta', () => m.followers],
      ['dom', () => dom.followers],
    ],
    !expected,
  );
  a.following = b.pick(
    'account.following',
    [
      ['embedded-json', () => data?.following],
      ['meta', () => m.following],
      ['dom', () => dom.following],
    ],
    !expected,
  );
  a.posts = b.pick(
    'account.posts',
    [
      ['embedded-json', () => data?.posts],
      ['meta', () => m.posts],
      ['dom', () => dom.posts],
    ],
    !expected,
  );
  a.verified = b.pick(
    'account.verified',
    [
      ['embedded-json', () => data?.verified],
      ['dom', () => (doc.querySelector(IG_SELECTORS.verifiedBadge) ? true : null)],
    ],
    // The logged-out 2024 shell carries no verified flag; absence of a badge proves nothing.
    true,
  );
  a.private = b.pick(
    'account.private',
    [
      ['embedded-json', () => data?.private],
      ['dom', () => (pageNotice?.type === 'private' ? true : null)],
    ],
    true,
  );
  a.state = stateOf(a.private, found, pageNotice?.type ?? null);
  return b.finish({
    kind: pageNotice && pageNotice.type !== 'private' ? 'notice' : 'account',
    canonicalUrl: canonicalUrl(doc),
    title: cleanText(meta(doc, 'og:title')) ?? text(doc, 'title'),
    account: found || pageNotice?.type === 'private' ? a : null,
    notice: pageNotice,
  });
}

function stateOf(isPrivate: boolean | null, found: boolean, notice: string | null): AccountState {
  if (isPrivate) return 'private';
  if (notice === 'suspended') return 'suspended';
  // "Sorry, this page isn't available" does not say whether the account was deleted,
  // deactivated or never existed, so the state stays unknown.
  return found && !notice ? 'active' : 'unknown';
}
