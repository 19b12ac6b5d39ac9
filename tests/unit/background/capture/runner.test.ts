// The capture runner in Node (issue 19): createCaptureRunner over injected RunnerPorts, driving the
// real pipeline with the capture fakes of pipeline.test.ts and a real (fake-indexeddb) store. What
// the monitor sees of a capture outside the popup: the toolbar badge (… ✓ ✓! !) with its tooltip,
// the progress events extension pages show, one capture per tab at a time, and errors answered
// in the protocol's terms.
import { describe, expect, it } from 'vitest';
import { STAGES } from '../../../../lib/background/capture/pipeline';
import { createCaptureRunner } from '../../../../lib/background/capture/runner';
import { TabCaptures, type TabCapture } from '../../../../lib/background/capture/tab-captures';
import { english } from '../../../../lib/i18n/english';
import { failedProgress } from '../../../../lib/messaging/messages/capture';
import { ProtocolError } from '../../../../lib/messaging/router';
import type { Capture } from '../../../../lib/model/capture';
import type { Store } from '../../../../lib/store/store';
import { StoreFullError } from '../../../../lib/store/storage-full';
import { createTestStore } from '../../store/test-store';
import { POST_URL } from './fake-capture-ports';
import { fakeRunnerPorts } from './fake-runner-ports';

const TOTAL = STAGES.length;
const WORKING = { text: '…', color: '#666666' };

function setup() {
  const fake = fakeRunnerPorts();
  const { db, store } = createTestStore();
  /** Every map the tab captures saved (the popup's "newest capture in this tab"). */
  const saved: Record<string, TabCapture>[] = [];
  const tabs = new TabCaptures({
    load: async () => ({}),
    save: async (map) => void saved.push(map),
  });
  const sealed: Capture[] = [];
  const ctx = { openStore: async (): Promise<Store> => store };
  const run = createCaptureRunner(
    () => ctx.openStore(),
    '9.9.9',
    fake.ports,
    tabs,
    (capture) => sealed.push(capture),
  );
  return { fake, db, store, tabs, saved, sealed, ctx, run };
}

/** The English catalog's failure message, as ProtocolError.of words it. */
const failMessage = (key: string, ...params: string[]) => english(key, ...params);

describe('a capture that succeeds', () => {
  it('badges … then a green ✓ with the page, and forgets the last failure', async () => {
    const { fake, run } = setup();
    const capture = await run(1);
    expect(capture.url).toBe(POST_URL);
    expect(fake.badges).toEqual([
      { tabId: 1, ...WORKING },
      { tabId: 1, text: '✓', color: '#1a7f37', title: `Dalel: captured ${POST_URL}` },
    ]);
    expect(fake.forgotten).toBe(1);
  });

  it('broadcasts every stage in order, counted, then done', async () => {
    const { fake, run } = setup();
    await run(3);
    expect(fake.events).toEqual([
      ...STAGES.map((stage, done) => ({
        type: 'capture.progress',
        tabId: 3,
        stage,
        done,
        total: TOTAL,
      })),
      { type: 'capture.progress', tabId: 3, stage: 'done', done: TOTAL, total: TOTAL },
    ]);
  });

  it('tells onSealed and the tab captures of the sealed capture', async () => {
    const { run, sealed, saved, tabs, store } = setup();
    const capture = await run(1);
    expect(sealed).toEqual([capture]);
    expect(sealed[0]).toBe(capture);
    expect(await store.captures.get(capture.id)).toEqual(capture);
    const entry = {
      captureId: capture.id,
      seal: capture.seal,
      url: POST_URL,
      sealedAt: capture.sealedAt,
    };
    expect(saved).toEqual([{ '1': entry }]);
    expect(await tabs.status(1)).toEqual({ latest: entry, running: null });
  });

  it('a warning of the English catalog makes the badge an amber ✓! with the warning', async () => {
    const { fake, run } = setup();
    const real = fake.capture.ports.tabs.send;
    fake.capture.ports.tabs.send = async (tabId, message) => {
      const answer = await real(tabId, message);
      return message.type === 'cs.collect'
        ? { ...(answer as object), videos: { total: 1, streamed: 0 } }
        : answer;
    };
    const capture = await run(1);
    // The extractor's own note is not one of the catalog's warnings: it is not on the badge.
    expect(capture.warnings).toEqual([
      expect.stringMatching(/^extractor: /),
      english('warn_video_not_saved'),
    ]);
    expect(fake.badges).toEqual([
      { tabId: 1, ...WORKING },
      {
        tabId: 1,
        text: '✓!',
        color: '#a15c00',
        title: `Dalel: ${english('warn_video_not_saved')}`,
      },
    ]);
    expect(fake.forgotten).toBe(1);
  });
});

describe('a capture that fails', () => {
  it('badges a red ! with the message, broadcasts the failing step and keeps the last failure', async () => {
    const { fake, run, sealed, saved, tabs } = setup();
    fake.capture.fail.captureVisible = new Error('Tabs cannot be edited right now');
    const error = await run(1).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProtocolError);
    expect(fake.badges).toEqual([
      { tabId: 1, ...WORKING },
      {
        tabId: 1,
        text: '!',
        color: '#b3261e',
        title: 'Dalel: capture failed — Tabs cannot be edited right now',
      },
    ]);
    expect(fake.events).toEqual([
      { type: 'capture.progress', tabId: 1, stage: 'settle', done: 0, total: TOTAL },
      { type: 'capture.progress', tabId: 1, stage: 'page', done: 1, total: TOTAL },
      { type: 'capture.progress', tabId: 1, stage: 'screenshot', done: 2, total: TOTAL },
      {
        type: 'capture.progress',
        tabId: 1,
        stage: 'failed',
        done: 2,
        total: TOTAL,
        failedAt: 'screenshot',
      },
    ]);
    expect(fake.events.at(-1)).toEqual(failedProgress(1, 'screenshot'));
    expect(fake.forgotten).toBe(0);
    expect(sealed).toEqual([]);
    expect(saved).toEqual([]);
    expect(await tabs.status(1)).toEqual({ latest: null, running: null });
  });

  it('failing before any step, the failed progress names none', async () => {
    const { fake, ctx, run } = setup();
    ctx.openStore = () => Promise.reject(new Error('IndexedDB is gone'));
    await expect(run(1)).rejects.toBeInstanceOf(ProtocolError);
    expect(fake.events).toEqual([
      { type: 'capture.progress', tabId: 1, stage: 'failed', done: 0, total: TOTAL },
    ]);
    expect(fake.badges.at(-1)).toEqual({
      tabId: 1,
      text: '!',
      color: '#b3261e',
      title: 'Dalel: capture failed — IndexedDB is gone',
    });
  });

  it('the same tab can be captured again after a failure', async () => {
    const { fake, run } = setup();
    fake.capture.fail.captureVisible = new Error('Tabs cannot be edited right now');
    await expect(run(1)).rejects.toBeInstanceOf(ProtocolError);
    delete fake.capture.fail.captureVisible;
    const capture = await run(1);
    expect(capture.url).toBe(POST_URL);
    expect(fake.badges.map((b) => b.text)).toEqual(['…', '!', '…', '✓']);
    expect(fake.forgotten).toBe(1);
  });
});

describe('one capture per tab at a time', () => {
  it('a second run on a tab while one runs is refused; another tab is not', async () => {
    const { fake, ctx, store, run } = setup();
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    ctx.openStore = async () => {
      await gate;
      return store;
    };
    const first = run(1);
    const again = await run(1).catch((e: unknown) => e);
    expect(again).toBeInstanceOf(ProtocolError);
    expect((again as ProtocolError).code).toBe('failed');
    expect((again as ProtocolError).reason).toEqual({ key: 'fail_already_running', params: [] });
    expect((again as ProtocolError).message).toBe(failMessage('fail_already_running'));
    const other = run(2);
    open();
    const [a, b] = await Promise.all([first, other]);
    expect(a.id).not.toBe(b.id);
    // The refused run touched neither the badge nor the progress.
    expect(fake.badges.filter((x) => x.tabId === 1).map((x) => x.text)).toEqual(['…', '✓']);
    expect(fake.badges.filter((x) => x.tabId === 2).map((x) => x.text)).toEqual(['…', '✓']);
    expect(fake.events.filter((e) => e.stage === 'failed')).toEqual([]);
    // Finished: the tab is free again.
    await expect(run(1)).resolves.toMatchObject({ url: POST_URL });
  });
});

describe('the error a failed capture answers', () => {
  it('a full store passes through as StoreFullError', async () => {
    const { fake, db, run } = setup();
    db.captures.hook('creating', () => {
      throw Object.assign(new Error('Failed to write blobs (IOError)'), { name: 'DataError' });
    });
    const error = await run(1).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreFullError);
    expect(error).not.toBeInstanceOf(ProtocolError);
    expect(fake.events.at(-1)).toEqual(failedProgress(1, 'seal'));
    expect(fake.badges.at(-1)).toEqual({
      tabId: 1,
      text: '!',
      color: '#b3261e',
      title: `Dalel: capture failed — ${failMessage('fail_storage_full')}`,
    });
  });

  it('a ProtocolError passes through as it is', async () => {
    const { ctx, run } = setup();
    const locked = new ProtocolError('locked', 'The archive is locked.');
    ctx.openStore = () => Promise.reject(locked);
    await expect(run(1)).rejects.toBe(locked);
  });

  it('an error with a reason becomes a ProtocolError with that reason and its message', async () => {
    const { fake, run } = setup();
    fake.capture.tab.closed = true;
    const error = (await run(1).catch((e: unknown) => e)) as ProtocolError;
    expect(error).toBeInstanceOf(ProtocolError);
    expect(error.code).toBe('failed');
    expect(error.message).toBe(failMessage('fail_tab_closed'));
    expect(error.reason).toEqual({ key: 'fail_tab_closed', params: [] });
    expect(fake.events.at(-1)).toEqual(failedProgress(1, 'settle'));
  });

  it('a reason of any error class counts, its params as strings', async () => {
    const { ctx, run } = setup();
    ctx.openStore = () =>
      Promise.reject(
        Object.assign(new Error('odd failure'), { reason: { key: 'fail_navigated', params: [3] } }),
      );
    const error = (await run(1).catch((e: unknown) => e)) as ProtocolError;
    expect(error).toBeInstanceOf(ProtocolError);
    expect(error.code).toBe('failed');
    expect(error.message).toBe('odd failure');
    expect(error.reason).toEqual({ key: 'fail_navigated', params: ['3'] });
  });

  it('anything else is fail_unexpected with the message', async () => {
    const { fake, run } = setup();
    fake.capture.fail.captureVisible = new Error('Tabs cannot be edited right now');
    const error = (await run(1).catch((e: unknown) => e)) as ProtocolError;
    expect(error).toBeInstanceOf(ProtocolError);
    expect(error.code).toBe('failed');
    expect(error.reason).toEqual({
      key: 'fail_unexpected',
      params: ['Tabs cannot be edited right now'],
    });
    expect(error.message).toBe(failMessage('fail_unexpected', 'Tabs cannot be edited right now'));
    // A thrown non-Error is worded too.
    const other = setup();
    other.ctx.openStore = () => Promise.reject('just a string');
    const second = (await other.run(1).catch((e: unknown) => e)) as ProtocolError;
    expect(second.reason).toEqual({ key: 'fail_unexpected', params: ['just a string'] });
    expect(other.fake.badges.at(-1)?.title).toBe('Dalel: capture failed — just a string');
  });
});
