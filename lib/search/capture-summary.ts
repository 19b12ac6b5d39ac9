import type { Capture } from '../model/capture';
import type { AccountState, NoticeType } from '../platforms/record';

/** What a list row, the popup and the bulletin show of a capture, derived from its record. */
export interface CaptureSummary {
  id: string;
  url: string;
  platform: Capture['platform'];
  kind: Capture['kind'];
  sealedAt: string;
  seal: string;
  /** Display name, else `@handle`, of the post's author or the account shown. */
  author: string | null;
  publishedAt: string | null;
  /** The first words of the post, the notice's message, the bio or the page text. */
  excerpt: string;
  noticeType: NoticeType | null;
  accountState: AccountState | null;
  accountKey: string | null;
  /** The viewport screenshot's `sha256:` ref (the list's thumbnail), null if there is none. */
  screenshot: string | null;
}

/** The first 12 hex digits of a `sha256:` seal: short enough to read aloud, long enough to find. */
export function shortHash(seal: string): string {
  return seal.replace(/^sha256:/, '').slice(0, 12);
}

/** Cuts text at a word boundary near `max` characters, collapsing whitespace. */
export function firstWords(text: string, max = 140): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

function person(p: { name: string | null; handle: string | null } | null | undefined) {
  if (!p) return null;
  return p.name ?? (p.handle ? `@${p.handle.replace(/^@/, '')}` : null);
}

export function summarizeCapture(capture: Capture): CaptureSummary {
  const { record } = capture;
  const text =
    record.post?.text ??
    record.notice?.message ??
    record.account?.bio ??
    record.text ??
    record.title ??
    capture.metadata.title;
  return {
    id: capture.id,
    url: capture.url,
    platform: capture.platform,
    kind: capture.kind,
    sealedAt: capture.sealedAt,
    seal: capture.seal,
    author: person(record.post?.author) ?? person(record.account),
    publishedAt: record.post?.publishedAt ?? null,
    excerpt: firstWords(text ?? ''),
    noticeType: record.notice?.type ?? null,
    accountState: record.account?.state ?? null,
    accountKey: capture.accountKey,
    screenshot:
      capture.artifacts.find((a) => a.role === 'screenshot' && a.mediaType.startsWith('image/'))
        ?.sha256 ?? null,
  };
}
