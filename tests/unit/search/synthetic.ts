import type { Capture } from '../../../lib/model/capture';
import type { LegalCase } from '../../../lib/model/legal-case';
import type { Link } from '../../../lib/model/link';
import type { Person } from '../../../lib/model/person';
import type { ExtractedRecord, NoticeType, Platform } from '../../../lib/platforms/record';

const AT = '2026-01-01T00:00:00.000Z';

export function person(id: string, name: string, aliases: string[] = []): Person {
  return { id, name, aliases, accounts: [], notes: '', createdAt: AT, updatedAt: AT };
}

export function legalCase(id: string, title: string, extra: Partial<LegalCase> = {}): LegalCase {
  return {
    id,
    title,
    article: '',
    caseNumber: '',
    jurisdiction: '',
    status: 'investigation',
    officials: [],
    dates: [],
    notes: '',
    createdAt: AT,
    updatedAt: AT,
    ...extra,
    grounds: extra.grounds ?? [],
  };
}

export function link(
  id: string,
  captureId: string,
  personId: string | null,
  caseId: string | null,
  category: Link['category'],
  note = '',
): Link {
  return { id, captureId, personId, caseId, category, note, createdAt: AT };
}

/** A sealed capture of a post (or, with `notice`, of a notice page); the seal is made up. */
export function capture(
  n: number,
  opts: {
    platform?: Platform;
    text?: string | null;
    author?: string;
    sealedAt?: string;
    publishedAt?: string;
    notice?: string;
    noticeType?: NoticeType;
    state?: 'active' | 'suspended' | 'deleted';
    /** The account's display name (account pages). */
    name?: string;
  } = {},
): Capture {
  const platform = opts.platform ?? 'instagram';
  const url = `https://example.test/${platform}/${n}`;
  const extractor = { name: platform, version: '1' };
  const kind = opts.notice ? 'notice' : opts.state ? 'account' : 'post';
  const record: ExtractedRecord = {
    platform,
    kind,
    url,
    canonicalUrl: null,
    warnings: [],
    extractor,
    post:
      kind === 'post'
        ? {
            id: String(n),
            author: { handle: opts.author ?? `user${n % 50}`, name: null, id: null },
            publishedAt: opts.publishedAt ?? '2025-12-31T12:00:00.000Z',
            text: opts.text === undefined ? `post number ${n}` : opts.text,
            media: [],
            counts: { likes: null, comments: null, shares: null, views: null },
            hashtags: [],
            mentions: [],
            links: [],
          }
        : null,
    notice: opts.notice
      ? { type: opts.noticeType ?? 'suspended', message: opts.notice, language: 'en' }
      : null,
    account: opts.state
      ? {
          handle: opts.author ?? `user${n % 50}`,
          name: opts.name ?? null,
          id: null,
          bio: null,
          avatarUrl: null,
          followers: 10 + n,
          following: 5,
          posts: n,
          verified: false,
          private: false,
          state: opts.state,
        }
      : null,
  };
  const sealedAt = opts.sealedAt ?? new Date(Date.parse(AT) + n * 60_000).toISOString();
  return {
    id: `cap_${n}`,
    url,
    platform,
    kind,
    accountKey: `${platform}:${opts.author ?? `user${n % 50}`}`,
    sealedAt,
    metadata: {
      requestedUrl: url,
      finalUrl: url,
      title: `Page ${n}`,
      startedAt: sealedAt,
      endedAt: sealedAt,
      timeZone: 'Asia/Almaty',
      serverDate: null,
      userAgent: 'test',
      browser: 'test',
      extensionVersion: '0.1.0',
      extractor,
      viewport: { width: 1280, height: 800, devicePixelRatio: 1 },
      language: 'ru',
      omissions: [],
    },
    record,
    artifacts: [],
    previousCaptureIds: [],
    // Distinct in the first 12 digits, as real seals are.
    seal: `sha256:${String(n).padStart(12, '0')}${'f'.repeat(52)}`,
    warnings: [],
  };
}
