import { checkpointOf } from '../../../lib/evidence/custody';
import { describe, expect, it } from 'vitest';
import { captureSeal } from '../../../lib/evidence/seal';
import { exportedEvent, writePackage } from '../../../lib/evidence/package-writer';
import { generateSigningKey } from '../../../lib/evidence/signing';
import { verifyPackage } from '../../../lib/evidence/verify';
import { bytesSource } from '../../../lib/evidence/zip/source';
import { buildPackageInput, EmptyExportError } from '../../../lib/services/export-input';
import { sampleCapture } from '../store/sample-capture';
import { createTestStore } from '../store/test-store';

async function sealed(id: string, url: string) {
  const { capture, artifacts } = sampleCapture(id, { url });
  return { capture: { ...capture, seal: await captureSeal(capture) }, artifacts };
}

async function exportToBytes(...args: Parameters<typeof buildPackageInput>) {
  const input = await buildPackageInput(...args);
  const chunks: Uint8Array[] = [];
  const result = await writePackage(input, async (c) => void chunks.push(c.slice()));
  const bytes = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) bytes.set(c, (at += c.length) - c.length);
  return { input, result, bytes };
}

/** The extension's export path, from the Dexie store to a verified package, in Node. */
describe('export from the store', () => {
  it('exports a case with its captures, persons, links and custody, and the package verifies pinned', async () => {
    const signer = await generateSigningKey();
    const { store } = createTestStore(undefined, signer.fingerprint);
    const a = await sealed('cap_a', 'https://www.instagram.com/p/A/');
    const b = await sealed('cap_b', 'https://www.facebook.com/x/posts/1');
    const other = await sealed('cap_other', 'https://x.com/y/status/1');
    for (const c of [a, b, other]) await store.captures.seal(c.capture, c.artifacts);
    const person = await store.persons.create({ name: 'Aigerim Sadykova' });
    const bystander = await store.persons.create({ name: 'Not In This Case' });
    const legalCase = await store.cases.create({ title: 'Sadykova', article: 'Art. 405 Part 2' });
    await store.links.add({
      captureId: 'cap_a',
      personId: person.id,
      caseId: legalCase.id,
      category: 'ground',
    });
    await store.links.add({
      captureId: 'cap_b',
      personId: person.id,
      caseId: legalCase.id,
      category: 'hack_evidence',
    });
    await store.links.add({
      captureId: 'cap_other',
      personId: bystander.id,
      caseId: null,
      category: 'other',
    });

    const { input, result, bytes } = await exportToBytes(
      store,
      { kind: 'case', ids: [legalCase.id] },
      {
        signer,
        tool: { name: 'dalel', version: 'test' },
        now: new Date('2026-06-01T00:00:00Z'),
      },
    );
    expect(input.captures.map((c) => c.id)).toEqual(['cap_a', 'cap_b']);
    expect(input.persons.map((p) => p.id)).toEqual([person.id]);
    expect(input.cases.map((c) => c.id)).toEqual([legalCase.id]);
    expect(input.links).toHaveLength(2);
    expect(input.custody.events.some((e) => e.subject.id === 'cap_other')).toBe(false);
    expect(input.custody.checkpoint.size).toBe(await store.custody.count());
    expect(input.custody.checkpoint).toEqual(checkpointOf(await store.custody.all()));

    const report = await verifyPackage(bytesSource(bytes), { pinnedKey: signer.fingerprint });
    expect(report.failures).toEqual([]);
    expect(report.verdict).toBe('valid');
    expect(report.pinned).toBe('match');

    await store.custody.record(exportedEvent(result, signer.fingerprint, new Date()));
    expect((await store.custody.head())?.type).toBe('exported');
  });

  it('refuses an empty scope and an unknown case with a clear message', async () => {
    const { store } = createTestStore();
    const signer = await generateSigningKey();
    const legalCase = await store.cases.create({ title: 'Empty' });
    const ctx = { signer, tool: { name: 'dalel', version: 't' }, now: new Date() };
    await expect(
      buildPackageInput(store, { kind: 'case', ids: [legalCase.id] }, ctx),
    ).rejects.toBeInstanceOf(EmptyExportError);
    await expect(
      buildPackageInput(store, { kind: 'case', ids: ['case_missing'] }, ctx),
    ).rejects.toThrow(/no case/);
  });

  it('stops when a stored artifact no longer matches its capture-time hash', async () => {
    const { store, db } = createTestStore();
    const signer = await generateSigningKey();
    const a = await sealed('cap_a', 'https://www.instagram.com/p/A/');
    await store.captures.seal(a.capture, a.artifacts);
    const ref = a.capture.artifacts[0]!;
    await db.artifacts.update(ref.sha256, { blob: new Blob(['x'.repeat(ref.size)]) });
    await expect(
      exportToBytes(
        store,
        { kind: 'selection', ids: ['cap_a'] },
        { signer, tool: { name: 'dalel', version: 't' }, now: new Date() },
      ),
    ).rejects.toThrow(/no longer match/);
  });
});
