// Capture-time stamping over the real store (fake-indexeddb) and a real TSA: queued when sealed,
// retried while the TSA is down, stored as a custody event (the capture untouched), exported as
// a signed file beside the capture, and verified.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromBase64, fromHex } from '../../../lib/evidence/hex';
import { writePackage } from '../../../lib/evidence/package-writer';
import { captureSeal } from '../../../lib/evidence/seal';
import { generateSigningKey } from '../../../lib/evidence/signing';
import { TIMESTAMPS } from '../../../lib/evidence/timestamp/annex';
import { httpTransport } from '../../../lib/evidence/timestamp/http';
import { verifyToken } from '../../../lib/evidence/timestamp/verify-token';
import { parseCertificate, pemCertificates } from '../../../lib/evidence/timestamp/x509';
import { verifyPackage } from '../../../lib/evidence/verify';
import { bytesSource } from '../../../lib/evidence/zip/source';
import { enqueueCaptureStamps, runStampQueue } from '../../../lib/services/capture-stamps';
import { buildPackageInput } from '../../../lib/services/export-input';
import { importPackage } from '../../../lib/services/import-package';
import { stampStatement } from '../../../lib/evidence/timestamp/stamp-statement';
import { sampleCapture } from '../store/sample-capture';
import { createTestStore } from '../store/test-store';
import { makeTestPki, type TestPki } from '../../support/tsa/pki';
import { startTestTsa, type TestTsa } from '../../support/tsa/server';

let pki: TestPki;
let tsa: TestTsa;
beforeAll(async () => {
  pki = makeTestPki();
  tsa = await startTestTsa(pki);
}, 30_000);
afterAll(() => tsa.close());

const ports = () => ({ transport: httpTransport(5_000) });

/** `actor`: who the custody log says captured (the signing key's fingerprint, as in the extension). */
async function storeWithCapture(stampCaptures: boolean, actor?: string) {
  const { store } = createTestStore(undefined, actor);
  await store.settings.set({
    stampCaptures,
    timestampAuthorities: [{ url: tsa.url, name: 'Test TSA', caPem: pki.caPem }],
  });
  const { capture, artifacts } = sampleCapture('cap_t', { url: 'https://www.instagram.com/p/T/' });
  const sealed = { ...capture, seal: await captureSeal(capture) };
  await store.captures.seal(sealed, artifacts);
  return { store, capture: sealed };
}

describe('capture-time stamping', () => {
  it('off by default / when off: nothing is queued or sent', async () => {
    const { store, capture } = await storeWithCapture(false);
    const before = tsa.requests;
    expect(await enqueueCaptureStamps(store, capture)).toBe(0);
    expect(await runStampQueue(store, ports())).toMatchObject({ stamped: 0, pending: 0 });
    expect(tsa.requests).toBe(before);
  });

  it('stamps the seal: a timestamped custody event with a token over it; the capture untouched', async () => {
    const { store, capture } = await storeWithCapture(true);
    expect(await enqueueCaptureStamps(store, capture)).toBe(1);
    expect(await runStampQueue(store, ports())).toMatchObject({
      stamped: 1,
      failed: 0,
      pending: 0,
    });
    const events = await store.custody.ofType('timestamped');
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      subject: { kind: 'capture', id: capture.id },
      data: { seal: capture.seal, tsa: tsa.url, tsaName: 'Dalel Test TSA' },
    });
    const token = fromBase64(events[0]!.data.token as string);
    const anchors = pemCertificates(pki.caPem).map(parseCertificate);
    const result = await verifyToken(
      token,
      { sha256: fromHex(capture.seal.slice(7)), name: 'seal' },
      anchors,
    );
    expect(result.status).toBe('trusted');
    expect(await store.captures.get(capture.id)).toEqual(capture);
  });

  it('TSA down: the request waits with a growing delay and is retried; then the token comes', async () => {
    const { store, capture } = await storeWithCapture(true);
    await enqueueCaptureStamps(store, capture);
    tsa.down = true;
    try {
      const first = await runStampQueue(store, ports());
      expect(first).toMatchObject({ stamped: 0, failed: 1, pending: 1 });
      const [job] = await store.stampQueue.all();
      expect(job).toMatchObject({ attempts: 1, lastError: { code: 'http_status' } });
      expect(Date.parse(job!.nextAt)).toBeGreaterThan(Date.parse((await store.custody.head())!.at));
      // Not due yet: nothing is sent.
      const sent = tsa.requests;
      expect(await runStampQueue(store, ports())).toMatchObject({ failed: 0, pending: 1 });
      expect(tsa.requests).toBe(sent);
      // Forced while still down: second failure, longer wait.
      await runStampQueue(store, ports(), { force: true });
      const [again] = await store.stampQueue.all();
      expect(again!.attempts).toBe(2);
      expect(Date.parse(again!.nextAt) - Date.parse(job!.nextAt)).toBeGreaterThan(60_000);
    } finally {
      tsa.down = false;
    }
    expect(await runStampQueue(store, ports(), { force: true })).toMatchObject({
      stamped: 1,
      pending: 0,
    });
    expect(await store.custody.ofType('timestamped')).toHaveLength(1);
  });

  it('a TSA removed from the settings, or capture stamping turned off, drops its requests', async () => {
    const { store, capture } = await storeWithCapture(true);
    await enqueueCaptureStamps(store, capture);
    await store.settings.set({ stampCaptures: false });
    expect(await runStampQueue(store, ports())).toMatchObject({ pending: 0, stamped: 0 });
    expect(await store.custody.ofType('timestamped')).toHaveLength(0);
  });

  it('the export carries the token as a signed file beside the capture; it verifies', async () => {
    const signer = await generateSigningKey();
    const { store, capture } = await storeWithCapture(true, signer.fingerprint);
    await enqueueCaptureStamps(store, capture);
    await runStampQueue(store, ports());
    const input = await buildPackageInput(
      store,
      { kind: 'selection', ids: [capture.id] },
      { signer, tool: { name: 'dalel', version: 'test' }, now: new Date() },
    );
    expect(input.captureTimestamps?.get(capture.id)).toHaveLength(1);
    const chunks: Uint8Array[] = [];
    await writePackage(input, async (c) => void chunks.push(c.slice()));
    const zip = new Uint8Array(Buffer.concat(chunks));
    const report = await verifyPackage(bytesSource(zip), {
      pinnedKey: signer.fingerprint,
      tsaAnchors: pemCertificates(pki.caPem).map(parseCertificate),
    });
    expect(report.verdict, JSON.stringify(report.failures)).toBe('valid');
    expect(report.timestamps!.tokens).toEqual([
      expect.objectContaining({ file: TIMESTAMPS.captureToken(capture.id, 1), status: 'trusted' }),
    ]);
    expect(report.timestamps!.captures[capture.id]).toBeDefined();
  });

  it('import keeps the trusted time and the capture tokens; a re-export still carries them', async () => {
    const signer = await generateSigningKey();
    const { store, capture } = await storeWithCapture(true, signer.fingerprint);
    await enqueueCaptureStamps(store, capture);
    await runStampQueue(store, ports());
    const input = await buildPackageInput(
      store,
      { kind: 'selection', ids: [capture.id] },
      { signer, tool: { name: 'dalel', version: 'test' }, now: new Date() },
    );
    input.stampSignature = (sig) =>
      stampStatement(
        sig,
        [{ url: tsa.url, name: 'Test TSA', caPem: pki.caPem }],
        httpTransport(5_000),
      );
    const chunks: Uint8Array[] = [];
    await writePackage(input, async (c) => void chunks.push(c.slice()));
    const zip = new Uint8Array(Buffer.concat(chunks));

    // A colleague whose Settings trust the same TSA imports it.
    const { store: other } = createTestStore();
    await other.settings.set({
      timestampAuthorities: [{ url: tsa.url, name: 'Test TSA', caPem: pki.caPem }],
    });
    const result = await importPackage(other, bytesSource(zip), { pinnedKey: signer.fingerprint });
    expect(result.trustedTime).toMatchObject({ file: TIMESTAMPS.token(1), tsa: 'Dalel Test TSA' });
    const imported = (await other.custody.ofType('imported')).find(
      (e) => e.subject.kind === 'package',
    );
    expect(imported!.data.trustedTime).toEqual(result.trustedTime);
    const stamps = await other.custody.ofType('timestamped');
    expect(stamps).toEqual([
      expect.objectContaining({
        subject: { kind: 'capture', id: capture.id },
        actor: `import:${signer.fingerprint}`,
      }),
    ]);
    const again = await buildPackageInput(
      other,
      { kind: 'selection', ids: [capture.id] },
      {
        signer: await generateSigningKey(),
        tool: { name: 'dalel', version: 'test' },
        now: new Date(),
      },
    );
    expect(again.captureTimestamps?.get(capture.id)).toHaveLength(1);
  });
});
