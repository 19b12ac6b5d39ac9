// The time-stamp handlers (lib/background/handlers/timestamps.ts): tsa.test asks a TSA (here the
// test PKI's `openssl ts -reply`, no HTTP) over a random hash and answers whether its token chains
// to the CA given; tsa.queue shows the capture-time queue; tsa.retry forces the worker's run.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { timestampHandlers } from '../../../../lib/background/handlers/timestamps';
import { TransportError, type Transport } from '../../../../lib/evidence/timestamp/http';
import { enqueueCaptureStamps } from '../../../../lib/services/capture-stamps';
import { makeTestPki, openssl, type TestPki } from '../../../support/tsa/pki';
import { createTestStore } from '../../store/test-store';
import { asker, fakeBrowserPorts } from './fakes';

let pki: TestPki;
let other: TestPki;
beforeAll(() => {
  pki = makeTestPki();
  other = makeTestPki();
}, 30_000);

/** The test PKI's TSA answering in process, and the queries it was sent. */
function opensslTsa(queries: Uint8Array[] = []): Transport {
  return async (_url, query) => {
    queries.push(query);
    writeFileSync(path.join(pki.dir, 'h.tsq'), query);
    openssl(
      ['ts', '-reply', '-config', 'tsa.cnf', '-queryfile', 'h.tsq', '-out', 'h.tsr'],
      pki.dir,
    );
    return new Uint8Array(readFileSync(path.join(pki.dir, 'h.tsr')));
  };
}

/** The SHA-256 a query asks to be stamped: the 32 bytes after the algorithm in its imprint. */
function imprintOf(query: Uint8Array): string {
  const oid = Buffer.from('0609608648016503040201', 'hex');
  const at = Buffer.from(query).indexOf(oid);
  const rest = Buffer.from(query).subarray(at + oid.length);
  const start = rest.indexOf(Buffer.from([0x04, 0x20])) + 2;
  return rest.subarray(start, start + 32).toString('hex');
}

function setup(transport: Transport) {
  const { store } = createTestStore();
  const fake = fakeBrowserPorts({ tsaTransport: transport });
  return { store, ...fake, ask: asker(timestampHandlers(store, fake.ports)) };
}

const URL = 'https://tsa.example.org/tsr';

describe('tsa.test', () => {
  it('answers the TSA and its time when the token chains to the CA given', async () => {
    const queries: Uint8Array[] = [];
    const { ask } = setup(opensslTsa(queries));
    const before = Date.now();
    const answer = await ask({ type: 'tsa.test', url: URL, caPem: pki.caPem });
    expect(answer).toMatchObject({ ok: true, tsa: 'Dalel Test TSA' });
    const time = Date.parse((answer as { time: string }).time);
    expect(time).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000);
    expect(time).toBeLessThanOrEqual(Date.now());
    // Each test stamps a fresh random hash: nothing of the archive is sent.
    await ask({ type: 'tsa.test', url: URL, caPem: pki.caPem });
    const [a, b] = queries.map(imprintOf);
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(a).not.toBe(b);
  });

  it('answers untrusted when the token does not chain to the CA given', async () => {
    const { ask } = setup(opensslTsa());
    expect(await ask({ type: 'tsa.test', url: URL, caPem: other.caPem })).toMatchObject({
      ok: false,
      code: 'untrusted',
    });
  });

  it('answers why a TSA gave no token, without throwing', async () => {
    const { ask } = setup(async () => {
      throw new TransportError('timeout', 'no answer within 20 s');
    });
    expect(await ask({ type: 'tsa.test', url: URL, caPem: pki.caPem })).toEqual({
      ok: false,
      code: 'timeout',
      reason: 'no answer within 20 s',
    });
    // TimeStampResp { status { PKIStatus 2 = rejection } }: a TSA that refuses the request.
    const rejection = new Uint8Array([0x30, 0x05, 0x30, 0x03, 0x02, 0x01, 0x02]);
    const { ask: refused } = setup(async () => rejection);
    expect(await refused({ type: 'tsa.test', url: URL, caPem: pki.caPem })).toEqual({
      ok: false,
      code: 'not_granted',
      reason: 'status 2',
    });
  });
});

describe('the capture-time queue', () => {
  it('tsa.queue lists each waiting request by capture and TSA, without the seal', async () => {
    const { store, ask } = setup(opensslTsa());
    expect(await ask({ type: 'tsa.queue' })).toEqual([]);
    await store.settings.set({
      stampCaptures: true,
      timestampAuthorities: [{ url: URL, name: 'Example', caPem: pki.caPem }],
    });
    await enqueueCaptureStamps(store, { id: 'cap_1', seal: `sha256:${'a'.repeat(64)}` });
    const [job] = await store.stampQueue.all();
    expect(await ask({ type: 'tsa.queue' })).toEqual([
      { captureId: 'cap_1', url: URL, attempts: 0, nextAt: job!.nextAt, lastError: null },
    ]);
  });

  it('tsa.retry runs the worker now, also for requests not yet due, and answers its run', async () => {
    const { ask, seen } = setup(opensslTsa());
    expect(await ask({ type: 'tsa.retry' })).toEqual({
      stamped: 1,
      failed: 0,
      pending: 0,
      nextAt: null,
    });
    expect(seen.stampRuns).toEqual([true]);
  });
});
