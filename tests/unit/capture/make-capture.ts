import type { Capture } from '../../../lib/model/capture';
import type { AccountRecord, ExtractedRecord } from '../../../lib/platforms/record';

const hash = (c: string) => `sha256:${c.repeat(64)}`;
export { hash };

let n = 0;

/** A capture of an account page with the given account fields (everything else fixed). */
export function accountCapture(
  account: Partial<AccountRecord>,
  extra: Partial<Capture> = {},
): Capture {
  n++;
  const url = 'https://www.instagram.com/aigerim.example/';
  const record: ExtractedRecord = {
    platform: 'instagram',
    kind: 'account',
    url,
    canonicalUrl: url,
    account: {
      handle: 'aigerim.example',
      name: 'Aigerim Example',
      id: '17841400000000001',
      bio: 'Journalist',
      avatarUrl: null,
      followers: 100,
      following: 10,
      posts: 5,
      verified: false,
      private: false,
      state: 'active',
      ...account,
    },
    warnings: [],
    extractor: { name: 'instagram', version: '1' },
  };
  return {
    id: `cap_${n}`,
    url,
    platform: 'instagram',
    kind: record.kind,
    accountKey: 'instagram#17841400000000001',
    sealedAt: `2026-05-0${n % 9 || 1}T10:00:00.000Z`,
    metadata: {
      requestedUrl: url,
      finalUrl: url,
      title: 'Instagram',
      startedAt: '2026-05-01T10:00:00.000Z',
      endedAt: '2026-05-01T10:00:01.000Z',
      timeZone: 'Asia/Almaty',
      serverDate: null,
      userAgent: 'ua',
      browser: 'Chrome 156',
      extensionVersion: '0.1.0',
      extractor: { name: 'instagram', version: '1' },
      viewport: { width: 1280, height: 800, devicePixelRatio: 1 },
      language: 'ru',
      omissions: [],
    },
    record,
    artifacts: [],
    previousCaptureIds: [],
    seal: hash('0'),
    warnings: [],
    ...extra,
  };
}

/** Same, with a different record (notice, post, feed) replacing the account record. */
export function withRecord(record: Partial<ExtractedRecord> & Record<string, unknown>): Capture {
  const base = accountCapture({});
  return {
    ...base,
    kind: record.kind ?? base.kind,
    record: { ...base.record, account: null, ...record } as ExtractedRecord,
  };
}
