import { describe, expect, it } from 'vitest';
import { seedDemoStore } from '../../../lib/demo/seed-store';
import { writePackage } from '../../../lib/evidence/package-writer';
import { generateSigningKey, type SigningKey } from '../../../lib/evidence/signing';
import { chainFaults } from '../../../lib/evidence/custody';
import { bytesSource, type ZipSource } from '../../../lib/evidence/zip/source';
import { buildPackageInput } from '../../../lib/services/export-input';
import {
  ImportConflictError,
  ImportRejectedError,
  ImportUnconfirmedError,
  importPackage,
} from '../../../lib/services/import-package';
import type { Store } from '../../../lib/store/store';
import { createTestStore } from '../store/test-store';
import { containsBytes, createVaultStore, rawDump } from '../store/vault-store';

async function exportAll(store: Store, signer: SigningKey): Promise<Uint8Array> {
  const input = await buildPackageInput(
    store,
    { kind: 'all', ids: [] },
    { signer, tool: { name: 'dalel', version: 't' }, now: new Date() },
  );
  const chunks: Uint8Array[] = [];
  await writePackage(input, async (c) => void chunks.push(c.slice()));
  return new Uint8Array(Buffer.concat(chunks));
}

/** A store seeded with the demo archive, and the package of all of it that `signer` signed. */
async function demoPackage() {
  const signer = await generateSigningKey();
  const { store: source } = createTestStore(undefined, signer.fingerprint);
  await seedDemoStore(source);
  return { signer, source, pkg: await exportAll(source, signer) };
}

async function snapshot(store: Store) {
  const { db } = store.ctx;
  const blobs = await db.artifacts.toArray();
  return {
    persons: await store.persons.list(),
    cases: (await store.cases.list()).sort((a, b) => a.id.localeCompare(b.id)),
    captures: (await store.captures.list()).sort((a, b) => a.id.localeCompare(b.id)),
    links: (await store.links.all()).sort((a, b) => a.id.localeCompare(b.id)),
    artifacts: Object.fromEntries(
      await Promise.all(
        blobs.map(
          async (b) =>
            [b.sha256, Buffer.from(await b.blob.arrayBuffer()).toString('base64')] as const,
        ),
      ),
    ),
  };
}

describe('import', () => {
  it('round trip: export everything, wipe, import — every record and every byte is back, with custody', async () => {
    const signer = await generateSigningKey();
    const { store: original } = createTestStore(undefined, signer.fingerprint);
    await seedDemoStore(original);
    const before = await snapshot(original);
    const pkg = await exportAll(original, signer);

    const { store: fresh } = createTestStore(); // the wiped (or a colleague's) store
    const result = await importPackage(fresh, bytesSource(pkg), { pinnedKey: signer.fingerprint });
    expect(result.imported.captures).toBe(before.captures.length);
    const after = await snapshot(fresh);
    expect(after.persons).toEqual(before.persons);
    expect(after.cases).toEqual(before.cases);
    expect(after.captures).toEqual(before.captures);
    expect(after.links).toEqual(before.links);
    for (const [sha, bytes] of Object.entries(before.artifacts))
      expect(after.artifacts[sha]).toBe(bytes);

    const log = await fresh.custody.all();
    expect(log.filter((e) => e.type === 'imported' && e.subject.kind === 'capture')).toHaveLength(
      before.captures.length,
    );
    expect(log.at(-1)).toMatchObject({
      type: 'imported',
      subject: { kind: 'package', id: result.packageId },
      actor: `import:${signer.fingerprint}`,
    });
    expect(chainFaults(log)).toEqual([]);

    // Every new record entered custody as the signer's: captures, tags (with notes), persons, cases.
    const byImport = log.filter((e) => e.actor === `import:${signer.fingerprint}`);
    expect(byImport.filter((e) => e.type === 'tagged')).toHaveLength(before.links.length);
    expect(byImport.filter((e) => e.type === 'person_created')).toHaveLength(before.persons.length);
    expect(byImport.filter((e) => e.type === 'case_created')).toHaveLength(before.cases.length);

    // The restored store exports again, and that package verifies (its tags have their events).
    const again = await exportAll(fresh, signer);
    const second = await importPackage(createTestStore().store, bytesSource(again), {
      pinnedKey: signer.fingerprint,
    });
    expect(second.imported.captures).toBe(before.captures.length);
  });

  it('recognises duplicates by id and hash on a second import and writes only the import event', async () => {
    const { pkg, signer } = await demoPackage();
    const { store } = createTestStore();
    const pin = { pinnedKey: signer.fingerprint };
    await importPackage(store, bytesSource(pkg), pin);
    const count = await store.custody.count();
    const again = await importPackage(store, bytesSource(pkg), pin);
    expect(again.imported).toEqual({ captures: 0, persons: 0, cases: 0, links: 0, artifacts: 0 });
    expect(again.duplicates.captures).toBeGreaterThan(0);
    expect(await store.custody.count()).toBe(count + 1);
  });

  it('writes nothing when the package does not verify (tampered, wrong key, not a zip)', async () => {
    const { pkg } = await demoPackage();
    const tampered = pkg.slice();
    // Inside a stored (uncompressed) screenshot, so the flip always changes content.
    tampered[Buffer.from(pkg).indexOf('screenshot-viewport.png') + 120]! ^= 0x01;
    const { store, db } = createTestStore();
    await expect(importPackage(store, bytesSource(tampered))).rejects.toBeInstanceOf(
      ImportRejectedError,
    );
    const other = await generateSigningKey();
    await expect(
      importPackage(store, bytesSource(pkg), { pinnedKey: other.fingerprint }),
    ).rejects.toThrow(/did not verify/);
    await expect(
      importPackage(store, bytesSource(new TextEncoder().encode('not a zip'))),
    ).rejects.toBeInstanceOf(ImportRejectedError);
    for (const table of db.tables) expect(await table.count(), table.name).toBe(0);
  });

  it('Z10: a package changed between verification and import stops the import, writing nothing', async () => {
    const { pkg, signer } = await demoPackage();
    const at = Buffer.from(pkg).indexOf('screenshot-viewport.png') + 120; // inside stored PNG data
    // The file under the reader changes once it has been read whole (as a file on disk may, by
    // another program): the second read of that region, the import's, sees the altered byte.
    const reads = new Map<number, number>();
    const changing: ZipSource = {
      size: pkg.length,
      read: async (offset, length) => {
        const bytes = pkg.slice(offset, offset + length);
        if (at >= offset && at < offset + length) {
          const n = (reads.get(offset) ?? 0) + 1;
          reads.set(offset, n);
          if (n > 1) bytes[at - offset]! ^= 0x01;
        }
        return bytes;
      },
    };
    const { store, db } = createTestStore();
    await expect(
      importPackage(store, changing, { acceptSigner: signer.fingerprint }),
    ).rejects.toThrow(/CRC-32|SHA-256|changed/);
    expect([...reads.values()].some((n) => n > 1)).toBe(true);
    for (const table of db.tables) expect(await table.count(), table.name).toBe(0);
  });

  it('under the passphrase lock, imported artifacts are stored encrypted and read back exactly', async () => {
    const { source, pkg, signer } = await demoPackage();
    const plain = await Promise.all(
      (await source.captures.list())
        .flatMap((c) => c.artifacts)
        .map(async (a) => ({
          a,
          bytes: new Uint8Array(await (await source.artifacts.blob(a.sha256)).arrayBuffer()),
        })),
    );
    const locked = createVaultStore();
    await locked.vault.enable('import under the lock 2026');
    const result = await importPackage(locked.store, bytesSource(pkg), {
      pinnedKey: signer.fingerprint,
    });
    expect(result.imported.artifacts).toBeGreaterThan(0);
    const dump = await rawDump(locked.name);
    for (const { a, bytes } of plain) {
      // A forensic reader of the profile finds none of the bytes (nor the hashes, blinded)...
      expect(containsBytes(dump.bytes, bytes.subarray(0, 64)), a.name).toBe(false);
      expect(dump.text).not.toContain(a.sha256.slice(7));
      // ...while the store gives back exactly what was captured.
      const back = new Uint8Array(
        await (await locked.store.artifacts.blob(a.sha256)).arrayBuffer(),
      );
      expect(Buffer.from(back).equals(Buffer.from(bytes)), a.name).toBe(true);
    }
  });

  it('a read failing midway removes the artifacts already stored: a failed import writes nothing', async () => {
    const { pkg, signer } = await demoPackage();
    const pin = { pinnedKey: signer.fingerprint };
    const verified = bytesSource(pkg);
    let reads = 0;
    let failAt = Infinity;
    const failing: ZipSource = {
      size: pkg.length,
      read: async (offset, length) => {
        if (++reads >= failAt) throw new Error('disk read failed');
        return verified.read(offset, length);
      },
    };
    // Count the reads a whole import makes, then fail one near its end (after artifacts).
    await importPackage(createTestStore().store, failing, pin);
    failAt = reads - 2;
    reads = 0;
    const { store, db } = createTestStore();
    await expect(importPackage(store, failing, pin)).rejects.toThrow('disk read failed');
    for (const table of db.tables) expect(await table.count(), table.name).toBe(0);
  });

  it('stops, writing nothing, when a capture id exists with a different seal', async () => {
    const { source, pkg, signer } = await demoPackage();
    const { store, db } = createTestStore();
    const [capture] = await source.captures.list();
    const artifacts = await Promise.all(
      capture!.artifacts.map(async (a) => ({
        sha256: a.sha256,
        blob: await source.artifacts.blob(a.sha256),
        mediaType: a.mediaType,
      })),
    );
    await store.captures.seal({ ...capture!, seal: `sha256:${'b'.repeat(64)}` }, artifacts);
    const counts = await Promise.all(db.tables.map((t) => t.count()));
    await expect(
      importPackage(store, bytesSource(pkg), { pinnedKey: signer.fingerprint }),
    ).rejects.toBeInstanceOf(ImportConflictError);
    expect(await Promise.all(db.tables.map((t) => t.count()))).toEqual(counts);
  });
});

describe('import needs a confirmed signer (nothing unsigned or unconfirmed enters own evidence)', () => {
  it('without a pin, own key or explicit acceptance it stops, writing nothing', async () => {
    const { pkg, signer } = await demoPackage();
    const { store, db } = createTestStore();
    const error = await importPackage(store, bytesSource(pkg)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportUnconfirmedError);
    expect((error as ImportUnconfirmedError).fingerprint).toBe(signer.fingerprint);
    // Accepting another fingerprint than the signer's is no acceptance.
    const other = await generateSigningKey();
    await expect(
      importPackage(store, bytesSource(pkg), { acceptSigner: other.fingerprint }),
    ).rejects.toBeInstanceOf(ImportUnconfirmedError);
    for (const table of db.tables) expect(await table.count(), table.name).toBe(0);
  });

  it('an explicit acceptance is recorded as a signer_accepted custody event with the import', async () => {
    const { pkg, signer } = await demoPackage();
    const { store } = createTestStore();
    const result = await importPackage(store, bytesSource(pkg), {
      acceptSigner: signer.fingerprint.toUpperCase().replace(/-/g, ' '),
    });
    expect(result.confirmedBy).toBe('accepted');
    const log = await store.custody.all();
    const accepted = log.find((e) => e.type === 'signer_accepted');
    expect(accepted).toMatchObject({
      actor: 'TEST-ACTOR',
      subject: { kind: 'package', id: result.packageId },
      data: { fingerprint: signer.fingerprint, packageId: result.packageId },
    });
    expect(log.at(-1)!.data).toMatchObject({ confirmedBy: 'accepted' });
  });

  it("a backup signed by one of this installation's own keys needs no pin", async () => {
    const { pkg, signer } = await demoPackage();
    const { store } = createTestStore();
    await store.keys.install({
      id: `key_${signer.fingerprint.replace(/-/g, '')}`,
      algorithm: 'Ed25519',
      privateKey: signer.privateKey,
      publicKey: signer.publicKey,
      publicKeyRaw: Buffer.from(signer.publicKeyRaw).toString('base64'),
      fingerprint: signer.fingerprint,
      createdAt: new Date().toISOString(),
      active: true,
    });
    const result = await importPackage(store, bytesSource(pkg));
    expect(result.confirmedBy).toBe('own_key');
  });

  it("a colleague's tag and note on a capture the monitor already holds becomes a custody event shown as theirs", async () => {
    const { source, pkg, signer } = await demoPackage();
    // The monitor holds the same captures (imported from the colleague's earlier package)...
    const { store } = createTestStore();
    await importPackage(store, bytesSource(pkg), { pinnedKey: signer.fingerprint });
    // ...then the colleague tags one of them, with a note, and sends a new package.
    const [capture] = await source.captures.list();
    const person = (await source.persons.list())[0]!;
    const link = await source.links.add({
      captureId: capture!.id,
      personId: person.id,
      caseId: null,
      category: 'hack_evidence',
      note: 'the login alert came two minutes before the post',
    });
    const later = await exportAll(source, signer);
    const result = await importPackage(store, bytesSource(later), {
      pinnedKey: signer.fingerprint,
    });
    expect(result.imported.links).toBe(1);
    expect(result.duplicates.captures).toBeGreaterThan(0);
    const event = (await store.custody.all()).find(
      (e) => e.type === 'tagged' && e.data.linkId === link.id,
    );
    expect(event).toMatchObject({
      actor: `import:${signer.fingerprint}`,
      subject: { kind: 'capture', id: capture!.id },
      data: {
        note: 'the login alert came two minutes before the post',
        packageId: result.packageId,
      },
    });
  });
});
