import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { DalelDb } from '../../../lib/store/db';
import { LATEST_VERSION, migrations } from '../../../lib/store/migrations/index';
import { listingOf } from '../../../lib/search/capture-listing';
import { Store } from '../../../lib/store/store';
import { sampleCapture } from './sample-capture';
import { testHashEvent } from './test-store';

/**
 * For every schema version, a database created by the code of that version (only the migrations
 * up to it) and seeded with rows opens with the latest code with nothing lost. New versions get
 * their seed rows added to `seedFor` in the same commit as the migration.
 */
const seedFor: Record<number, Record<string, object[]>> = {
  1: {
    persons: [
      {
        id: 'per_1',
        name: 'Aigerim',
        aliases: [],
        accounts: [],
        notes: '',
        accountKeys: [],
        createdAt: '2026-01-01T00:00:00.000Z',
        updatedAt: '2026-01-01T00:00:00.000Z',
      },
    ],
    cases: [
      {
        id: 'case_1',
        title: 'Case',
        article: 'Art. 405',
        caseNumber: '1',
        jurisdiction: 'Astana',
        status: 'trial',
        officials: [],
        dates: [],
        notes: '',
        createdAt: '2026-01-01T00:00:00.000Z',
        updatedAt: '2026-01-01T00:00:00.000Z',
      },
    ],
    links: [
      {
        id: 'link_1',
        captureId: 'cap_1',
        personId: 'per_1',
        caseId: 'case_1',
        category: 'ground',
        note: '',
        createdAt: '2026-01-01T00:00:00.000Z',
      },
    ],
    artifacts: [
      {
        sha256: `sha256:${'a'.repeat(64)}`,
        blob: new Blob([new Uint8Array([1, 2, 3])], { type: 'image/png' }),
        size: 3,
        mediaType: 'image/png',
        storedAt: '2026-01-01T00:00:00.000Z',
      },
    ],
    custody: [
      {
        seq: 0,
        at: '2026-01-01T00:00:00.000Z',
        actor: 'TEST',
        type: 'person_created',
        subject: { kind: 'person', id: 'per_1' },
        data: { name: 'Aigerim' },
        prevHash: `sha256:${'0'.repeat(64)}`,
        hash: `sha256:${'1'.repeat(64)}`,
      },
    ],
    settings: [{ key: 'language', value: 'ru' }],
  },
};
// v2 only adds the `vault` table (empty unless the lock is on): seed it with v1's rows.
seedFor[2] = seedFor[1]!;
// v3 adds `custodyTree` (derived from the log): v1's rows plus the node of its one event.
seedFor[3] = {
  ...seedFor[1]!,
  custodyTree: [{ id: '0:0', hash: `sha256:${'2'.repeat(64)}` }],
};
// v4 only adds `listings` (derived rows, filled lazily): v1's rows and one listing.
seedFor[4] = {
  ...seedFor[3]!,
  listings: [
    {
      id: 'cap_1',
      v: 1,
      url: 'https://www.instagram.com/p/x/',
      platform: 'instagram',
      kind: 'post',
      sealedAt: '2026-01-01T00:00:00.000Z',
      seal: `sha256:${'c'.repeat(64)}`,
      author: null,
      publishedAt: null,
      excerpt: '',
      noticeType: null,
      accountState: null,
      accountKey: null,
      text: 'https://www.instagram.com/p/x/',
    },
  ],
};

// v5 only indexes `listings` by `sealedAt`: v4's rows, unchanged.
seedFor[5] = seedFor[4];
// v6 adds `stampQueue` (capture-time time-stamp requests): v5's rows and one waiting request.
seedFor[6] = {
  ...seedFor[5]!,
  stampQueue: [
    {
      id: 'cap_1 http://tsa.example/',
      captureId: 'cap_1',
      seal: `sha256:${'c'.repeat(64)}`,
      url: 'http://tsa.example/',
      queuedAt: '2026-01-01T00:00:00.000Z',
      attempts: 1,
      nextAt: '2026-01-01T00:01:00.000Z',
      lastError: { code: 'unreachable', reason: 'offline' },
    },
  ],
};
// v7 adds `redactions` (derived copies of a capture's artifacts): v6's rows and one redaction.
seedFor[7] = {
  ...seedFor[6]!,
  redactions: [
    {
      id: 'red_0123456789abcdef01234567',
      captureId: 'cap_1',
      createdAt: '2026-01-01T00:00:00.000Z',
      original: { name: 'screenshot-viewport.png', sha256: `sha256:${'a'.repeat(64)}` },
      derived: {
        name: 'redacted/screenshot-viewport.png',
        sha256: `sha256:${'d'.repeat(64)}`,
        size: 3,
        mediaType: 'image/png',
      },
      method: 'opaque boxes',
      regions: [],
      supersedes: null,
      seal: `sha256:${'e'.repeat(64)}`,
    },
  ],
};

// v8 adds the team locker's tables (settings, queue, sealed-only secrets): v7's rows and a
// locker setting row.
seedFor[8] = {
  ...seedFor[7]!,
  locker: [{ id: 'cursor', value: 3 }],
};

describe('schema migrations', () => {
  it('lists versions in increasing order', () => {
    const versions = migrations.map((m) => m.version);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(new Set(versions).size).toBe(versions.length);
  });

  for (const target of migrations) {
    it(`opens a v${target.version} database with the latest schema (v${LATEST_VERSION})`, async () => {
      const name = `migrate-from-v${target.version}-${Date.now()}`;
      const old = new Dexie(name);
      for (const m of migrations.filter((m) => m.version <= target.version)) {
        const v = old.version(m.version).stores(m.stores);
        if (m.upgrade) v.upgrade(m.upgrade);
      }
      const seeds = seedFor[target.version];
      expect(seeds, `seed rows for v${target.version}`).toBeDefined();
      for (const [table, rows] of Object.entries(seeds!)) await old.table(table).bulkAdd(rows);
      old.close();

      const db = new DalelDb(name);
      await db.open();
      expect(db.verno).toBe(LATEST_VERSION);
      for (const [table, rows] of Object.entries(seeds!)) {
        const stored = await db.table(table).toArray();
        expect(stored.length).toBe(rows.length);
        // Nothing lost or changed: every field of every row, blobs byte for byte.
        for (const [i, row] of rows.entries()) {
          const { blob, ...rest } = row as { blob?: Blob };
          const { blob: storedBlob, ...storedRest } = stored[i] as { blob?: Blob };
          expect(storedRest).toEqual(rest);
          if (blob)
            expect(new Uint8Array(await storedBlob!.arrayBuffer())).toEqual(
              new Uint8Array(await blob.arrayBuffer()),
            );
        }
      }
      db.close();
    });
  }

  it('lists captures stored before v4: their listings are derived on first read', async () => {
    const name = `migrate-listings-${Date.now()}`;
    const old = new Dexie(name);
    for (const m of migrations.filter((m) => m.version < 4))
      old.version(m.version).stores(m.stores);
    const { capture } = sampleCapture('cap_old');
    await old.table('captures').add(capture);
    old.close();

    const db = new DalelDb(name);
    const store = new Store({
      db,
      now: () => new Date(),
      actor: () => 'TEST',
      hashEvent: testHashEvent,
    });
    expect(await db.listings.count()).toBe(0);
    expect(await store.listings.all()).toEqual([listingOf(capture)]);
    expect(await db.listings.toArray()).toEqual([listingOf(capture)]);
    db.close();
  });
});
