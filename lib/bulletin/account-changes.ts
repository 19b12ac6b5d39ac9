import { mergedTimeline } from '../capture/timeline';
import type { Capture } from '../model/capture';
import type { Link } from '../model/link';
import { personAccountKeys, type Person } from '../model/person';
import type { AccountState, NoticeType, Platform } from '../platforms/record';

/** Notices that show an account was taken over or is being broken into. */
export const SECURITY_NOTICES = [
  'account_compromised',
  'checkpoint',
  'locked',
  'security_alert',
] as const satisfies readonly NoticeType[];
export type SecurityNotice = (typeof SECURITY_NOTICES)[number];
const isSecurity = (type: NoticeType): type is SecurityNotice =>
  (SECURITY_NOTICES as readonly NoticeType[]).includes(type);

/** One thing that happened to a person's account, as a bulletin says it. */
export type AccountEvent = {
  /** When Dalel saw it: the capture's seal time (what happened is dated by what was observed). */
  at: string;
  platform: Platform;
  /** `@handle` or the account's name, as last seen before the change. */
  account: string | null;
  /** The capture that shows it. */
  captureId: string;
} & (
  | { kind: 'state'; before: AccountState | null; after: AccountState }
  | { kind: 'name' | 'handle' | 'bio'; before: string | null; after: string | null }
  | { kind: 'avatar' }
  | { kind: 'posts_gone'; count: number }
  | { kind: 'security'; notice: SecurityNotice; message: string | null }
  | { kind: 'hack_evidence' }
);

const str = (v: unknown): string | null => (typeof v === 'string' && v ? v : null);

/** Capture groups, one per account: its keys (handle and id) find its captures. */
function accountGroups(person: Person, links: readonly Link[], captures: Map<string, Capture>) {
  const groups = person.accounts.map((a) => new Set(personAccountKeys([a])));
  // Account states and notices tagged to the person belong to their accounts even when the
  // person's record lists none (a ground can be someone else's post: those are not used).
  for (const link of links) {
    if (link.personId !== person.id || link.category === 'ground' || link.category === 'other')
      continue;
    const key = captures.get(link.captureId)?.accountKey;
    if (key && !groups.some((g) => g.has(key))) groups.push(new Set([key]));
  }
  return groups;
}

const handleOf = (c: Capture): string | null => {
  const who = c.record.account ?? c.record.post?.author ?? null;
  return who?.handle ? `@${who.handle.replace(/^@/, '')}` : (who?.name ?? null);
};

/**
 * What happened to a person's accounts, oldest first: state changes (suspended, unavailable,
 * private…), renames, new usernames and bios, a new profile picture, posts that disappeared,
 * security notices and captures tagged as evidence of hacking. Diffed over every capture of each
 * account (so a change is against what was seen before, even outside the bulletin's scope); the
 * caller keeps the events it covers.
 */
export function accountEvents(
  person: Person,
  allCaptures: readonly Capture[],
  links: readonly Link[],
): AccountEvent[] {
  const captures = new Map(allCaptures.map((c) => [c.id, c]));
  const events: AccountEvent[] = [];
  for (const keys of accountGroups(person, links, captures)) {
    const found = allCaptures.filter((c) => c.accountKey && keys.has(c.accountKey));
    let last: string | null = null;
    for (const { capture, changes } of mergedTimeline([found])) {
      const base = { at: capture.sealedAt, platform: capture.platform, captureId: capture.id };
      const account = last ?? handleOf(capture);
      for (const change of changes) {
        const { field, before, after } = change;
        if (field === 'state')
          events.push({
            ...base,
            account,
            kind: 'state',
            before: (str(before) as AccountState) ?? null,
            after: after as AccountState,
          });
        else if (field === 'name' || field === 'handle' || field === 'bio')
          events.push({ ...base, account, kind: field, before: str(before), after: str(after) });
        else if (field === 'avatar') events.push({ ...base, account, kind: 'avatar' });
        else if (field === 'posts.disappeared' && Array.isArray(before))
          events.push({ ...base, account, kind: 'posts_gone', count: before.length });
      }
      const notice = capture.record.notice;
      if (notice && isSecurity(notice.type))
        events.push({
          ...base,
          account,
          kind: 'security',
          notice: notice.type,
          message: notice.message,
        });
      last = handleOf(capture) ?? last;
    }
  }
  // Evidence of hacking the monitor tagged that is not a platform's notice (login activity…).
  for (const link of links) {
    if (link.personId !== person.id || link.category !== 'hack_evidence') continue;
    const capture = captures.get(link.captureId);
    if (!capture || events.some((e) => e.captureId === capture.id && e.kind === 'security'))
      continue;
    events.push({
      at: capture.sealedAt,
      platform: capture.platform,
      account: handleOf(capture),
      captureId: capture.id,
      kind: 'hack_evidence',
    });
  }
  const seen = new Set<string>();
  return events
    .filter((e) => {
      const key = `${e.captureId}|${e.kind}`;
      return !seen.has(key) && seen.add(key);
    })
    .sort((a, b) => a.at.localeCompare(b.at));
}
