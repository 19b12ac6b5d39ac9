import type { Capture } from '../model/capture';
import type { AccountState, ExtractedRecord, NoticeRecord } from '../platforms/record';

export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

export interface TimelineEntry {
  capture: Capture;
  /** Changes against the account as last observed before this capture; none for the first. */
  changes: FieldChange[];
}

interface Avatar {
  url: string | null;
  sha256: string | null;
}

/** What one capture observed of the account; `undefined` = not observed by this capture. */
interface Observed {
  name?: string | null;
  handle?: string | null;
  bio?: string | null;
  avatar?: Avatar;
  followers?: number;
  following?: number;
  posts?: number;
  verified?: boolean;
  private?: boolean;
  state?: AccountState;
  feed?: string[];
}

const SCALARS = [
  'name',
  'handle',
  'bio',
  'followers',
  'following',
  'posts',
  'verified',
  'private',
  'state',
] as const;

/**
 * The account state a notice at the account's address shows. Only a notice that says so is
 * "deleted"; "not found" and "isn't available" are `unavailable` — the account may have been
 * deleted, renamed or blocked, and a bulletin must not say more than the platform did.
 */
const NOTICE_STATE: Partial<Record<NoticeRecord['type'], AccountState>> = {
  not_found: 'unavailable',
  unavailable: 'unavailable',
  removed: 'deleted',
  suspended: 'suspended',
  private: 'private',
  withheld: 'restricted',
  geo_blocked: 'restricted',
  locked: 'restricted',
  account_compromised: 'restricted',
};

const known = <T>(value: T | null | undefined): T | undefined => value ?? undefined;

function avatarOf(capture: Capture, url: string | null): Avatar | undefined {
  if (!url) return undefined;
  const art = capture.artifacts.find((a) => a.role === 'media' && a.sourceUrl === url);
  return { url, sha256: art?.sha256 ?? null };
}

function observe(capture: Capture): Observed {
  const record: ExtractedRecord = capture.record;
  const seen: Observed = {};
  const account = record.account;
  if (account) {
    // An account page that is shown (active or private) states its bio even when it is empty.
    const shown = account.state === 'active' || account.state === 'private';
    Object.assign(seen, {
      name: shown ? account.name : known(account.name),
      handle: known(account.handle),
      bio: shown ? account.bio : known(account.bio),
      avatar: avatarOf(capture, account.avatarUrl),
      followers: known(account.followers),
      following: known(account.following),
      posts: known(account.posts),
      verified: known(account.verified),
      private: known(account.private),
      state: account.state === 'unknown' ? undefined : account.state,
    });
  } else if (record.post) {
    seen.name = known(record.post.author.name);
    seen.handle = known(record.post.author.handle);
  }
  if (record.notice && !account) seen.state = NOTICE_STATE[record.notice.type];
  if (record.posts) seen.feed = record.posts.flatMap((p) => (p.id ? [p.id] : []));
  return seen;
}

function sameAvatar(a: Avatar, b: Avatar): boolean {
  // Compare bytes when both captures hold the image; a CDN URL changes without the image changing.
  if (a.sha256 && b.sha256) return a.sha256 === b.sha256;
  return a.url === b.url;
}

/**
 * The account's timeline: each capture with what changed since the account was last observed —
 * name, handle, bio, avatar (by image hash when both captures hold it, else by URL), counts,
 * verified/private/state, and feed posts that disappeared. Captures must be oldest first.
 */
export function accountTimeline(captures: readonly Capture[]): TimelineEntry[] {
  const last: Observed = {};
  return captures.map((capture, index) => {
    const seen = observe(capture);
    const changes: FieldChange[] = [];
    for (const field of SCALARS) {
      const now = seen[field];
      if (now === undefined) continue;
      const before = last[field];
      if (index > 0 && before !== undefined && before !== now)
        changes.push({ field, before, after: now });
      (last as Record<string, unknown>)[field] = now;
    }
    if (seen.avatar) {
      if (index > 0 && last.avatar && !sameAvatar(last.avatar, seen.avatar))
        changes.push({
          field: 'avatar',
          before: last.avatar.sha256 ?? last.avatar.url,
          after: seen.avatar.sha256 ?? seen.avatar.url,
        });
      last.avatar = seen.avatar;
    }
    if (seen.feed) {
      const now = new Set(seen.feed);
      const gone = (last.feed ?? []).filter((id) => !now.has(id));
      if (index > 0 && gone.length)
        changes.push({ field: 'posts.disappeared', before: gone, after: null });
      last.feed = seen.feed;
    }
    return { capture, changes };
  });
}

/**
 * One account's timeline from the captures found under each of its keys (`platform#id`,
 * `platform:handle`): a capture that saw the platform id and one that saw only the handle are
 * the same account, so they are merged (each capture once, oldest first) and diffed together —
 * a bio changed between them is a change, not two unrelated first sightings.
 */
export function mergedTimeline(lists: ReadonlyArray<readonly Capture[]>): TimelineEntry[] {
  const byId = new Map<string, Capture>();
  for (const list of lists) for (const capture of list) byId.set(capture.id, capture);
  const captures = [...byId.values()].sort(
    (a, b) => a.sealedAt.localeCompare(b.sealedAt) || a.id.localeCompare(b.id),
  );
  return accountTimeline(captures);
}
