// integrity.md D5: a database the browser deleted, rolled back or replaced looks healthy from the
// inside; the witness kept outside IndexedDB catches it.
import { describe, expect, it } from 'vitest';
import { WitnessKeeper } from '../../../lib/background/witness-keeper';
import { parseWitness, witnessDamage } from '../../../lib/integrity/witness';
import type { Store } from '../../../lib/store/store';
import { createTestStore } from '../store/test-store';
import { witnessPort as memoryPort } from './handlers/fakes';

async function addPersons(store: Store, n: number): Promise<void> {
  for (let i = 0; i < n; i++) await store.persons.create({ name: `Person ${i}` });
}

describe('custody witness', () => {
  it('a first check records the log; writes move it on; a healthy store reports nothing', async () => {
    const { store } = createTestStore();
    const port = memoryPort();
    const keeper = new WitnessKeeper(store, port);
    await addPersons(store, 3);
    expect(await keeper.check()).toEqual([]);
    expect(parseWitness(port.value)).toMatchObject({ size: 3 });
    await addPersons(store, 2);
    await keeper.advance();
    const head = await store.custody.head();
    expect(parseWitness(port.value)).toMatchObject({ size: 5, head: head!.hash });
    expect(await new WitnessKeeper(store, port).check()).toEqual([]);
  });

  it('a wiped store (the browser deleted the database) is reported as lost, with what was seen', async () => {
    const port = memoryPort();
    const before = createTestStore();
    await addPersons(before.store, 4);
    await new WitnessKeeper(before.store, port).check();
    const seen = parseWitness(port.value)!;

    const after = createTestStore(); // fresh and empty: what the browser leaves after deleting it
    await addPersons(after.store, 1); // e.g. the new signing key's event
    const damage = await new WitnessKeeper(after.store, port).check();
    expect(damage).toEqual([
      expect.objectContaining({
        kind: 'archive_lost',
        witnessed: { events: 4, at: seen.at, found: 1 },
      }),
    ]);
    // It stays reported: later writes do not move the witness over the loss.
    await addPersons(after.store, 5);
    await new WitnessKeeper(after.store, port).advance();
    expect(parseWitness(port.value)).toEqual(seen);
    expect(await new WitnessKeeper(after.store, port).check()).toEqual([
      expect.objectContaining({ kind: 'archive_replaced' }),
    ]);
  });

  it('acknowledging records the loss in the custody log and starts the witness again', async () => {
    const port = memoryPort();
    const before = createTestStore();
    await addPersons(before.store, 3);
    const keeperBefore = new WitnessKeeper(before.store, port);
    await keeperBefore.check();
    expect(await keeperBefore.acknowledge()).toEqual({ acknowledged: false }); // nothing lost

    const after = createTestStore();
    await addPersons(after.store, 1);
    const keeper = new WitnessKeeper(after.store, port);
    expect(await keeper.acknowledge()).toEqual({ acknowledged: true });
    const event = await after.store.custody.head();
    expect(event).toMatchObject({
      type: 'loss_acknowledged',
      subject: { kind: 'store', id: 'custody' },
      data: { witnessed: { size: 3 }, found: { size: 1 }, kind: 'archive_lost' },
    });
    expect(await new WitnessKeeper(after.store, port).check()).toEqual([]);
  });

  it('forget (panic wipe) leaves no trace that an archive existed', async () => {
    const { store } = createTestStore();
    const port = memoryPort();
    const keeper = new WitnessKeeper(store, port);
    await addPersons(store, 2);
    await keeper.check();
    await keeper.forget();
    expect(port.value).toBeNull();
  });

  it('an unreadable witness is ignored, not trusted and not a crash', async () => {
    expect(parseWitness({ size: -1, head: 'x', at: 'never' })).toBeNull();
    expect(parseWitness('garbage')).toBeNull();
    const { store } = createTestStore();
    await addPersons(store, 1);
    const port = memoryPort();
    port.value = { size: 99, head: 'sha256:zz', at: 'yesterday' };
    expect(await new WitnessKeeper(store, port).check()).toEqual([]);
    expect(parseWitness(port.value)).toMatchObject({ size: 1 });
  });

  it('witnessDamage: shorter → lost; same length, other head → replaced; extended → fine', async () => {
    const w = { size: 3, head: `sha256:${'a'.repeat(64)}`, at: '2026-05-01T10:00:00.000Z' };
    const hashes = (h: string) => async (seq: number) => (seq === 2 ? h : undefined);
    expect(await witnessDamage(w, 2, hashes(w.head))).toMatchObject([{ kind: 'archive_lost' }]);
    expect(await witnessDamage(w, 3, hashes(`sha256:${'b'.repeat(64)}`))).toMatchObject([
      { kind: 'archive_replaced', id: '2' },
    ]);
    expect(await witnessDamage(w, 3, hashes(w.head))).toEqual([]);
    expect(await witnessDamage(w, 10, hashes(w.head))).toEqual([]);
    expect(await witnessDamage(null, 0, hashes(w.head))).toEqual([]);
  });
});
