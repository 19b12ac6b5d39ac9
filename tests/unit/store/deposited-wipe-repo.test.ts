// The partial panic wipe's transaction (lib/store/repositories/deposited-wipe-repo.ts): the
// captures held in the locker go with their list rows, their tags and the bytes no remaining
// capture uses; each gets one `deleted` event (its seal, where the locker holds it) on the chain;
// persons, cases and every other capture stay; ids that are not stored are skipped.
import { describe, expect, it } from 'vitest';
import { checkIntegrity } from '../../../lib/store/integrity';
import { DepositedWipeRepo } from '../../../lib/store/repositories/deposited-wipe-repo';
import { sampleCapture } from './sample-capture';
import { createTestStore } from './test-store';

/** cap_1, cap_2 and cap_3, where cap_3 shares cap_2's screenshot; tags on each. */
async function seeded() {
  const s = createTestStore();
  const one = sampleCapture('cap_1');
  const two = sampleCapture('cap_2');
  const three = sampleCapture('cap_3');
  const shared = two.capture.artifacts[1]!;
  await s.store.captures.seal(one.capture, one.artifacts);
  await s.store.captures.seal(two.capture, two.artifacts);
  await s.store.captures.seal(
    { ...three.capture, artifacts: [three.capture.artifacts[0]!, shared] },
    [three.artifacts[0]!, two.artifacts[1]!],
  );
  const person = await s.store.persons.create({ name: 'Aigerim' });
  const legalCase = await s.store.cases.create({ title: 'Case' });
  const tag = (captureId: string, caseId: string | null) =>
    s.store.links.add({ captureId, personId: person.id, caseId, category: 'ground' });
  const links = {
    one: [await tag('cap_1', null), await tag('cap_1', legalCase.id)],
    two: [await tag('cap_2', null)],
    three: [await tag('cap_3', null)],
  };
  await s.store.listings.all();
  return { ...s, one, two, three, person, legalCase, links };
}

describe('DepositedWipeRepo.remove', () => {
  it('removes the held captures, their list rows, tags and unshared bytes, with one event each', async () => {
    const { store, db, one, two, three, person, legalCase, links } = await seeded();
    const before = await store.custody.all();
    const removed = await new DepositedWipeRepo(store.ctx).remove(
      new Map([
        ['cap_1', ['locker/a.zip']],
        ['cap_2', ['locker/b.zip', 'locker/b2.zip']],
        ['cap_gone', ['locker/x.zip']],
      ]),
    );
    // cap_2's screenshot stays: cap_3 still uses it.
    expect(removed).toEqual({ captures: 2, artifacts: 3, links: 3 });
    expect(await db.captures.toCollection().primaryKeys()).toEqual(['cap_3']);
    expect(await db.listings.toCollection().primaryKeys()).toEqual(['cap_3']);
    expect((await db.links.toArray()).map((l) => l.id)).toEqual(links.three.map((l) => l.id));
    expect((await db.artifacts.toCollection().primaryKeys()).sort()).toEqual(
      three.capture.artifacts
        .slice(0, 1)
        .map((a) => a.sha256)
        .concat(two.capture.artifacts[1]!.sha256)
        .sort(),
    );
    expect(await store.persons.get(person.id)).toBeDefined();
    expect(await store.cases.get(legalCase.id)).toBeDefined();
    const added = (await store.custody.all()).slice(before.length);
    expect(added.map((e) => [e.seq, e.type, e.subject, e.data])).toEqual([
      [
        before.length,
        'deleted',
        { kind: 'capture', id: 'cap_1' },
        { reason: 'in_locker', seal: one.capture.seal, locker: ['locker/a.zip'] },
      ],
      [
        before.length + 1,
        'deleted',
        { kind: 'capture', id: 'cap_2' },
        {
          reason: 'in_locker',
          seal: two.capture.seal,
          locker: ['locker/b.zip', 'locker/b2.zip'],
        },
      ],
    ]);
    // Chained on the log; what is left has no artifact missing and no link dangling.
    expect(added[0]!.prevHash).toBe(before.at(-1)!.hash);
    expect(added[1]!.prevHash).toBe(added[0]!.hash);
    const kinds = (await checkIntegrity(store, true)).damage.map((d) => d.kind);
    expect(kinds.filter((k) => k !== 'capture_seal_mismatch')).toEqual([]);
  });

  it('with nothing stored to remove, removes nothing and records nothing', async () => {
    const { store, db } = await seeded();
    const count = { custody: await db.custody.count(), artifacts: await db.artifacts.count() };
    expect(
      await new DepositedWipeRepo(store.ctx).remove(new Map([['cap_gone', ['locker/x.zip']]])),
    ).toEqual({ captures: 0, artifacts: 0, links: 0 });
    expect(await db.captures.count()).toBe(3);
    expect(await db.links.count()).toBe(4);
    expect(await db.listings.count()).toBe(3);
    expect(await db.artifacts.count()).toBe(count.artifacts);
    expect(await db.custody.count()).toBe(count.custody);
  });

  it('a failure part way writes nothing: the captures, bytes and log stay as they were', async () => {
    const { store, db } = await seeded();
    const before = {
      captures: await db.captures.toArray(),
      artifacts: await db.artifacts.count(),
      links: await db.links.count(),
      listings: await db.listings.count(),
      custody: await db.custody.count(),
    };
    const append = store.ctx.db.custody.add.bind(store.ctx.db.custody);
    let calls = 0;
    // The second `deleted` event fails to write (a full disk).
    store.ctx.db.custody.add = ((...args: Parameters<typeof append>) =>
      ++calls === 2 ? Promise.reject(new Error('disk full')) : append(...args)) as typeof append;
    await expect(
      new DepositedWipeRepo(store.ctx).remove(
        new Map([
          ['cap_1', ['a']],
          ['cap_2', ['b']],
        ]),
      ),
    ).rejects.toThrow('disk full');
    store.ctx.db.custody.add = append;
    expect({
      captures: await db.captures.toArray(),
      artifacts: await db.artifacts.count(),
      links: await db.links.count(),
      listings: await db.listings.count(),
      custody: await db.custody.count(),
    }).toEqual(before);
  });
});
