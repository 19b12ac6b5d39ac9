import { describe, expect, it } from 'vitest';
import { captureHandlers } from '../../../lib/background/handlers/capture';
import { TabCaptures, type TabCapture } from '../../../lib/background/capture/tab-captures';
import { ARTIFACT_GET_MAX, captureProgressSchema } from '../../../lib/messaging/messages/capture';
import { ProtocolError } from '../../../lib/messaging/router';
import type { Capture } from '../../../lib/model/capture';
import { sampleCapture } from '../store/sample-capture';
import { createTestStore } from '../store/test-store';

function setup(
  run: (tabId: number) => Promise<Capture> = async () => {
    throw new Error('no capture here');
  },
) {
  const { store } = createTestStore();
  const saved: Record<string, TabCapture>[] = [];
  const tabs = new TabCaptures({
    load: async () => saved.at(-1) ?? {},
    save: async (map) => void saved.push(map),
  });
  return {
    store,
    tabs,
    saved,
    h: captureHandlers(store, { runCapture: run, tabCaptureStatus: (id) => tabs.status(id) }),
  };
}

describe('capture handlers', () => {
  it('capture.run answers the id and seal of the sealed capture', async () => {
    const { capture } = sampleCapture('cap_run');
    const { h } = setup(async (tabId) =>
      tabId === 7 ? capture : Promise.reject(new Error('wrong tab')),
    );
    expect(await h['capture.run']({ type: 'capture.run', tabId: 7 })).toEqual({
      id: 'cap_run',
      seal: capture.seal,
    });
  });

  it('capture.ofTab answers the newest capture sealed in the tab and what runs there now', async () => {
    const { store, tabs, saved, h } = setup();
    const ask = (tabId: number) => h['capture.ofTab']({ type: 'capture.ofTab', tabId });
    expect(await ask(3)).toEqual({ latest: null, running: null });
    tabs.progress(3, { stage: 'screenshot', done: 1, total: 6 });
    expect(await ask(3)).toEqual({
      latest: null,
      running: { stage: 'screenshot', done: 1, total: 6 },
    });
    const { capture, artifacts } = sampleCapture('cap_tab');
    await store.captures.seal(capture, artifacts);
    const latest = {
      captureId: capture.id,
      seal: capture.seal,
      url: capture.url,
      sealedAt: capture.sealedAt,
    };
    await tabs.sealed(3, latest);
    expect(await ask(3)).toEqual({ latest, running: null });
    expect(await ask(4), 'another tab has its own').toEqual({ latest: null, running: null });
    expect(saved.at(-1), 'kept in session storage for a worker that sleeps').toEqual({
      '3': latest,
    });
    // A worker that restarted reads it back.
    const again = new TabCaptures({ load: async () => saved.at(-1)!, save: async () => {} });
    expect((await again.status(3)).latest).toEqual(latest);
    await tabs.closed(3);
    expect(await ask(3)).toEqual({ latest: null, running: null });
    // A capture that is no longer in the archive is not offered.
    await tabs.sealed(5, { ...latest, captureId: 'cap_gone' });
    expect((await ask(5)).latest).toBeNull();
  });

  it('capture.get returns the capture with its links and custody events; unknown ids are not_found', async () => {
    const { store, h } = setup();
    const { capture, artifacts } = sampleCapture('cap_a');
    await store.captures.seal(capture, artifacts);
    const person = await store.persons.create({ name: 'Aigerim Example' });
    await store.links.add({
      captureId: 'cap_a',
      personId: person.id,
      caseId: null,
      category: 'ground',
      note: '',
    });
    const got = await h['capture.get']({ type: 'capture.get', id: 'cap_a' });
    expect(got.capture).toEqual(capture);
    expect(got.links.map((l) => l.captureId)).toEqual(['cap_a']);
    expect(got.custody.map((e) => e.type)).toEqual(['captured', 'tagged']);
    expect(got.custody[0]!.data).toMatchObject({ seal: capture.seal });
    await expect(h['capture.get']({ type: 'capture.get', id: 'nope' })).rejects.toMatchObject({
      code: 'not_found',
    });
  });

  it('capture.list is newest first; capture.timeline is oldest first with changes', async () => {
    const { store, h } = setup();
    const first = sampleCapture('cap_1', { sealedAt: '2026-05-01T10:00:00.000Z' });
    const second = sampleCapture('cap_2', {
      sealedAt: '2026-05-02T10:00:00.000Z',
      record: {
        ...first.capture.record,
        post: null,
        kind: 'notice',
        notice: { type: 'suspended', message: 'Account suspended', language: 'en' },
      },
    });
    // The first one shows the account as active via a post by it: no state known, so no change.
    await store.captures.seal(second.capture, second.artifacts);
    await store.captures.seal(first.capture, first.artifacts);
    expect((await h['capture.list']()).map((c) => c.id)).toEqual(['cap_2', 'cap_1']);
    const timeline = await h['capture.timeline']({
      type: 'capture.timeline',
      accountKey: 'instagram:willyrex',
    });
    expect(timeline.map((e) => e.capture.id)).toEqual(['cap_1', 'cap_2']);
    expect(timeline[0]!.changes).toEqual([]);
  });

  it('artifact.get returns the stored bytes as base64, and refuses unknown hashes', async () => {
    const { store, h } = setup();
    const { capture, artifacts } = sampleCapture('cap_b');
    await store.captures.seal(capture, artifacts);
    const ref = capture.artifacts[0]!;
    const got = await h['artifact.get']({ type: 'artifact.get', sha256: ref.sha256 });
    expect(got.mediaType).toBe(ref.mediaType);
    expect(got.size).toBe(ref.size);
    expect(Buffer.from(got.base64, 'base64')).toEqual(
      Buffer.from(await artifacts[0]!.blob.arrayBuffer()),
    );
    const missing = h['artifact.get']({ type: 'artifact.get', sha256: `sha256:${'f'.repeat(64)}` });
    await expect(missing).rejects.toBeInstanceOf(ProtocolError);
    await expect(missing).rejects.toMatchObject({ code: 'not_found' });
    expect(ARTIFACT_GET_MAX).toBe(32 * 1024 * 1024);
  });
});

describe('capture.progress events', () => {
  it('parse strictly', () => {
    const event = { type: 'capture.progress', tabId: 3, stage: 'media', done: 4, total: 6 };
    expect(captureProgressSchema.parse(event)).toEqual(event);
    expect(captureProgressSchema.safeParse({ ...event, extra: 1 }).success).toBe(false);
    expect(captureProgressSchema.safeParse({ ...event, stage: 'nope' }).success).toBe(false);
  });
});
