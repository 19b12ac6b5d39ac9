// What an export input carries besides the records (lib/services/export-input.ts): the
// capture-time tokens of the capture as sealed, the redacted copies in force, whether originals
// are withheld, and the reports' language.
import { describe, expect, it } from 'vitest';
import { toBase64 } from '../../../lib/evidence/hex';
import { captureSeal } from '../../../lib/evidence/seal';
import { generateSigningKey } from '../../../lib/evidence/signing';
import { buildPackageInput, type ExportScope } from '../../../lib/services/export-input';
import type { Store } from '../../../lib/store/store';
import { sampleCapture } from '../store/sample-capture';
import { createTestStore } from '../store/test-store';
import { sealedRedaction as redaction } from './sealed-redaction';

async function archive() {
  const { store } = createTestStore();
  const captures = [];
  for (const id of ['cap_a', 'cap_b']) {
    const { capture, artifacts } = sampleCapture(id, { url: `https://x.com/a/status/${id}` });
    const sealed = { ...capture, seal: await captureSeal(capture) };
    await store.captures.seal(sealed, artifacts);
    captures.push(sealed);
  }
  const ctx = {
    signer: await generateSigningKey(),
    tool: { name: 'dalel', version: 't' },
    now: new Date('2026-06-01T00:00:00Z'),
  };
  const build = (scope: ExportScope, extra: object = {}) =>
    buildPackageInput(store, scope, { ...ctx, ...extra });
  return { store, captures, build };
}

/** A `timestamped` event as the stamp queue records it (the token's bytes are opaque here). */
function stamp(store: Store, captureId: string, data: Record<string, unknown>) {
  return store.custody.record({
    type: 'timestamped',
    subject: { kind: 'capture', id: captureId },
    data: { tsa: 'https://tsa.example/', ...data },
  });
}

describe('an export input carries', () => {
  it("each capture's tokens over its seal, in log order, and no token over another seal", async () => {
    const { store, captures, build } = await archive();
    const [a, b] = captures;
    await stamp(store, a!.id, { seal: a!.seal, token: toBase64(new Uint8Array([1, 1])) });
    await stamp(store, b!.id, { seal: b!.seal, token: toBase64(new Uint8Array([2])) });
    // A token over some other seal says nothing about this capture; an event without one neither.
    await stamp(store, a!.id, { seal: b!.seal, token: toBase64(new Uint8Array([9])) });
    await stamp(store, a!.id, { seal: a!.seal });
    await stamp(store, a!.id, { seal: a!.seal, token: toBase64(new Uint8Array([1, 2])) });
    const input = await build({ kind: 'all', ids: [] });
    expect(input.captureTimestamps).toEqual(
      new Map([
        [a!.id, [new Uint8Array([1, 1]), new Uint8Array([1, 2])]],
        [b!.id, [new Uint8Array([2])]],
      ]),
    );
    // A selection carries only its captures' tokens.
    const one = await build({ kind: 'selection', ids: [b!.id] });
    expect(one.captureTimestamps).toEqual(new Map([[b!.id, [new Uint8Array([2])]]]));
  });

  it('only a timestamped event about the capture itself carries a token', async () => {
    const { store, captures, build } = await archive();
    const [a] = captures;
    const token = toBase64(new Uint8Array([7]));
    // Another kind of event about the capture, with the same fields, is not a time stamp...
    await store.custody.record({
      type: 'redacted',
      subject: { kind: 'capture', id: a!.id },
      data: { seal: a!.seal, token },
    });
    // ...nor is a time stamp about another subject that happens to bear the capture's id.
    await store.custody.record({
      type: 'timestamped',
      subject: { kind: 'person', id: a!.id },
      data: { seal: a!.seal, token },
    });
    const input = await build({ kind: 'selection', ids: [a!.id] });
    expect(input.custody.events.map((e) => e.type)).toEqual(
      expect.arrayContaining(['redacted', 'timestamped']),
    );
    expect(input.captureTimestamps).toEqual(new Map());
  });

  it('no tokens: an empty map', async () => {
    const { build } = await archive();
    expect((await build({ kind: 'all', ids: [] })).captureTimestamps).toEqual(new Map());
  });

  it('the redactions in force for the exported captures only, and withholds nothing unless asked', async () => {
    const { store, captures, build } = await archive();
    const [a, b] = captures;
    const shot = a!.artifacts.find((x) => x.mediaType === 'image/png')!;
    const first = await redaction(a!.id, { name: shot.name, sha256: shot.sha256 }, 1);
    const second = await redaction(a!.id, { name: shot.name, sha256: shot.sha256 }, 2);
    await store.redactions.add(first.redaction, first.bytes);
    await store.redactions.add(second.redaction, second.bytes);

    const all = await build({ kind: 'all', ids: [] });
    expect(all.redactions).toEqual([second.redaction]);
    expect(all.withholdRedactedOriginals).toBe(false);
    expect((await build({ kind: 'selection', ids: [b!.id] })).redactions).toEqual([]);

    const withheld = await build({ kind: 'all', ids: [] }, { withholdRedactedOriginals: true });
    expect(withheld.withholdRedactedOriginals).toBe(true);
  });

  it('the language chosen for the reports', async () => {
    const { build } = await archive();
    expect((await build({ kind: 'all', ids: [] }, { language: 'kk' })).language).toBe('kk');
    expect((await build({ kind: 'all', ids: [] })).language).toBeUndefined();
  });

  it("a tag naming a person or case the archive lacks (a colleague's package may carry one) is exported without them", async () => {
    const { store, captures, build } = await archive();
    const [a] = captures;
    const kept = await store.persons.create({ name: 'Aigerim' });
    await store.links.add({
      captureId: a!.id,
      personId: kept.id,
      caseId: null,
      category: 'ground',
    });
    // As an import stores it: a link row whose person and case were never in the package.
    await store.ctx.db.links.add({
      id: 'link_dangling',
      captureId: a!.id,
      personId: 'person_gone',
      caseId: 'case_gone',
      category: 'other',
      note: '',
      createdAt: '2026-05-01T12:00:00.000Z',
    });
    const input = await build({ kind: 'selection', ids: [a!.id] });
    expect(input.persons).toEqual([kept]);
    expect(input.cases).toEqual([]);
    expect(input.links.map((l) => l.id)).toContain('link_dangling');
  });

  it('an export of everything leaves out a tag of a capture the archive lacks', async () => {
    const { store, captures, build } = await archive();
    const person = await store.persons.create({ name: 'Aigerim' });
    const kept = await store.links.add({
      captureId: captures[0]!.id,
      personId: person.id,
      caseId: null,
      category: 'ground',
    });
    // As an import may store it: the package tagged a capture it did not carry.
    await store.ctx.db.links.add({
      id: 'link_no_capture',
      captureId: 'cap_gone',
      personId: person.id,
      caseId: null,
      category: 'other',
      note: '',
      createdAt: '2026-05-01T12:00:00.000Z',
    });
    const input = await build({ kind: 'all', ids: [] });
    expect(input.links.map((l) => l.id)).toEqual([kept.id]);
    expect(input.captures.map((c) => c.id)).toEqual(captures.map((c) => c.id));
  });
});
