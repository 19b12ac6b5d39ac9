import { sha256 } from '../../evidence/sha256';
import type { Transport } from '../../evidence/timestamp/http';
import { stampDigest } from '../../evidence/timestamp/stamp';
import { parseCertificate, pemCertificates } from '../../evidence/timestamp/x509';
import type { Handlers } from '../../messaging/router';
import type { Store } from '../../store/store';
import type { StampWorker } from '../stamp-worker';

export interface TimestampPorts {
  tsaTransport: Transport;
  stampWorker: StampWorker;
}

/** Trying a TSA before it is saved, and the capture-time queue. */
export function timestampHandlers(store: Store, ports: TimestampPorts) {
  return {
    // A random hash, so the test reveals nothing: the monitor sees at once whether the TSA
    // answers and whether its token chains to the CA they gave.
    'tsa.test': async ({ url, caPem }) => {
      const digest = await sha256(crypto.getRandomValues(new Uint8Array(32)));
      const anchors = pemCertificates(caPem).map(parseCertificate);
      const outcome = await stampDigest(url, digest, ports.tsaTransport, { anchors });
      return outcome.ok
        ? { ok: true as const, time: outcome.result.time, tsa: outcome.result.tsa }
        : { ok: false as const, code: outcome.code, reason: outcome.message };
    },
    'tsa.queue': async () =>
      (await store.stampQueue.all()).map((j) => ({
        captureId: j.captureId,
        url: j.url,
        attempts: j.attempts,
        nextAt: j.nextAt,
        lastError: j.lastError,
      })),
    'tsa.retry': async () => ports.stampWorker.run(true),
  } satisfies Partial<Handlers>;
}
