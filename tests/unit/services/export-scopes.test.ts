// What each export scope selects (lib/services/export-input.ts), exactly: which captures in
// which order, which persons, cases and links, which custody events, and the refusals.
import { describe, expect, it } from 'vitest';
import { captureSeal } from '../../../lib/evidence/seal';
import { writePackage } from '../../../lib/evidence/package-writer';
import { generateSigningKey } from '../../../lib/evidence/signing';
import { verifyPackage } from '../../../lib/evidence/verify';
import { bytesSource } from '../../../lib/evidence/zip/source';
import {
  buildPackageInput,
  EmptyExportError,
  type ExportScope,
} from '../../../lib/services/export-input';
import { ensureSigningKey } from '../../../lib/background/signing-key';
import { sampleCapture } from '../store/sample-capture';
import { createTestStore } from '../store/test-store';

async function archive() {
  const signer = await generateSigningKey();
  // The signer's own events: a package's captures and tags must be by its signer (issue 12).
  const { store } = createTestStore(undefined, signer.fingerprint);
  await ensureSigningKey(store.keys, store.ctx.now);
  // Sealed out of order; two at the same instant (ordered by id then).
  const times = {
    cap_c: '2026-05-03T00:00:00.000Z',
    cap_a: '2026-05-01T00:00:00.000Z',
    cap_b2: '2026-05-02T00:00:00.000Z',
    cap_b1: '2026-05-02T00:00:00.000Z',
    cap_lone: '2026-05-04T00:00:00.000Z',
  };
  for (const [id, sealedAt] of Object.entries(times)) {
    const { capture, artifacts } = sampleCapture(id, {
      sealedAt,
      url: `https://x.com/a/status/${id}`,
    });
    await store.captures.seal({ ...capture, seal: await captureSeal(capture) }, artifacts);
  }
  const aigerim = await store.persons.create({ name: 'Aigerim' });
  const daniyar = await store.persons.create({ name: 'Daniyar' });
  const caseA = await store.cases.create({ title: 'Case A' });
  const caseB = await store.cases.create({ title: 'Case B' });
  const link = (captureId: string, personId: string | null, caseId: string | null) =>
    store.links.add({ captureId, personId, caseId, category: 'ground' });
  const l1 = await link('cap_a', aigerim.id, caseA.id);
  const l2 = await link('cap_b1', aigerim.id, null);
  const l3 = await link('cap_b2', daniyar.id, caseB.id);
  const l4 = await link('cap_c', null, caseA.id);
  const ctx = {
    signer,
    tool: { name: 'dalel', version: 't' },
    now: new Date('2026-06-01T00:00:00Z'),
  };
  const build = (scope: ExportScope) => buildPackageInput(store, scope, ctx);
  return { store, aigerim, daniyar, caseA, caseB, links: [l1, l2, l3, l4], build, ctx };
}

const ids = (xs: { id: string }[]) => xs.map((x) => x.id);

describe('export scopes', () => {
  it('a case: its captures oldest first, the case, the persons tagged with it, its links', async () => {
    const a = await archive();
    const input = await a.build({ kind: 'case', ids: [a.caseA.id] });
    expect(ids(input.captures)).toEqual(['cap_a', 'cap_c']);
    expect(ids(input.cases)).toEqual([a.caseA.id]);
    expect(ids(input.persons)).toEqual([a.aigerim.id]);
    expect(ids(input.links)).toEqual([a.links[0]!.id, a.links[3]!.id]);
    expect(input.scope).toEqual({ kind: 'case', ids: [a.caseA.id] });
  });

  it('a person: their captures, the person even without a case, and the cases on their links', async () => {
    const a = await archive();
    const input = await a.build({ kind: 'person', ids: [a.aigerim.id] });
    expect(ids(input.captures)).toEqual(['cap_a', 'cap_b1']);
    expect(ids(input.persons)).toEqual([a.aigerim.id]);
    expect(ids(input.cases)).toEqual([a.caseA.id]);
    expect(ids(input.links)).toEqual([a.links[0]!.id, a.links[1]!.id]);
  });

  it('a selection: the chosen captures once each, ordered by time then id, with what tags them', async () => {
    const a = await archive();
    const input = await a.build({
      kind: 'selection',
      ids: ['cap_c', 'cap_b2', 'cap_b1', 'cap_c', 'cap_lone'],
    });
    expect(ids(input.captures)).toEqual(['cap_b1', 'cap_b2', 'cap_c', 'cap_lone']);
    expect(ids(input.persons).sort()).toEqual([a.aigerim.id, a.daniyar.id].sort());
    expect(ids(input.cases).sort()).toEqual([a.caseA.id, a.caseB.id].sort());
    expect(ids(input.links)).toEqual([a.links[1]!.id, a.links[2]!.id, a.links[3]!.id]);
    expect(input.scope.ids).toEqual(['cap_c', 'cap_b2', 'cap_b1', 'cap_c', 'cap_lone']);
  });

  it('a selection carries only the persons and cases its own captures are tagged to', async () => {
    const a = await archive();
    const input = await a.build({ kind: 'selection', ids: ['cap_b2'] });
    expect(ids(input.captures)).toEqual(['cap_b2']);
    expect(ids(input.persons)).toEqual([a.daniyar.id]);
    expect(ids(input.cases)).toEqual([a.caseB.id]);
    expect(ids(input.links)).toEqual([a.links[2]!.id]);
    const subjects = new Set(input.custody.events.map((e) => e.subject.id));
    for (const id of [a.aigerim.id, a.caseA.id]) expect(subjects).not.toContain(id);
  });

  it('a capture chosen twice packs into a package that verifies (its links once)', async () => {
    const a = await archive();
    const input = await a.build({ kind: 'selection', ids: ['cap_a', 'cap_a'] });
    expect(ids(input.links)).toEqual([a.links[0]!.id]);
    const chunks: Uint8Array[] = [];
    await writePackage(input, async (c) => void chunks.push(c.slice()));
    const report = await verifyPackage(bytesSource(new Uint8Array(Buffer.concat(chunks))));
    expect(report.failures).toEqual([]);
  });

  it('everything: every capture, tagged or not, every link, and no ids in the scope', async () => {
    const a = await archive();
    const input = await a.build({ kind: 'all', ids: ['ignored'] });
    expect(ids(input.captures)).toEqual(['cap_a', 'cap_b1', 'cap_b2', 'cap_c', 'cap_lone']);
    expect(ids(input.links)).toEqual(ids(a.links));
    expect(input.scope).toEqual({ kind: 'all', ids: [] });
  });

  it('discloses the custody events of what it holds and of the signing keys, nothing else', async () => {
    const a = await archive();
    const input = await a.build({ kind: 'case', ids: [a.caseB.id] });
    const subjects = new Set(input.custody.events.map((e) => e.subject.id));
    const keys = (await a.store.keys.list()).map((k) => k.id);
    expect(keys.length).toBeGreaterThan(0);
    for (const id of ['cap_b2', a.daniyar.id, a.caseB.id, ...keys]) expect(subjects).toContain(id);
    for (const id of ['cap_a', 'cap_c', a.aigerim.id, a.caseA.id])
      expect(subjects).not.toContain(id);
    expect(input.custody.checkpoint.size).toBe(await a.store.custody.count());
  });

  it('passes the context through and opens artifacts from the store', async () => {
    const a = await archive();
    const onProgress = () => {};
    const input = await buildPackageInput(
      a.store,
      { kind: 'selection', ids: ['cap_a'] },
      {
        ...a.ctx,
        onProgress,
      },
    );
    expect(input.signer).toBe(a.ctx.signer);
    expect(input.tool).toEqual({ name: 'dalel', version: 't' });
    expect(input.now).toBe(a.ctx.now);
    expect(input.onProgress).toBe(onProgress);
    const ref = input.captures[0]!.artifacts[0]!;
    // A Blob or a stream (the writer accepts both): its bytes, whichever it is.
    const bytes = await new Response(await input.openArtifact(ref.sha256)).arrayBuffer();
    expect(bytes.byteLength).toBe(ref.size);
  });
});

describe('export refusals', () => {
  it('names what is wrong with the scope', async () => {
    const a = await archive();
    await expect(a.build({ kind: 'case', ids: [] })).rejects.toThrow(
      'an export of a case needs an id',
    );
    await expect(a.build({ kind: 'selection', ids: [] })).rejects.toThrow(
      'an export of a selection needs an id',
    );
    await expect(a.build({ kind: 'person', ids: [a.aigerim.id, a.daniyar.id] })).rejects.toThrow(
      'an export of a person takes exactly one id',
    );
    await expect(a.build({ kind: 'case', ids: [a.caseA.id, a.caseB.id] })).rejects.toThrow(
      'an export of a case takes exactly one id',
    );
    await expect(a.build({ kind: 'person', ids: ['person_x'] })).rejects.toThrow(
      'no person person_x',
    );
    await expect(a.build({ kind: 'case', ids: ['case_x'] })).rejects.toThrow('no case case_x');
    await expect(a.build({ kind: 'selection', ids: ['cap_a', 'cap_x'] })).rejects.toThrow(
      'no capture cap_x',
    );
  });

  it('says what was empty: a person without captures, an empty store', async () => {
    const a = await archive();
    const nobody = await a.store.persons.create({ name: 'Nobody' });
    await expect(a.build({ kind: 'person', ids: [nobody.id] })).rejects.toThrow(
      'Nothing to export: no captures are tagged to this person.',
    );
    const { store } = createTestStore();
    const empty = buildPackageInput(store, { kind: 'all', ids: [] }, a.ctx);
    await expect(empty).rejects.toBeInstanceOf(EmptyExportError);
    await expect(empty).rejects.toMatchObject({ name: 'EmptyExportError' });
    await expect(empty).rejects.toThrow('Nothing to export: no captures are tagged to this store.');
  });
});
