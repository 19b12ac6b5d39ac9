// What the integrity check (lib/store/integrity.ts) tells a lawyer, beyond integrity.test.ts:
// every kind of damage is named with a reason that says what is wrong, the cheap (startup) form
// copes with an empty or damaged archive and counts what it looked at, and only the events that
// entered a capture vouch for its seal.
import { describe, expect, it } from 'vitest';
import { captureSeal } from '../../../lib/evidence/seal';
import { checkIntegrity, CHEAP } from '../../../lib/store/integrity';
import { commitOf } from './import-commit';
import { sampleCapture } from './sample-capture';
import { createTestStore } from './test-store';

async function sealed(s: ReturnType<typeof createTestStore>, id: string) {
  const { capture, artifacts } = sampleCapture(id);
  return s.store.captures.seal({ ...capture, seal: await captureSeal(capture) }, artifacts);
}

/** Two captures and six custody events (0..5), as in integrity.test.ts. */
async function seeded() {
  const s = createTestStore();
  const person = await s.store.persons.create({ name: 'Aigerim' });
  const legalCase = await s.store.cases.create({ title: 'Case' });
  await sealed(s, 'cap_1');
  await sealed(s, 'cap_2');
  await s.store.links.add({
    captureId: 'cap_1',
    personId: person.id,
    caseId: legalCase.id,
    category: 'ground',
  });
  await s.store.persons.update(person.id, { notes: 'n' });
  return { ...s, person, legalCase };
}

const named = (r: { damage: { kind: string; id: string; reason: string }[] }) =>
  r.damage.map((d) => `${d.kind} ${d.id}: ${d.reason}`);

describe('integrity check: the cheap form', () => {
  it('passes an empty archive and counts nothing', async () => {
    const { store } = createTestStore();
    const report = await checkIntegrity(store, false);
    expect(report).toMatchObject({ ok: true, full: false, damage: [] });
    expect(report.checked).toEqual({
      artifacts: 0,
      artifactsRehashed: 0,
      captures: 0,
      links: 0,
      custodyEvents: 0,
    });
  });

  it('counts the captures its events name and each of their artifacts', async () => {
    const { store } = await seeded();
    const report = await checkIntegrity(store, false);
    expect(report.ok).toBe(true);
    expect(report.checked).toEqual({
      artifacts: 4,
      artifactsRehashed: 0,
      captures: 2,
      links: 0,
      custodyEvents: 6,
    });
  });

  it('looks at no more than the last captures its events name', async () => {
    const s = createTestStore();
    for (let i = 0; i <= CHEAP.recentCaptures; i++) await sealed(s, `cap_${i}`);
    const report = await checkIntegrity(s.store, false);
    expect(report.checked).toMatchObject({
      captures: CHEAP.recentCaptures,
      artifacts: 2 * CHEAP.recentCaptures,
    });
  });

  it('skips a capture its event names that is no longer stored, and still checks the others', async () => {
    const { store, db } = await seeded();
    await db.captures.delete('cap_1');
    const report = await checkIntegrity(store, false);
    expect(report.ok).toBe(true);
    expect(report.checked).toMatchObject({ captures: 1, artifacts: 2 });
  });

  it('says how many events are stored against the newest one, and which one is missing', async () => {
    const { store, db } = await seeded();
    await db.custody.delete(2);
    expect(named(await checkIntegrity(store, false))).toEqual([
      'custody_gap 5: 5 events stored, the newest is number 5',
      'custody_gap 3: expected event 2, found 3: events are missing',
      'custody_link_broken 3: prevHash does not match the hash of event 1',
    ]);
    await db.custody.delete(0);
    expect(named(await checkIntegrity(store, false)).slice(0, 2)).toEqual([
      'custody_gap 5: 4 events stored, the newest is number 5',
      'custody_gap 1: event 0 is missing',
    ]);
  });
});

describe('integrity check: the reasons of the full form', () => {
  it('says an edited event was changed after it was written', async () => {
    const { store, db } = await seeded();
    await db.custody.update(4, { data: { note: 'forged' } });
    expect(named(await checkIntegrity(store, true))).toEqual([
      'custody_hash_mismatch 4: the event was changed after it was written',
    ]);
  });

  it('says how many nodes of the custody tree do not match the log', async () => {
    const { store, db } = await seeded();
    const wrong = `sha256:${'ab'.repeat(32)}`;
    await db.custodyTree.update('0:4', { hash: wrong });
    await db.custodyTree.update('1:1', { hash: wrong });
    expect(named(await checkIntegrity(store, true))).toEqual([
      'custody_tree_mismatch 0:4: 2 node(s) of the stored custody tree do not match the log',
    ]);
  });

  it('gives the hash the record has and the seal it claims', async () => {
    const { store, db } = await seeded();
    const capture = (await db.captures.get('cap_1'))!;
    const edited = { ...capture, metadata: { ...capture.metadata, title: 'edited' } };
    await db.captures.put(edited);
    expect(named(await checkIntegrity(store, true))).toEqual([
      `capture_seal_mismatch cap_1: the record hashes to ${await captureSeal(edited)}, its seal says ${capture.seal}`,
    ]);
  });

  it('names an artifact whose bytes hash right but whose recorded size is wrong', async () => {
    const { store, db } = await seeded();
    const key = (await db.captures.get('cap_1'))!.artifacts[0]!.sha256;
    const row = (await db.artifacts.get(key))!;
    await db.artifacts.put({ ...row, size: row.size + 1 });
    expect(named(await checkIntegrity(store, true))).toEqual([
      `artifact_corrupt ${key}: size ${row.size}, recorded ${row.size + 1}`,
    ]);
  });

  it('names an artifact whose bytes cannot be read, and goes on to the others', async () => {
    const { store, db } = await seeded();
    const key = (await db.captures.get('cap_1'))!.artifacts[0]!.sha256;
    const row = (await db.artifacts.get(key))!;
    await db.artifacts.put({ ...row, blob: 'not bytes' as unknown as Blob });
    const report = await checkIntegrity(store, true);
    expect(report.damage.map((d) => `${d.kind} ${d.id}`)).toEqual([`artifact_unreadable ${key}`]);
    expect(report.damage[0]!.reason).not.toBe('');
    expect(report.checked.artifactsRehashed).toBe(3);
  });

  it('says what each dangling link points to, and not a person or case it does not name', async () => {
    const { store, db, person, legalCase } = await seeded();
    const onlyCase = await store.links.add({
      captureId: 'cap_2',
      personId: null,
      caseId: legalCase.id,
      category: 'other',
    });
    const onlyPerson = await store.links.add({
      captureId: 'cap_2',
      personId: person.id,
      caseId: null,
      category: 'other',
    });
    await db.links.put({
      ...onlyCase,
      id: 'link_planted',
      captureId: 'cap_gone',
      personId: 'per_gone',
      caseId: 'case_gone',
    });
    await db.captures.delete('cap_2');
    const report = await checkIntegrity(store, true);
    expect(named(report).sort()).toEqual(
      [
        `link_dangling ${onlyCase.id}: points to no capture cap_2`,
        `link_dangling ${onlyPerson.id}: points to no capture cap_2`,
        'link_dangling link_planted: points to no capture cap_gone, person per_gone, case case_gone',
      ].sort(),
    );
    expect(report.checked.links).toBe(4);
  });
});

describe('integrity check: the event that entered a capture', () => {
  it('holds an imported capture to the seal its `imported` event recorded', async () => {
    const { store, db } = createTestStore();
    const { capture: draft, artifacts } = sampleCapture('cap_imp');
    const capture = { ...draft, seal: await captureSeal(draft) };
    for (const a of artifacts)
      await store.imports.storeArtifact(
        { bytes: a.blob, sha256: a.sha256, size: a.blob.size },
        a.mediaType,
      );
    await store.imports.commit(commitOf({ captures: [capture] }));
    expect((await checkIntegrity(store, true)).ok).toBe(true);
    // Edited and re-sealed: only the `imported` event still holds the original seal.
    const edited = { ...capture, metadata: { ...capture.metadata, title: 'edited' } };
    await db.captures.put({ ...edited, seal: await captureSeal(edited) });
    const report = await checkIntegrity(store, true);
    expect(report.damage.map((d) => `${d.kind} ${d.id}`)).toEqual([
      'capture_event_mismatch cap_imp',
    ]);
  });

  it('an event about something else that carries the capture id does not vouch for it', async () => {
    const s = createTestStore();
    // An `imported` event whose subject is a package that happens to share the id, written first.
    await s.store.custody.record({
      type: 'imported',
      subject: { kind: 'package', id: 'cap_1' },
      data: { packageId: 'cap_1' },
    });
    await sealed(s, 'cap_1');
    expect(await checkIntegrity(s.store, true)).toMatchObject({ ok: true, damage: [] });
  });
});
