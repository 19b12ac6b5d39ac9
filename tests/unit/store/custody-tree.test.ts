// The custody log's Merkle tree is kept with the log: every append extends it in the same
// transaction, a log written before schema v3 gets its tree on first use, and an export proves its
// events against the same root a full recomputation from the whole log gives.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { checkpointOf } from '../../../lib/evidence/custody';
import { verifyCustodyProof } from '../../../lib/evidence/custody-disclosure';
import { createTestStore } from './test-store';
import { v2Log } from './v2-custody-log';

async function appendMany(store: ReturnType<typeof createTestStore>['store'], n: number) {
  for (let i = 0; i < n; i++)
    await store.custody.record({
      type: 'note_added',
      subject: { kind: 'capture', id: `cap_${i % 7}` },
      data: { i },
    });
}

describe('custody tree in the store', () => {
  it('after every append, its root is the root of the whole log', async () => {
    const { db, store } = createTestStore();
    for (let n = 1; n <= 37; n++) {
      await appendMany(store, 1);
      const { checkpoint } = await store.custody.disclose([]);
      expect(checkpoint).toEqual(checkpointOf(await store.custody.all()));
    }
    // 37 leaves: 1 + (trailing ones of each index) nodes per append = 2n − popcount(n).
    expect(await db.custodyTree.count()).toBe(2 * 37 - 3);
    db.close();
  });

  it('discloses the events about given subjects with a proof that verifies, reading only part of the tree', async () => {
    const { db, store } = createTestStore();
    await appendMany(store, 200);
    const { events, checkpoint, proof } = await store.custody.disclose(['cap_3']);
    expect(events.map((e) => e.subject.id)).toEqual(Array(events.length).fill('cap_3'));
    expect(events).toHaveLength(29);
    expect(await verifyCustodyProof(events, checkpoint, proof)).toEqual([]);
    expect(proof.nodes.length).toBeLessThanOrEqual(events.length * 8);
    const tampered = events.map((e, i) => (i === 3 ? { ...e, data: { i: -1 } } : e));
    expect(await verifyCustodyProof(tampered, checkpoint, proof)).not.toEqual([]);
    db.close();
  });

  it('L7: a transaction that fails after appending leaves neither the event nor its tree nodes', async () => {
    const { db, store } = createTestStore();
    await appendMany(store, 3);
    const nodes = await db.custodyTree.count();
    await expect(
      db.transaction('rw', db.custodyLog, async () => {
        await store.custody.append({
          type: 'note_added',
          subject: { kind: 'case', id: 'c' },
          data: {},
        });
        throw new Error('disk full');
      }),
    ).rejects.toThrow('disk full');
    expect(await store.custody.count()).toBe(3);
    expect(await db.custodyTree.count()).toBe(nodes);
    db.close();
  });

  it('a log written under schema v2 gets its tree on the next export and append', async () => {
    const name = `v2-log-${Date.now()}`;
    const log = await v2Log(
      name,
      Array.from({ length: 11 }, (_, seq) => seq),
    );

    const { db, store } = createTestStore(name);
    expect(await db.custodyTree.count()).toBe(0);
    const disclosed = await store.custody.disclose(['cap_1']);
    expect(disclosed.checkpoint).toEqual(checkpointOf(log));
    expect(
      await verifyCustodyProof(disclosed.events, disclosed.checkpoint, disclosed.proof),
    ).toEqual([]);
    await appendMany(store, 1);
    expect((await store.custody.disclose([])).checkpoint).toEqual(
      checkpointOf(await store.custody.all()),
    );
    db.close();
  });
});
