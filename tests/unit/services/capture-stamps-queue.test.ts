// The stamp queue's bookkeeping (lib/services/capture-stamps.ts) under a clock the test moves:
// the retry schedule, one request per capture and TSA, when a request is due, and when the next
// one is. The TSA is a transport that is offline, so nothing here needs a network.
import { beforeAll, describe, expect, it } from 'vitest';
import { eventHashSync } from '../../../lib/evidence/custody';
import { TransportError, type Transport } from '../../../lib/evidence/timestamp/http';
import {
  enqueueCaptureStamps,
  retryDelayMs,
  runStampQueue,
} from '../../../lib/services/capture-stamps';
import { DalelDb } from '../../../lib/store/db';
import { Store } from '../../../lib/store/store';
import { makeTestPki } from '../../support/tsa/pki';

let counter = 0;
let caPem = '';
beforeAll(() => {
  caPem = makeTestPki().caPem;
});
const MINUTE = 60_000;
const T0 = Date.parse('2026-05-01T10:00:00.000Z');

/** A store whose clock stands still until the test moves it. */
async function queueStore(urls: string[]) {
  let time = T0;
  const store = new Store({
    db: new DalelDb(`stamp-queue-${process.pid}-${++counter}`),
    now: () => new Date(time),
    actor: () => 'TEST-ACTOR',
    hashEvent: eventHashSync,
  });
  await store.settings.set({
    stampCaptures: true,
    timestampAuthorities: urls.map((url) => ({ url, name: url, caPem })),
  });
  return { store, at: (ms: number) => void (time = T0 + ms) };
}

let sent = 0;
const offline: Transport = async () => {
  sent++;
  throw new TransportError('unreachable', 'offline');
};
const ports = { transport: offline };

const capture = (id: string) => ({ id, seal: `sha256:${id.slice(-1).repeat(64)}` });
const iso = (ms: number) => new Date(T0 + ms).toISOString();

describe('retry schedule', () => {
  it('waits 1, 2, 5, 15, 30 minutes, then an hour between every later attempt', () => {
    const minutes = [0, 1, 2, 3, 4, 5, 6, 7, 50].map((n) => retryDelayMs(n) / MINUTE);
    expect(minutes).toEqual([1, 2, 5, 15, 30, 60, 60, 60, 60]);
  });
});

describe('stamp requests', () => {
  it('queues one request per capture and TSA, and a capture sealed again is not queued twice', async () => {
    const { store } = await queueStore(['https://tsa.one/', 'https://tsa.two/']);
    expect(await enqueueCaptureStamps(store, capture('cap_a'))).toBe(2);
    expect(await enqueueCaptureStamps(store, capture('cap_b'))).toBe(2);
    await enqueueCaptureStamps(store, capture('cap_a'));
    const jobs = await store.stampQueue.all();
    expect(jobs.map((j) => [j.captureId, j.url, j.seal])).toEqual([
      ['cap_a', 'https://tsa.one/', capture('cap_a').seal],
      ['cap_a', 'https://tsa.two/', capture('cap_a').seal],
      ['cap_b', 'https://tsa.one/', capture('cap_b').seal],
      ['cap_b', 'https://tsa.two/', capture('cap_b').seal],
    ]);
  });

  it('a request queued now is due now: it is sent at once', async () => {
    const { store } = await queueStore(['https://tsa.one/']);
    await enqueueCaptureStamps(store, capture('cap_a'));
    const before = sent;
    const run = await runStampQueue(store, ports);
    expect(sent).toBe(before + 1);
    expect(run).toEqual({ stamped: 0, failed: 1, pending: 1, nextAt: iso(MINUTE) });
  });

  it('reports when the next request is due: the earliest, not the first queued', async () => {
    const { store, at } = await queueStore(['https://tsa.one/']);
    // cap_a fails twice: its next try is at 0 + 2 minutes.
    await enqueueCaptureStamps(store, capture('cap_a'));
    await runStampQueue(store, ports);
    await runStampQueue(store, ports, { force: true });
    // cap_b, queued later, fails once at 10 s: its next try is at 10 s + 1 minute, sooner.
    at(10_000);
    await enqueueCaptureStamps(store, capture('cap_b'));
    const run = await runStampQueue(store, ports);
    expect(run).toEqual({ stamped: 0, failed: 1, pending: 2, nextAt: iso(10_000 + MINUTE) });
    expect((await store.stampQueue.all()).map((j) => [j.captureId, j.nextAt])).toEqual([
      ['cap_a', iso(2 * MINUTE)],
      ['cap_b', iso(10_000 + MINUTE)],
    ]);
  });

  it('an empty queue has no next request', async () => {
    const { store } = await queueStore(['https://tsa.one/']);
    expect(await runStampQueue(store, ports)).toEqual({
      stamped: 0,
      failed: 0,
      pending: 0,
      nextAt: null,
    });
  });
});
