// The capture stamp queue (stamp-queue-repo.ts) and settings (settings-repo.ts): a request is
// queued once and leaves only with its `timestamped` event; a failure or token for a request no
// longer queued writes nothing; the queue is read oldest first; a stored setting Dalel no longer
// knows is ignored rather than breaking every read.
import { describe, expect, it } from 'vitest';
import { KNOWN_TSAS } from '../../../lib/evidence/timestamp/known-tsas';
import type { StampJobRow } from '../../../lib/store/rows';
import { createTestStore } from './test-store';

const job = (captureId: string, queuedAt: string): StampJobRow => ({
  id: `${captureId} https://tsa.example/`,
  captureId,
  seal: `sha256:${'a'.repeat(64)}`,
  url: 'https://tsa.example/',
  queuedAt,
  attempts: 0,
  nextAt: queuedAt,
  lastError: null,
});

const stamped = (captureId: string) => ({
  type: 'timestamped' as const,
  subject: { kind: 'capture' as const, id: captureId },
  data: { tsa: 'https://tsa.example/' },
});

describe('StampQueueRepo', () => {
  it('queues a request once: a second enqueue keeps the first, with its attempts', async () => {
    const { store } = createTestStore();
    await store.stampQueue.enqueue([job('cap_1', '2026-05-01T10:00:00.000Z')]);
    await store.stampQueue.failed(
      job('cap_1', '').id,
      { code: 'offline', reason: 'no network' },
      '2026-05-01T11:00:00.000Z',
    );
    await store.stampQueue.enqueue([
      job('cap_1', '2026-05-02T10:00:00.000Z'),
      job('cap_2', '2026-05-02T10:00:00.000Z'),
    ]);
    const all = await store.stampQueue.all();
    expect(all.map((j) => [j.captureId, j.attempts, j.queuedAt, j.nextAt])).toEqual([
      ['cap_1', 1, '2026-05-01T10:00:00.000Z', '2026-05-01T11:00:00.000Z'],
      ['cap_2', 0, '2026-05-02T10:00:00.000Z', '2026-05-02T10:00:00.000Z'],
    ]);
    expect(all[0]!.lastError).toEqual({ code: 'offline', reason: 'no network' });
  });

  it('reads the queue oldest first, whatever the ids', async () => {
    const { store } = createTestStore();
    await store.stampQueue.enqueue([
      job('cap_a', '2026-05-03T00:00:00.000Z'),
      job('cap_b', '2026-05-01T00:00:00.000Z'),
      job('cap_c', '2026-05-02T00:00:00.000Z'),
    ]);
    expect((await store.stampQueue.all()).map((j) => j.captureId)).toEqual([
      'cap_b',
      'cap_c',
      'cap_a',
    ]);
  });

  it('a token leaves the queue with its event; for a request no longer queued, nothing is written', async () => {
    const { store, db } = createTestStore();
    const queued = job('cap_1', '2026-05-01T10:00:00.000Z');
    await store.stampQueue.enqueue([queued]);
    await store.stampQueue.complete(queued.id, stamped('cap_1'));
    expect(await store.stampQueue.all()).toEqual([]);
    expect((await store.custody.all()).map((e) => [e.type, e.subject.id])).toEqual([
      ['timestamped', 'cap_1'],
    ]);
    // The same token again (a retry that raced the first), and a failure of it: nothing more.
    await store.stampQueue.complete(queued.id, stamped('cap_1'));
    await store.stampQueue.failed(queued.id, null, '2026-05-01T12:00:00.000Z');
    expect(await db.custody.count()).toBe(1);
    expect(await db.stampQueue.count()).toBe(0);
  });
});

describe('SettingsRepo', () => {
  it('ignores a stored setting it does not know (left by another version)', async () => {
    const { store, db } = createTestStore();
    await store.settings.set({ language: 'kk' });
    await db.settings.put({ key: 'retiredSetting', value: true });
    const settings = await store.settings.all();
    expect(settings.language).toBe('kk');
    expect(settings).not.toHaveProperty('retiredSetting');
  });

  it('refuses the same TSA listed twice, keeping what was stored', async () => {
    const { store } = createTestStore();
    const tsa = {
      url: 'https://tsa.example/',
      name: 'Example TSA',
      caPem: KNOWN_TSAS[0]!.roots[0]!,
    };
    await store.settings.set({ timestampAuthorities: [tsa] });
    await expect(
      store.settings.set({ timestampAuthorities: [tsa, { ...tsa, name: 'Again' }] }),
    ).rejects.toThrow('a TSA is listed twice');
    expect((await store.settings.all()).timestampAuthorities).toEqual([tsa]);
  });
});
