import { describe, expect, it } from 'vitest';
import { createKeyRow, ensureSigningKey } from '../../../lib/background/signing-key';
import { chainFaults } from '../../../lib/evidence/custody';
import { attachCipher } from '../../../lib/store/encryption/attach';
import { LATEST_VERSION } from '../../../lib/store/migrations/index';
import { MirrorBrokenError } from '../../../lib/store/mirror/mirror-middleware';
import {
  MemoryMirrorPort,
  MIRROR_META,
  MIRROR_PREFIX,
} from '../../../lib/store/mirror/mirror-port';
import { openMirroredDb } from '../../../lib/store/mirror/open-mirrored';
import { VaultRepo } from '../../../lib/store/repositories/vault-repo';
import { Store } from '../../../lib/store/store';
import { sampleCapture } from './sample-capture';
import { testHashEvent } from './test-store';

/** A store over the mirror, as the background opens it when IndexedDB is refused. */
async function mirroredStore(port: MirrorPort, withCipher = false) {
  const { db, writer } = await openMirroredDb(port);
  const cipher = withCipher ? attachCipher(db) : undefined;
  let time = Date.parse('2026-05-01T10:00:00.000Z');
  const store = new Store({
    db,
    now: () => new Date((time += 1000)),
    actor: () => 'TEST-ACTOR',
    hashEvent: testHashEvent,
    cipher,
    keysExtractable: true,
  });
  return { db, writer, store, cipher };
}
type MirrorPort = MemoryMirrorPort;

const rows = (port: MemoryMirrorPort, table: string) =>
  [...port.entries.entries()].filter(
    ([k, v]) => k.startsWith(`${MIRROR_PREFIX}${table}:`) && v !== null,
  );

describe('the store mirrored to storage.local (permanent private browsing)', () => {
  it('keeps a sealed capture, its artifacts and custody event across a restart', async () => {
    const port = new MemoryMirrorPort();
    const first = await mirroredStore(port);
    const { capture, artifacts } = sampleCapture('cap_1');
    await first.store.captures.seal(capture, artifacts);
    // Written when seal() resolves: capture, both artifacts, the event and its tree node at once.
    expect(rows(port, 'captures')).toHaveLength(1);
    expect(rows(port, 'artifacts')).toHaveLength(2);
    expect(rows(port, 'custody')).toHaveLength(1);
    expect(port.entries.get(MIRROR_META)).toMatchObject({ version: LATEST_VERSION });
    first.db.close();

    const again = await mirroredStore(port); // a browser restart: memory is gone
    expect(await again.store.captures.get('cap_1')).toEqual(capture);
    for (const a of artifacts) {
      const blob = await again.store.artifacts.blob(a.sha256);
      expect(new Uint8Array(await blob.arrayBuffer())).toEqual(
        new Uint8Array(await a.blob.arrayBuffer()),
      );
    }
    const events = await again.store.custody.all();
    expect(events.map((e) => e.type)).toEqual(['captured']);
    // The chain goes on where it stopped.
    await again.store.captures.seal(
      sampleCapture('cap_2').capture,
      sampleCapture('cap_2').artifacts,
    );
    const chain = await again.store.custody.all();
    expect(chain.map((e) => e.seq)).toEqual([0, 1]);
    expect(chainFaults(chain)).toEqual([]);
  });

  it('stores nothing of a capture whose write fails, says so, and reopens without it', async () => {
    const port = new MemoryMirrorPort();
    const first = await mirroredStore(port);
    await first.store.captures.seal(
      sampleCapture('cap_1').capture,
      sampleCapture('cap_1').artifacts,
    );
    const before = new Map(port.entries);
    port.failNext = new Error('disk full');
    const { capture, artifacts } = sampleCapture('cap_2');
    await expect(first.store.captures.seal(capture, artifacts)).rejects.toThrow(
      /could not write to the browser's extension storage/,
    );
    expect(port.entries).toEqual(before);
    // The in-memory copy is now ahead of the disk: it refuses everything until reopened.
    await expect(first.store.captures.list()).rejects.toBeInstanceOf(MirrorBrokenError);
    const again = await mirroredStore(port);
    expect((await again.store.captures.list()).map((c) => c.id)).toEqual(['cap_1']);
    expect(await again.store.custody.count()).toBe(1);
  });

  it('writes each transaction once, in commit order, with deletes as tombstones', async () => {
    const port = new MemoryMirrorPort();
    const { db, store } = await mirroredStore(port);
    await db.open();
    const writes = port.writes;
    const { capture, artifacts } = sampleCapture('cap_1');
    await store.captures.seal(capture, artifacts);
    expect(port.writes).toBe(writes + 1);
    const person = await store.persons.create({ name: 'Aigerim Example' });
    const link = await store.links.add({
      captureId: 'cap_1',
      personId: person.id,
      caseId: null,
      category: 'ground',
    });
    await store.links.remove(link.id);
    expect(port.entries.get(`${MIRROR_PREFIX}links:${JSON.stringify(link.id)}`)).toBeNull();
    const seqs = rows(port, 'custody').map(([, v]) => (v as { seq: number }).seq);
    expect(seqs.sort((a, b) => a - b)).toEqual([0, 1, 2, 3]);
    const again = await mirroredStore(port);
    expect(await again.store.links.forCapture('cap_1')).toEqual([]);
    expect(chainFaults(await again.store.custody.all())).toEqual([]);
  });

  it('keeps the signing key (which storage.local cannot hold as a CryptoKey) as bytes', async () => {
    const port = new MemoryMirrorPort();
    const first = await mirroredStore(port);
    const key = await ensureSigningKey(first.store.keys, () => new Date(), true);
    const stored = rows(port, 'keys')[0]![1] as Record<string, unknown>;
    expect(stored.privateKey).not.toBeInstanceOf(CryptoKey);
    const again = await mirroredStore(port);
    const back = await again.store.keys.active();
    expect(back?.fingerprint).toBe(key.fingerprint);
    expect(back?.privateKey).toBeInstanceOf(CryptoKey);
    expect(back?.privateKey?.extractable).toBe(false);
    const data = new TextEncoder().encode('statement');
    const sig = await crypto.subtle.sign('Ed25519', back!.privateKey!, data);
    expect(await crypto.subtle.verify('Ed25519', back!.publicKey, sig, data)).toBe(true);
  });

  it('under the passphrase lock mirrors only ciphertext, and unlocks after a restart', async () => {
    const port = new MemoryMirrorPort();
    const first = await mirroredStore(port, true);
    const vault = new VaultRepo(first.store.ctx, (x) => createKeyRow(first.store.ctx.now(), x));
    await vault.enable('correct horse battery staple');
    await vault.installWrappedKey();
    const person = await first.store.persons.create({ name: 'Kairat Secretname' });
    const text = JSON.stringify([...port.entries.values()], (_k, v) =>
      v instanceof Uint8Array ? Buffer.from(v).toString('latin1') : v,
    );
    expect(text).not.toContain('Secretname');
    first.db.close();

    const again = await mirroredStore(port, true);
    const vault2 = new VaultRepo(again.store.ctx, (x) => createKeyRow(again.store.ctx.now(), x));
    await vault2.unlock('correct horse battery staple');
    expect((await again.store.persons.get(person.id))?.name).toBe('Kairat Secretname');
  });

  it('turning the lock off after a restart stores the signing key as bytes again', async () => {
    const port = new MemoryMirrorPort();
    const first = await mirroredStore(port, true);
    const vault = new VaultRepo(first.store.ctx, (x) => createKeyRow(first.store.ctx.now(), x));
    await vault.enable('correct horse battery staple');
    const key = await vault.installWrappedKey();
    first.db.close();

    const again = await mirroredStore(port, true);
    const vault2 = new VaultRepo(again.store.ctx, (x) => createKeyRow(again.store.ctx.now(), x));
    await vault2.unlock('correct horse battery staple');
    await vault2.disable('correct horse battery staple');
    const third = await mirroredStore(port, true);
    const back = await third.store.keys.active();
    expect(back?.fingerprint).toBe(key.fingerprint);
    expect(back?.privateKey).toBeInstanceOf(CryptoKey);
  });

  it('the panic wipe deletes the mirrored archive', async () => {
    const port = new MemoryMirrorPort();
    const { db, store } = await mirroredStore(port);
    await store.captures.seal(sampleCapture('cap_1').capture, sampleCapture('cap_1').artifacts);
    port.entries.set('custodyWitness', { size: 1 });
    await db.delete();
    expect([...port.entries.keys()]).toEqual(['custodyWitness']);
  });

  it('refuses an archive written by a newer schema instead of damaging it', async () => {
    const port = new MemoryMirrorPort();
    port.entries.set(MIRROR_META, { version: LATEST_VERSION + 1, createdAt: 'x' });
    await expect(openMirroredDb(port)).rejects.toThrow(/newer Dalel/);
  });
});
