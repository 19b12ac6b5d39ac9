// Signing keys (keys-repo.ts) and an import's records (imports-repo.ts commit): keys are listed in
// the order they were made; a handover is kept in `key_rotated` only if it names both keys; an
// imported person or case enters custody as the signer's, with the package it came from.
import { describe, expect, it } from 'vitest';
import type { SignedRotation } from '../../../lib/evidence/key-rotation';
import type { KeyRow } from '../../../lib/store/rows';
import { commitOf } from './import-commit';
import { createTestStore } from './test-store';

const key = (id: string, createdAt: string): KeyRow => ({
  id,
  algorithm: 'Ed25519',
  privateKey: null,
  publicKey: {} as CryptoKey,
  publicKeyRaw: `raw-${id}`,
  fingerprint: `FP-${id}`,
  createdAt,
  active: false,
});

const handover = (previous: string, next: string): SignedRotation => ({
  statement: {
    type: 'dalel/key-rotation/v1',
    previous,
    previousKey: 'a',
    next,
    nextKey: 'b',
    at: '2026-05-01T00:00:00.000Z',
  },
  signature: 'c2ln',
});

describe('KeysRepo', () => {
  it('lists keys oldest first, whatever their ids', async () => {
    const { store } = createTestStore();
    await store.keys.install(key('k_b', '2026-05-01T00:00:00.000Z'));
    await store.keys.install(key('k_c', '2026-05-02T00:00:00.000Z'));
    await store.keys.install(key('k_a', '2026-05-03T00:00:00.000Z'));
    expect((await store.keys.list()).map((k) => [k.id, k.active])).toEqual([
      ['k_b', false],
      ['k_c', false],
      ['k_a', true],
    ]);
  });

  it('keeps a handover only if it hands over from the previous key to this one', async () => {
    const { store } = createTestStore();
    await store.keys.install(key('k_1', '2026-05-01T00:00:00.000Z'));
    await store.keys.install(
      key('k_2', '2026-05-02T00:00:00.000Z'),
      handover('FP-k_1', 'FP-other'),
    );
    const good = handover('FP-k_2', 'FP-k_3');
    await store.keys.install(key('k_3', '2026-05-03T00:00:00.000Z'), good);
    const rotated = await store.custody.ofType('key_rotated');
    expect(rotated.map((e) => [e.data.previous, e.data.rotation])).toEqual([
      ['FP-k_1', undefined],
      ['FP-k_2', good],
    ]);
  });
});

describe('ImportsRepo.commit records', () => {
  it('an imported person and case each enter custody as the signer’s, naming the package', async () => {
    const { store } = createTestStore();
    // Records as another archive made them.
    const elsewhere = createTestStore().store;
    const person = await elsewhere.persons.create({ name: 'Aigerim' });
    const legalCase = await elsewhere.cases.create({ title: 'Case', article: '174' });
    await store.imports.commit(commitOf({ persons: [person], cases: [legalCase] }));
    const events = await store.custody.all();
    expect(
      events
        .filter((e) => e.type === 'person_created' || e.type === 'case_created')
        .map((e) => [e.type, e.subject, e.actor, e.data]),
    ).toEqual([
      [
        'person_created',
        { kind: 'person', id: person.id },
        'import:aaaa-bbbb',
        { name: 'Aigerim', packageId: 'pkg1' },
      ],
      [
        'case_created',
        { kind: 'case', id: legalCase.id },
        'import:aaaa-bbbb',
        { title: 'Case', packageId: 'pkg1' },
      ],
    ]);
  });
});
