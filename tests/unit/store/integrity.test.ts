import { describe, expect, it } from 'vitest';
import { captureSeal } from '../../../lib/evidence/seal';
import { checkIntegrity } from '../../../lib/store/integrity';
import { sampleCapture } from './sample-capture';
import { createTestStore } from './test-store';
import { createVaultStore } from './vault-store';

/** A store with two captures, a person, a case, a link and a custody chain of several events. */
async function seeded(make: () => ReturnType<typeof createTestStore> = createTestStore) {
  const s = make();
  const person = await s.store.persons.create({ name: 'Aigerim' });
  const legalCase = await s.store.cases.create({ title: 'Case' });
  for (const id of ['cap_1', 'cap_2']) {
    const { capture, artifacts } = sampleCapture(id);
    await s.store.captures.seal({ ...capture, seal: await captureSeal(capture) }, artifacts);
  }
  const link = await s.store.links.add({
    captureId: 'cap_1',
    personId: person.id,
    caseId: legalCase.id,
    category: 'ground',
  });
  await s.store.persons.update(person.id, { notes: 'n' });
  return { ...s, person, legalCase, link, capture: (await s.store.captures.get('cap_1'))! };
}

const kinds = (r: { damage: { kind: string; id: string }[] }) =>
  r.damage.map((d) => `${d.kind} ${d.id}`);

describe('integrity check (D5)', () => {
  it('passes a healthy store in both forms and counts what it checked', async () => {
    const { store } = await seeded();
    const full = await checkIntegrity(store, true);
    expect(full).toMatchObject({ ok: true, full: true, damage: [] });
    expect(full.checked).toEqual({
      artifacts: 4,
      artifactsRehashed: 4,
      captures: 2,
      links: 1,
      custodyEvents: 6,
    });
    const cheap = await checkIntegrity(store, false);
    expect(cheap).toMatchObject({ ok: true, full: false });
    expect(cheap.checked.artifactsRehashed).toBe(0);
  });

  it('the full form re-seals every capture: an edited record, even re-sealed, is named', async () => {
    const { store, db, capture } = await seeded();
    // Edited in the database (a seized profile, a bug): the seal no longer fits the record.
    const edited = { ...capture, metadata: { ...capture.metadata, title: 'edited' } };
    await db.captures.put(edited);
    expect(kinds(await checkIntegrity(store, true))).toEqual([
      `capture_seal_mismatch ${capture.id}`,
    ]);
    // Edited and re-sealed (no key needed): the seal fits, but not the one the custody log holds.
    await db.captures.put({ ...edited, seal: await captureSeal(edited) });
    const report = await checkIntegrity(store, true);
    expect(kinds(report)).toEqual([`capture_event_mismatch ${capture.id}`]);
    expect(report.damage[0]!.reason).toContain(`recorded the seal ${capture.seal}`);
  });

  it('names a blob whose bytes no longer hash to its key', async () => {
    const { store, db, capture } = await seeded();
    const key = capture.artifacts[1]!.sha256;
    const row = (await db.artifacts.get(key))!;
    const bytes = new Uint8Array(await row.blob.arrayBuffer());
    bytes[3]! ^= 1;
    await db.artifacts.put({ ...row, blob: new Blob([bytes]) });
    const report = await checkIntegrity(store, true);
    expect(report.ok).toBe(false);
    expect(kinds(report)).toEqual([`artifact_corrupt ${key}`]);
    expect(report.damage[0]!.reason).toMatch(/^bytes hash to sha256:/);
  });

  it('names an artifact deleted from under its capture, in both forms', async () => {
    const { store, db, capture } = await seeded();
    const key = capture.artifacts[0]!.sha256;
    await db.artifacts.delete(key);
    for (const full of [true, false]) {
      const report = await checkIntegrity(store, full);
      expect(kinds(report)).toEqual([`artifact_missing ${key}`]);
      expect(report.damage[0]!.reason).toContain('capture cap_1: page.html');
    }
  });

  it('names a link whose person was removed', async () => {
    const { store, db, person, link } = await seeded();
    await db.persons.delete(person.id);
    expect(kinds(await checkIntegrity(store, true))).toEqual([`link_dangling ${link.id}`]);
  });

  it('names an edited custody event', async () => {
    const { store, db } = await seeded();
    await db.custody.update(2, { data: { seal: 'forged' } });
    expect(kinds(await checkIntegrity(store, false))).toEqual(['custody_hash_mismatch 2']);
    // The full form also finds that the capture no longer has the seal its event says.
    expect(kinds(await checkIntegrity(store, true))).toEqual([
      'custody_hash_mismatch 2',
      'capture_event_mismatch cap_1',
    ]);
  });

  it('names a custody tree that no longer matches the log (exports prove against it)', async () => {
    const { store, db } = await seeded();
    expect((await checkIntegrity(store, true)).ok).toBe(true);
    await db.custodyTree.update('1:1', { hash: `sha256:${'ab'.repeat(32)}` });
    expect(kinds(await checkIntegrity(store, true))).toEqual(['custody_tree_mismatch 1:1']);
  });

  it('names a deleted custody event', async () => {
    const { store, db } = await seeded();
    await db.custody.delete(2);
    const full = await checkIntegrity(store, true);
    expect(kinds(full)).toEqual(['custody_gap 3', 'custody_link_broken 3']);
    const cheap = await checkIntegrity(store, false);
    expect(cheap.ok).toBe(false);
    expect(kinds(cheap)).toContain('custody_gap 5');
  });

  it('names a deleted genesis event', async () => {
    const { store, db } = await seeded();
    await db.custody.delete(0);
    expect(kinds(await checkIntegrity(store, true))).toEqual([
      'custody_gap 1',
      'custody_link_broken 1',
    ]);
    expect(kinds(await checkIntegrity(store, false))).toContain('custody_gap 1');
  });

  it('the cheap form reads only the tail of a long log and the captures it names', async () => {
    const { store } = await seeded();
    for (let i = 0; i < 60; i++) await store.persons.create({ name: `P${i}` });
    const cheap = await checkIntegrity(store, false);
    expect(cheap).toMatchObject({ ok: true, checked: { custodyEvents: 50, captures: 0 } });
    const full = await checkIntegrity(store, true);
    expect(full.checked).toMatchObject({ custodyEvents: 66, captures: 2 });
  });

  it('names reordered custody events', async () => {
    const { store, db } = await seeded();
    const [a, b] = [(await db.custody.get(2))!, (await db.custody.get(3))!];
    await db.custody.bulkPut([
      { ...b, seq: 2 },
      { ...a, seq: 3 },
    ]);
    const report = await checkIntegrity(store, true);
    expect(kinds(report)).toEqual([
      'custody_link_broken 2',
      'custody_hash_mismatch 2',
      'custody_link_broken 3',
      'custody_hash_mismatch 3',
      'custody_link_broken 4',
      'custody_tree_mismatch 0:2',
    ]);
  });

  it('checks an encrypted store the same way (blobs decrypted before re-hashing)', async () => {
    const s = await seeded(createVaultStore);
    await (s as unknown as ReturnType<typeof createVaultStore>).vault.enable('passphrase');
    const report = await checkIntegrity(s.store, true);
    expect(report).toMatchObject({ ok: true });
    expect(report.checked.artifactsRehashed).toBe(4);
  });
});
