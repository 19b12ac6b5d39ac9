import { describe, expect, it } from 'vitest';
import { DalelDb } from '../../../lib/store/db';
import { Store } from '../../../lib/store/store';
import { sampleCapture } from './sample-capture';
import { createTestStore, testHashEvent } from './test-store';

describe('captures', () => {
  it('seals a capture with its artifacts and one custody event', async () => {
    const { store } = createTestStore();
    const { capture, artifacts } = sampleCapture('cap_1');
    await store.captures.seal(capture, artifacts);
    expect(await store.captures.get('cap_1')).toEqual(capture);
    for (const ref of capture.artifacts) {
      const blob = await store.artifacts.blob(ref.sha256);
      expect(blob.size).toBe(ref.size);
    }
    const [event] = await store.custody.all();
    expect(event).toMatchObject({ type: 'captured', subject: { kind: 'capture', id: 'cap_1' } });
    expect(event!.data).toMatchObject({ seal: capture.seal });
  });

  it('never rewrites a sealed capture', async () => {
    const { store } = createTestStore();
    const { capture, artifacts } = sampleCapture('cap_1');
    await store.captures.seal(capture, artifacts);
    await expect(
      store.captures.seal({ ...capture, warnings: ['changed'] }, artifacts),
    ).rejects.toThrow(/already sealed/);
    expect((await store.captures.get('cap_1'))?.warnings).toEqual([]);
    expect(await store.custody.count()).toBe(1);
  });

  it('writes nothing when the custody event cannot be written', async () => {
    const db = new DalelDb(`atomic-${Date.now()}`);
    let calls = 0;
    const store = new Store({
      db,
      now: () => new Date(),
      actor: () => 'A',
      hashEvent: (e) => {
        if (++calls > 0) throw new Error('hash failure');
        return testHashEvent(e);
      },
    });
    const { capture, artifacts } = sampleCapture('cap_x');
    await expect(store.captures.seal(capture, artifacts)).rejects.toThrow('hash failure');
    expect(await db.captures.count()).toBe(0);
    expect(await db.artifacts.count()).toBe(0);
    expect(await db.custody.count()).toBe(0);
  });

  it('refuses artifacts whose bytes do not match the recorded size', async () => {
    const { store, db } = createTestStore();
    const { capture, artifacts } = sampleCapture('cap_2');
    artifacts[0] = { ...artifacts[0]!, blob: new Blob(['different length']) };
    await expect(store.captures.seal(capture, artifacts)).rejects.toThrow(/page.html/);
    expect(await db.captures.count()).toBe(0);
  });

  it('groups captures of one account into a timeline, oldest first', async () => {
    const { store } = createTestStore();
    const later = sampleCapture('cap_b', { sealedAt: '2026-06-01T00:00:00.000Z' });
    const earlier = sampleCapture('cap_a', { sealedAt: '2026-05-01T00:00:00.000Z' });
    await store.captures.seal(later.capture, later.artifacts);
    await store.captures.seal(earlier.capture, earlier.artifacts);
    const timeline = await store.captures.byAccount('instagram:willyrex');
    expect(timeline.map((c) => c.id)).toEqual(['cap_a', 'cap_b']);
  });
});

describe('links', () => {
  it('tags and untags a capture without touching it, each with a custody event', async () => {
    const { store } = createTestStore();
    const { capture, artifacts } = sampleCapture('cap_1');
    await store.captures.seal(capture, artifacts);
    const person = await store.persons.create({ name: 'Aigerim Sadykova' });
    const legalCase = await store.cases.create({ title: 'Case 1', article: 'Art. 405' });
    const link = await store.links.add({
      captureId: capture.id,
      personId: person.id,
      caseId: legalCase.id,
      category: 'ground',
      note: 'status cited as ground 1',
    });
    expect(await store.links.forCase(legalCase.id)).toEqual([link]);
    expect(await store.links.forPerson(person.id)).toEqual([link]);
    await store.links.remove(link.id);
    expect(await store.links.forCapture(capture.id)).toEqual([]);
    expect(await store.captures.get(capture.id)).toEqual(capture);
    const types = (await store.custody.all()).map((e) => e.type);
    expect(types).toEqual(['captured', 'person_created', 'case_created', 'tagged', 'untagged']);
  });

  it('refuses a tag to a capture, person or case that does not exist', async () => {
    const { store } = createTestStore();
    await expect(
      store.links.add({ captureId: 'nope', personId: null, caseId: 'x', category: 'other' }),
    ).rejects.toThrow(/no capture/);
    const { capture, artifacts } = sampleCapture('cap_1');
    await store.captures.seal(capture, artifacts);
    await expect(
      store.links.add({
        captureId: 'cap_1',
        personId: 'per_missing',
        caseId: null,
        category: 'other',
      }),
    ).rejects.toThrow(/no person/);
    expect(await store.links.all()).toEqual([]);
    expect(await store.custody.count()).toBe(1);
  });
});
