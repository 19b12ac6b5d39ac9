// The import's writes (lib/store/repositories/imports-repo.ts), without a package: artifacts one
// at a time and content-addressed, records and custody events in one transaction or not at all.
import { describe, expect, it } from 'vitest';
import { ImportConflictError } from '../../../lib/store/repositories/imports-repo';
import type { Person } from '../../../lib/model/person';
import { commitOf, zeroCounts as zero } from './import-commit';
import { createTestStore } from './test-store';
import { sampleCapture } from './sample-capture';

async function loaded(blob: Blob, sha256: string) {
  return { bytes: blob, sha256, size: blob.size };
}

describe('ImportsRepo', () => {
  it('stores an artifact once: a known hash is neither rewritten nor counted as added', async () => {
    const { store, db } = createTestStore();
    const { artifacts } = sampleCapture('cap_1');
    const a = artifacts[0]!;
    expect(await store.imports.storeArtifact(await loaded(a.blob, a.sha256), 'text/html')).toBe(
      true,
    );
    const row = await db.artifacts.get(a.sha256);
    expect(row).toMatchObject({ size: a.blob.size, mediaType: 'text/html' });
    expect(await store.imports.storeArtifact(await loaded(a.blob, a.sha256), 'text/plain')).toBe(
      false,
    );
    expect(await db.artifacts.get(a.sha256)).toEqual(row);
    expect(await db.artifacts.count()).toBe(1);
  });

  it('discards only the artifacts it is given', async () => {
    const { store, db } = createTestStore();
    const { artifacts } = sampleCapture('cap_1');
    for (const a of artifacts)
      await store.imports.storeArtifact(await loaded(a.blob, a.sha256), a.mediaType);
    await store.imports.discardArtifacts([artifacts[0]!.sha256]);
    expect(await db.artifacts.toCollection().primaryKeys()).toEqual([artifacts[1]!.sha256]);
  });

  it('commits records with one event each by import:<signer>, and the package event with the counts', async () => {
    const { store, db } = createTestStore();
    const { capture, artifacts } = sampleCapture('cap_1');
    for (const a of artifacts)
      await store.imports.storeArtifact(await loaded(a.blob, a.sha256), a.mediaType);
    const input = commitOf({ captures: [capture], signerAccepted: true });
    input.imported.artifacts = 2;
    await store.imports.commit(input);
    expect(await db.captures.get('cap_1')).toEqual(capture);
    const events = await store.custody.all();
    expect(events.map((e) => [e.type, e.actor, e.subject])).toEqual([
      ['signer_accepted', 'TEST-ACTOR', { kind: 'package', id: 'pkg1' }],
      ['imported', 'import:aaaa-bbbb', { kind: 'capture', id: 'cap_1' }],
      ['imported', 'import:aaaa-bbbb', { kind: 'package', id: 'pkg1' }],
    ]);
    expect(events[2]!.data).toEqual({
      signer: 'aaaa-bbbb',
      imported: { captures: 1, persons: 0, cases: 0, links: 0, artifacts: 2 },
      duplicates: zero(),
    });

    // The same again: a duplicate, counted, and only the package event is new.
    const again = commitOf({ captures: [capture] });
    await store.imports.commit(again);
    expect(again.duplicates.captures).toBe(1);
    expect(again.imported.captures).toBe(0);
    expect(await store.custody.count()).toBe(4);
  });

  it('a capture whose bytes are not stored, or a known id with another seal, writes nothing', async () => {
    const { store, db } = createTestStore();
    const { capture, artifacts } = sampleCapture('cap_1');
    await store.imports.storeArtifact(
      await loaded(artifacts[0]!.blob, artifacts[0]!.sha256),
      'text/html',
    );
    // Written first in the transaction, then rolled back with it.
    const at = '2026-05-01T10:00:00.000Z';
    const person: Person = {
      id: 'per_1',
      name: 'A',
      aliases: [],
      accounts: [],
      notes: '',
      createdAt: at,
      updatedAt: at,
    };
    const missing = store.imports.commit(commitOf({ captures: [capture], persons: [person] }));
    await expect(missing).rejects.toBeInstanceOf(ImportConflictError);
    await expect(missing).rejects.toThrow(/its bytes left the store/);
    expect(await db.persons.count()).toBe(0);
    expect(await store.custody.count()).toBe(0);

    await store.captures.seal(capture, artifacts);
    const other = { ...capture, seal: `sha256:${'0'.repeat(64)}` };
    await expect(store.imports.existingCapture(other)).rejects.toThrow(/different seal/);
    expect(await store.imports.existingCapture(capture)).toEqual(capture);
    await expect(store.imports.commit(commitOf({ captures: [other] }))).rejects.toBeInstanceOf(
      ImportConflictError,
    );
    expect(await store.custody.count()).toBe(1);
  });
});
