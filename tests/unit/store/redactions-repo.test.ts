// Redacted working copies (lib/store/repositories/redactions-repo.ts): a redaction is stored with
// its bytes and a `redacted` custody event, or not at all; the original capture and its bytes are
// never rewritten; the redactions of a capture come back in the order they were made, and the one
// in force for each original is the newest that nothing supersedes.
import { describe, expect, it } from 'vitest';
import { captureSeal } from '../../../lib/evidence/seal';
import type { Redaction } from '../../../lib/model/redaction';
import { sampleCapture, sha256Of } from './sample-capture';
import { createTestStore } from './test-store';

const SEAL = `sha256:${'5e'.repeat(32)}`;

async function withCapture() {
  const s = createTestStore();
  const { capture, artifacts } = sampleCapture('cap_1');
  const sealed = await s.store.captures.seal(
    { ...capture, seal: await captureSeal(capture) },
    artifacts,
  );
  return { ...s, capture: sealed };
}

function copy(text: string) {
  const bytes = new TextEncoder().encode(text);
  return { blob: new Blob([bytes]), sha256: sha256Of(bytes), size: bytes.length };
}

function redaction(
  capture: { id: string; artifacts: { name: string; sha256: string }[] },
  derived: { sha256: string; size: number },
  over: Partial<Redaction> = {},
): Redaction {
  const original = capture.artifacts[1]!;
  return {
    id: `red_${'0'.repeat(23)}1`,
    captureId: capture.id,
    createdAt: '2026-05-02T10:00:00.000Z',
    original: { name: original.name, sha256: original.sha256 },
    derived: {
      name: 'redacted/screenshot.png',
      sha256: derived.sha256,
      size: derived.size,
      mediaType: 'image/png',
    },
    method: 'opaque boxes',
    regions: [
      {
        x: 0,
        y: 0,
        width: 10,
        height: 5,
        label: 'account menu',
        source: 'detected',
        element: null,
      },
    ],
    supersedes: null,
    seal: SEAL,
    ...over,
  };
}

/** Everything a redaction could write, to show a refused one wrote nothing. */
async function snapshot(db: ReturnType<typeof createTestStore>['db']) {
  return {
    captures: await db.captures.toArray(),
    artifacts: await db.artifacts.toArray(),
    redactions: await db.redactions.toArray(),
    custody: await db.custody.toArray(),
  };
}

describe('RedactionsRepo.add', () => {
  it('stores the copy, the record and a `redacted` event, and leaves the original as it was', async () => {
    const { store, db, capture } = await withCapture();
    const before = await snapshot(db);
    const bytes = copy('redacted png');
    const r = redaction(capture, bytes);
    expect(await store.redactions.add(r, bytes.blob)).toEqual(r);
    expect(await db.redactions.toArray()).toEqual([r]);
    const row = (await db.artifacts.get(bytes.sha256))!;
    expect(row).toMatchObject({ sha256: bytes.sha256, size: bytes.size, mediaType: 'image/png' });
    expect(row.storedAt).toMatch(/^2026-05-01T10:00:\d\d\.000Z$/);
    expect(await new Response(await store.artifacts.blob(bytes.sha256)).text()).toBe(
      'redacted png',
    );
    const head = (await store.custody.head())!;
    expect(head).toMatchObject({
      seq: before.custody.length,
      type: 'redacted',
      subject: { kind: 'capture', id: 'cap_1' },
      data: {
        redaction: r.id,
        seal: SEAL,
        original: capture.artifacts[1]!.sha256,
        derived: bytes.sha256,
        regions: 1,
      },
      prevHash: before.custody.at(-1)!.hash,
    });
    // The sealed capture and its bytes are untouched.
    expect(await db.captures.toArray()).toEqual(before.captures);
    for (const a of before.artifacts) expect(await db.artifacts.get(a.sha256)).toEqual(a);
  });

  it('refuses bytes of another size than the record says, writing nothing', async () => {
    const { store, db, capture } = await withCapture();
    const before = await snapshot(db);
    const bytes = copy('redacted png');
    await expect(
      store.redactions.add(redaction(capture, { ...bytes, size: bytes.size + 1 }), bytes.blob),
    ).rejects.toThrow(
      `redaction red_000000000000000000000001: ${bytes.size} bytes, record says ${bytes.size + 1}`,
    );
    expect(await snapshot(db)).toEqual(before);
  });

  it('refuses a redaction of a capture that is not stored, writing nothing', async () => {
    const { store, db, capture } = await withCapture();
    const before = await snapshot(db);
    const bytes = copy('redacted png');
    await expect(
      store.redactions.add(redaction({ ...capture, id: 'cap_gone' }, bytes), bytes.blob),
    ).rejects.toThrow('no capture cap_gone');
    expect(await snapshot(db)).toEqual(before);
  });

  it('refuses a redaction of an artifact the capture does not have, writing nothing', async () => {
    const { store, db, capture } = await withCapture();
    const before = await snapshot(db);
    const bytes = copy('redacted png');
    const stranger = `sha256:${'ab'.repeat(32)}`;
    const r = redaction(capture, bytes, { original: { name: 'x.png', sha256: stranger } });
    await expect(store.redactions.add(r, bytes.blob)).rejects.toThrow(
      `capture cap_1 has no artifact ${stranger}`,
    );
    expect(await snapshot(db)).toEqual(before);
  });

  it('a copy whose bytes are already stored is not written again', async () => {
    const { store, db, capture } = await withCapture();
    const bytes = copy('redacted png');
    await store.redactions.add(redaction(capture, bytes), bytes.blob);
    const row = (await db.artifacts.get(bytes.sha256))!;
    const second = redaction(capture, bytes, {
      id: `red_${'0'.repeat(23)}2`,
      supersedes: `red_${'0'.repeat(23)}1`,
    });
    await store.redactions.add(second, bytes.blob);
    expect(await db.artifacts.get(bytes.sha256)).toEqual(row);
    expect(await db.redactions.count()).toBe(2);
    expect((await store.custody.ofType('redacted')).map((e) => e.data.redaction)).toEqual([
      `red_${'0'.repeat(23)}1`,
      second.id,
    ]);
  });
});

describe('RedactionsRepo reads', () => {
  const id = (n: number) => `red_${'0'.repeat(23)}${n}`;

  it('lists a capture’s redactions by time made, then id, and only that capture’s', async () => {
    const { store, db, capture } = await withCapture();
    const bytes = copy('x');
    const made = (n: number, createdAt: string, over: Partial<Redaction> = {}) =>
      redaction(capture, bytes, { id: id(n), createdAt, ...over });
    await db.redactions.bulkAdd([
      made(1, '2026-05-03T00:00:00.000Z'),
      made(2, '2026-05-02T00:00:00.000Z'),
      made(4, '2026-05-02T00:00:00.000Z'),
      made(3, '2026-05-02T00:00:00.000Z'),
      made(5, '2026-05-01T00:00:00.000Z', { captureId: 'cap_other' }),
    ]);
    expect((await store.redactions.forCapture('cap_1')).map((r) => r.id)).toEqual([
      id(2),
      id(3),
      id(4),
      id(1),
    ]);
  });

  it('the redaction in force for each original is the one nothing supersedes', async () => {
    const { store, db, capture } = await withCapture();
    const bytes = copy('x');
    const [html, png] = capture.artifacts;
    const of = (a: { name: string; sha256: string }) => ({
      original: { name: a.name, sha256: a.sha256 },
    });
    // The adjusted copy (3) supersedes the first (1) and is older by id only, not by time.
    const rows = [
      redaction(capture, bytes, { id: id(1), createdAt: '2026-05-02T00:00:00.000Z', ...of(png!) }),
      redaction(capture, bytes, {
        id: id(3),
        createdAt: '2026-05-01T00:00:00.000Z',
        supersedes: id(1),
        ...of(png!),
      }),
      redaction(capture, bytes, { id: id(2), createdAt: '2026-05-02T00:00:00.000Z', ...of(html!) }),
    ];
    await db.redactions.bulkAdd(rows);
    const current = await store.redactions.current('cap_1');
    expect([...current.entries()].map(([k, r]) => [k, r.id]).sort()).toEqual(
      [
        [png!.sha256, id(3)],
        [html!.sha256, id(2)],
      ].sort(),
    );
    expect(await store.redactions.current('cap_other')).toEqual(new Map());
  });
});
