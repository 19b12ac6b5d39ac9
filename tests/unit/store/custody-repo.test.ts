// The custody log's reads (lib/store/repositories/custody-repo.ts) and the tree it keeps
// (custody-tree-repo.ts): events of a type in order, nothing about no subjects, an empty log's
// checkpoint, a disclosure that stays the snapshot of the head it read while others append, and
// a log written before the tree existed that gets it on its next append (or is refused with a gap).
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { checkpointOf, GENESIS_HASH } from '../../../lib/evidence/custody';
import { EMPTY_ROOT_REF } from '../../../lib/evidence/custody-disclosure';
import { createTestStore } from './test-store';
import { v2Log } from './v2-custody-log';

type TestStore = ReturnType<typeof createTestStore>['store'];

async function note(store: TestStore, id: string, i: number) {
  return store.custody.record({
    type: 'note_added',
    subject: { kind: 'capture', id },
    data: { i },
  });
}

describe('custody log reads', () => {
  it('gives the events of one type in sequence order', async () => {
    const { store } = createTestStore();
    for (let i = 0; i < 6; i++) {
      await note(store, `cap_${i}`, i);
      await store.persons.create({ name: `P${i}` });
    }
    const notes = await store.custody.ofType('note_added');
    expect(notes.map((e) => e.seq)).toEqual([0, 2, 4, 6, 8, 10]);
    expect(notes.map((e) => e.data.i)).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('finds nothing about no subjects', async () => {
    const { store } = createTestStore();
    await note(store, 'cap_1', 0);
    expect(await store.custody.concerning([])).toEqual([]);
    expect((await store.custody.disclose([])).events).toEqual([]);
  });

  it('discloses an empty log as the empty checkpoint', async () => {
    const { store } = createTestStore();
    const { events, checkpoint } = await store.custody.disclose(['cap_1']);
    expect(events).toEqual([]);
    expect(checkpoint).toEqual({ size: 0, head: GENESIS_HASH, root: EMPTY_ROOT_REF });
  });

  it('a disclosure is the snapshot of the head it read: earlier exports are proved, later events and exports left out', async () => {
    const { store } = createTestStore();
    for (let i = 0; i < 3; i++) await note(store, 'cap_1', i);
    await store.custody.record({
      type: 'exported',
      subject: { kind: 'capture', id: 'cap_1' },
      data: { checkpoint: { size: 2 } },
    });
    await note(store, 'cap_1', 4);
    const snapshot = await store.custody.disclose(['cap_1']);
    // The export before the head: its checkpoint is proved consistent with this one.
    expect(snapshot.proof.earlier.map((e) => e.size)).toEqual([2]);
    const head = await store.custody.head();
    // Appended after the head was read: an export of an earlier size, right after the head (the
    // first event left out), and more about cap_1.
    await store.custody.record({
      type: 'exported',
      subject: { kind: 'capture', id: 'cap_1' },
      data: { checkpoint: { size: 3 } },
    });
    await note(store, 'cap_1', 6);
    await note(store, 'cap_1', 7);
    store.custody.head = () => Promise.resolve(head);
    expect(await store.custody.disclose(['cap_1'])).toEqual(snapshot);
    expect(snapshot.checkpoint.size).toBe(5);
    expect(snapshot.events.map((e) => e.seq)).toEqual([0, 1, 2, 3, 4]);
  });
});

describe('custody tree of a log written before it existed', () => {
  it('is built on the next append, without an export first', async () => {
    const name = `v2-append-${process.pid}-${Date.now()}`;
    await v2Log(name, [0, 1, 2, 3, 4, 5, 6]);
    const { db, store } = createTestStore(name);
    expect(await db.custodyTree.count()).toBe(0);
    await note(store, 'cap_1', 7);
    const all = await store.custody.all();
    expect(all).toHaveLength(8);
    // 8 leaves: a full tree of 15 nodes, all written by the append.
    expect(await db.custodyTree.count()).toBe(15);
    expect((await store.custody.disclose([])).checkpoint).toEqual(checkpointOf(all));
    db.close();
  });

  it('is not rebuilt for an error other than a missing node: a malformed event is refused as it is', async () => {
    const name = `v2-bad-${process.pid}-${Date.now()}`;
    const log = await v2Log(name, [0, 1, 2, 3, 4, 5, 6]);
    const { db, store } = createTestStore(name);
    const malformed = { ...log[6]!, seq: 7, hash: 'sha256:not-hex' };
    await expect(store.custody.tree.add(malformed)).rejects.toThrow();
    expect(await db.custodyTree.count()).toBe(0);
    db.close();
  });

  it('with a gap, is refused and names where the gap is', async () => {
    const name = `v2-gap-${process.pid}-${Date.now()}`;
    await v2Log(name, [0, 1, 2, 4, 5]);
    const { db, store } = createTestStore(name);
    await expect(store.custody.disclose([])).rejects.toThrow(
      'custody log has a gap at 3: run the integrity check',
    );
    expect(await db.custodyTree.count()).toBe(0);
    db.close();
  });
});
