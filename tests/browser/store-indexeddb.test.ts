// The store over real IndexedDB in Chromium. The same repositories and middleware as the unit
// tests, but with the browser's own IDB: structured-clone Blobs, native cursors (whose accessors
// check their receiver) and real transaction durability.
import { describe, expect, it } from 'vitest';
import { seedDemoStore } from '../../lib/demo/seed-store';
import { chainFaults } from '../../lib/evidence/custody';
import { writePackage } from '../../lib/evidence/package-writer';
import { generateSigningKey, type SigningKey } from '../../lib/evidence/signing';
import { bytesSource } from '../../lib/evidence/zip/source';
import { buildPackageInput } from '../../lib/services/export-input';
import { importPackage } from '../../lib/services/import-package';
import { DalelDb } from '../../lib/store/db';
import { Store } from '../../lib/store/store';
import { createTestStore } from '../unit/store/test-store';
import { createVaultStore, rawDump } from '../unit/store/vault-store';

const PASS = 'ақ қар 2026';

async function packageOf(store: Store, signer: SigningKey): Promise<Uint8Array> {
  const input = await buildPackageInput(
    store,
    { kind: 'all', ids: [] },
    { signer, tool: { name: 'dalel', version: 'browser-test' }, now: new Date() },
  );
  const chunks: Uint8Array[] = [];
  await writePackage(input, async (c) => void chunks.push(c.slice()));
  return new Uint8Array(await new Blob(chunks as Uint8Array<ArrayBuffer>[]).arrayBuffer());
}

const bytesOf = async (blob: Blob) => new Uint8Array(await blob.arrayBuffer());

describe('the store on Chromium IndexedDB', () => {
  it('runs in a real browser, not on fake-indexeddb', () => {
    expect(navigator.userAgent).toMatch(/Chrome\//);
    expect(indexedDB.constructor.name).toBe('IDBFactory');
    expect(String(IDBCursor.prototype)).toBe('[object IDBCursor]');
  });

  it('seeds the demo archive and reads back every record and every artifact byte', async () => {
    const { store } = createTestStore(`browser-seed-${crypto.randomUUID()}`);
    await seedDemoStore(store);
    const captures = await store.captures.list();
    expect(captures.length).toBeGreaterThan(1);
    for (const capture of captures)
      for (const ref of capture.artifacts) {
        const bytes = await bytesOf(await store.artifacts.blob(ref.sha256));
        expect(bytes.length).toBe(ref.size);
        const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
        const hex = [...digest].map((b) => b.toString(16).padStart(2, '0')).join('');
        expect(`sha256:${hex}`).toBe(ref.sha256);
      }
    const log = await store.custody.all();
    expect(chainFaults(log)).toEqual([]);
    expect((await store.custody.head())?.seq).toBe(log.at(-1)!.seq);
  });

  it('asks for strict durability on every write transaction', async () => {
    const db = new DalelDb(`browser-durability-${crypto.randomUUID()}`);
    const durability = await db.transaction('rw', db.settings, (tx) => tx.idbtrans.durability);
    expect(durability).toBe('strict');
    db.close();
  });

  it('a capture whose custody event fails writes nothing at all', async () => {
    const db = new DalelDb(`browser-atomic-${crypto.randomUUID()}`);
    const store = new Store({
      db,
      now: () => new Date(),
      actor: () => 'A',
      hashEvent: () => {
        throw new Error('hash failure');
      },
    });
    const seeded = createTestStore(`browser-source-${crypto.randomUUID()}`).store;
    await seedDemoStore(seeded);
    const [capture] = await seeded.captures.list();
    const artifacts = await Promise.all(
      capture!.artifacts.map(async (ref) => ({
        sha256: ref.sha256,
        blob: await seeded.artifacts.blob(ref.sha256),
        mediaType: ref.mediaType,
      })),
    );
    await expect(store.captures.seal(capture!, artifacts)).rejects.toThrow('hash failure');
    expect([
      await db.captures.count(),
      await db.artifacts.count(),
      await db.custody.count(),
    ]).toEqual([0, 0, 0]);
  });

  it('under the lock: ciphertext at rest, cursors open rows, ranges on blind indices refused', async () => {
    const s = createVaultStore(`browser-vault-${crypto.randomUUID()}`);
    await seedDemoStore(s.store);
    const before = await s.store.custody.all();
    await s.vault.enable(PASS);
    // The custody head is read through a reverse cursor: native IDBCursor accessors throw
    // "Illegal invocation" when read through another object (the bug fake-indexeddb hid).
    const head = await s.store.custody.head();
    const all = await s.store.custody.all();
    expect(head).toEqual(all.at(-1));
    expect(all.slice(0, before.length)).toEqual(before);
    const persons = await s.store.persons.list();
    // A filter iterates with a cursor over values, keys and primary keys.
    const rows = await s.db.persons.filter(() => true).toArray();
    expect(rows.map((p) => p.name).sort()).toEqual(persons.map((p) => p.name).sort());
    expect((await s.db.persons.filter(() => true).primaryKeys()).sort()).toEqual(
      persons.map((p) => p.id).sort(),
    );
    const dump = await rawDump(s.name);
    for (const p of persons) expect(dump.text).not.toContain(p.name);
    await expect(s.db.captures.where('sealedAt').above('2000').toArray()).rejects.toThrow(
      /range query on the encrypted index/,
    );
  });

  it('imports a package with all its artifacts as Blobs in IndexedDB, and exports it again', async () => {
    // Each store acts as its signer: a package's events must be its signer's own (issue 12).
    const first = await generateSigningKey();
    const second = await generateSigningKey();
    const { store: source } = createTestStore(
      `browser-export-${crypto.randomUUID()}`,
      first.fingerprint,
    );
    await seedDemoStore(source);
    const pkg = await packageOf(source, first);
    const { store } = createTestStore(`browser-import-${crypto.randomUUID()}`, second.fingerprint);
    const result = await importPackage(store, bytesSource(pkg), { pinnedKey: first.fingerprint });
    expect(result.imported.captures).toBe((await source.captures.list()).length);
    for (const capture of await source.captures.list())
      for (const ref of capture.artifacts)
        expect(await bytesOf(await store.artifacts.blob(ref.sha256))).toEqual(
          await bytesOf(await source.artifacts.blob(ref.sha256)),
        );
    const again = await importPackage(
      createTestStore(`browser-again-${crypto.randomUUID()}`).store,
      bytesSource(await packageOf(store, second)),
      { pinnedKey: second.fingerprint },
    );
    expect(again.imported.captures).toBe(result.imported.captures);
  });
});
