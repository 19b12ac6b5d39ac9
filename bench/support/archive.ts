import { createHash } from 'node:crypto';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { eventHashSync, GENESIS_HASH } from '../../lib/evidence/custody';
import { captureSeal } from '../../lib/evidence/seal';
import type { SigningKey } from '../../lib/evidence/signing';
import type { Capture } from '../../lib/model/capture';
import type { CustodyEvent } from '../../lib/model/custody';
import type { LegalCase } from '../../lib/model/legal-case';
import type { Link } from '../../lib/model/link';
import type { ArtifactRow, PersonRow } from '../../lib/store/rows';
import type { Platform } from '../../lib/platforms/record';
import { DalelDb } from '../../lib/store/db';
import { Store } from '../../lib/store/store';

/** Bumped whenever `archiveRows` produces different rows (benchmarks cache seeded profiles). */
export const ARCHIVE_VERSION = 2;

const AT = Date.parse('2026-01-01T00:00:00Z');
const sha = (s: string | Uint8Array) => `sha256:${createHash('sha256').update(s).digest('hex')}`;
const PLATFORMS: Platform[] = ['instagram', 'facebook', 'x'];
const ARTIFACTS = [
  'screenshot-viewport.png',
  'screenshot-full.png',
  'page.html',
  'page.mhtml',
  'record.json',
];

/** The rows of a long-used archive, as the store holds them. */
export interface ArchiveRows {
  persons: PersonRow[];
  cases: LegalCase[];
  captures: Capture[];
  artifacts: ArtifactRow[];
  links: Link[];
  custody: CustodyEvent[];
}

/**
 * What the filters of `archiveRows(n)` find, so a benchmark can wait for the right count:
 * every third capture is on each platform, every third is tagged `ground`, every seventh
 * mentions "Alga".
 */
export function expectedHits(
  n: number,
  filter: { platform?: Platform; ground?: boolean; alga?: boolean },
): number {
  let hits = 0;
  for (let i = 0; i < n; i++) {
    if (filter.platform && PLATFORMS[i % 3] !== filter.platform) continue;
    if (filter.ground && i % 3 !== 0) continue;
    if (filter.alga && i % 7 !== 0) continue;
    hits++;
  }
  return hits;
}

/**
 * An archive of `n` captures (5 small artifacts each, 3 platforms), tagged to persons and cases,
 * with a valid custody chain. Case `case_0` holds captures 0–2 whatever `n` is, so the same case
 * exists in small and large archives. With `sealed`, every capture carries its real seal (a
 * package of it verifies and imports); without, a stand-in hash (faster, for store-only use).
 */
export async function archiveRows(
  n: number,
  key: SigningKey,
  options: { sealed?: boolean } = {},
): Promise<ArchiveRows> {
  const persons: PersonRow[] = Array.from({ length: Math.max(3, Math.ceil(n / 50)) }, (_, i) => ({
    id: `per_${i}`,
    name: `Person ${i}`,
    aliases: [],
    accounts: [],
    notes: '',
    accountKeys: [],
    createdAt: new Date(AT).toISOString(),
    updatedAt: new Date(AT).toISOString(),
  }));
  const cases: LegalCase[] = Array.from({ length: Math.max(1, Math.ceil(n / 200)) }, (_, i) => ({
    id: `case_${i}`,
    title: `Case ${i}`,
    article: 'Art. 405 Part 2',
    caseNumber: `${i}`,
    jurisdiction: 'Astana',
    status: 'investigation' as const,
    officials: [],
    dates: [],
    grounds: [],
    notes: '',
    createdAt: new Date(AT).toISOString(),
    updatedAt: new Date(AT).toISOString(),
  }));
  const rows: ArchiveRows = { persons, cases, captures: [], artifacts: [], links: [], custody: [] };
  const log = rows.custody;
  const append = (
    type: CustodyEvent['type'],
    subject: CustodyEvent['subject'],
    data: Record<string, unknown>,
  ) => {
    const prev = log[log.length - 1];
    const unhashed = {
      seq: log.length,
      at: new Date(AT + log.length * 1000).toISOString(),
      actor: key.fingerprint,
      type,
      subject,
      data,
      prevHash: prev?.hash ?? GENESIS_HASH,
    };
    log.push({ ...unhashed, hash: eventHashSync(unhashed) });
  };
  for (let i = 0; i < n; i++) {
    const platform = PLATFORMS[i % 3]!;
    const host = platform === 'x' ? 'x.com' : `www.${platform}.com`;
    const url = `https://${host}/user${i % 300}/post${i}/`;
    const refs = ARTIFACTS.map((name, k) => {
      const body = new TextEncoder().encode(`${i}:${name}:${'x'.repeat(64 + k)}`);
      const ref = sha(body);
      rows.artifacts.push({
        sha256: ref,
        blob: new Blob([body]),
        size: body.length,
        mediaType: 'application/octet-stream',
        storedAt: new Date(AT).toISOString(),
      });
      return {
        name,
        role: 'other' as const,
        mediaType: 'application/octet-stream',
        size: body.length,
        sha256: ref,
        sourceUrl: null,
      };
    });
    const sealedAt = new Date(AT + i * 60_000).toISOString();
    const unsealed: Omit<Capture, 'seal'> = {
      id: `cap_${String(i).padStart(5, '0')}`,
      url,
      platform,
      kind: 'post',
      accountKey: `${platform}:user${i % 300}`,
      sealedAt,
      metadata: {
        requestedUrl: url,
        finalUrl: url,
        title: `Post ${i}`,
        startedAt: sealedAt,
        endedAt: sealedAt,
        timeZone: 'Asia/Almaty',
        serverDate: null,
        userAgent: 'bench',
        browser: 'bench',
        extensionVersion: '0',
        extractor: { name: platform, version: '1' },
        viewport: { width: 1, height: 1, devicePixelRatio: 1 },
        language: 'ru',
        omissions: [],
      },
      record: {
        platform,
        kind: 'post',
        url,
        canonicalUrl: url,
        warnings: [],
        extractor: { name: platform, version: '1' },
        post: {
          id: `${i}`,
          author: { handle: `user${i % 300}`, name: `User ${i % 300}`, id: null },
          publishedAt: sealedAt,
          text: `Status number ${i} about the trial ${i % 7 === 0 ? 'Alga' : 'Astana'}`,
          media: [],
          counts: { likes: i, comments: null, shares: null, views: null },
          hashtags: [],
          mentions: [],
          links: [],
        },
      },
      artifacts: refs,
      previousCaptureIds: [],
      warnings: [],
    };
    const seal = options.sealed ? await captureSeal(unsealed) : sha(`seal${i}`);
    const capture: Capture = { ...unsealed, seal };
    rows.captures.push(capture);
    append(
      'captured',
      { kind: 'capture', id: capture.id },
      { seal: capture.seal, url: capture.url, artifacts: refs.length },
    );
    let caseId: string | null = i < 3 ? 'case_0' : `case_${i % cases.length}`;
    if (i >= 3 && caseId === 'case_0') caseId = cases.length > 1 ? 'case_1' : null;
    const link: Link = {
      id: `link_${i}`,
      captureId: capture.id,
      personId: `per_${i % persons.length}`,
      caseId,
      category: i % 3 === 0 ? 'ground' : 'account_state',
      note: '',
      createdAt: sealedAt,
    };
    rows.links.push(link);
    append(
      'tagged',
      { kind: 'capture', id: capture.id },
      {
        linkId: link.id,
        personId: link.personId,
        caseId: link.caseId,
        category: link.category,
        note: link.note,
      },
    );
  }
  return rows;
}

let dbCounter = 0;

/**
 * A Store over a fresh in-memory (fake-indexeddb) database holding `rows`, written in bulk as
 * a long-used archive would hold them. Its clock ticks a second per call.
 */
export async function storeOf(rows: ArchiveRows, key: SigningKey): Promise<Store> {
  const db = new DalelDb(`bench-archive-${++dbCounter}`, {
    indexedDB: new IDBFactory(),
    IDBKeyRange,
  });
  let clock = AT + rows.custody.length * 1000;
  const store = new Store({
    db,
    now: () => new Date((clock += 1000)),
    actor: () => key.fingerprint,
    hashEvent: eventHashSync,
  });
  await db.transaction('rw', db.tables, async () => {
    await db.persons.bulkAdd(rows.persons);
    await db.cases.bulkAdd(rows.cases);
    await db.captures.bulkAdd(rows.captures);
    await db.artifacts.bulkAdd(rows.artifacts);
    await db.links.bulkAdd(rows.links);
    await db.custody.bulkAdd(rows.custody);
  });
  // Bulk rows bypass the append path: the first disclosure builds the custody tree, as it would
  // for a log written before schema v3.
  await store.custody.disclose([]);
  return store;
}
