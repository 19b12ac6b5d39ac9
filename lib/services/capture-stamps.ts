// Capture-time trusted time: when a capture is sealed (and the monitor turned this on), its seal
// is queued for every configured TSA; the queue is worked when the capture is sealed, on an alarm
// and when the worker starts. A token becomes a `timestamped` custody event about the capture;
// the sealed capture is never rewritten. Offline or a TSA down: retried with growing waits.
import { fromHex, toBase64 } from '../evidence/hex';
import type { Transport } from '../evidence/timestamp/http';
import { stampDigest } from '../evidence/timestamp/stamp';
import { parseCertificate, pemCertificates, type Certificate } from '../evidence/timestamp/x509';
import type { StampJobRow } from '../store/rows';
import type { Store } from '../store/store';

export interface StampPorts {
  transport: Transport;
}

/** Waits between attempts, in minutes; the last one repeats (hourly, until a token comes). */
const BACKOFF_MINUTES = [1, 2, 5, 15, 30, 60];

export function retryDelayMs(attempts: number): number {
  return BACKOFF_MINUTES[Math.min(attempts, BACKOFF_MINUTES.length - 1)]! * 60_000;
}

/** Queues the capture's seal for every configured TSA, if capture stamping is on. */
export async function enqueueCaptureStamps(
  store: Store,
  capture: { id: string; seal: string },
): Promise<number> {
  const settings = await store.settings.all();
  if (!settings.stampCaptures || settings.timestampAuthorities.length === 0) return 0;
  const now = store.ctx.now().toISOString();
  const jobs: StampJobRow[] = settings.timestampAuthorities.map((tsa) => ({
    id: `${capture.id} ${tsa.url}`,
    captureId: capture.id,
    seal: capture.seal,
    url: tsa.url,
    queuedAt: now,
    attempts: 0,
    nextAt: now,
    lastError: null,
  }));
  await store.stampQueue.enqueue(jobs);
  return jobs.length;
}

export interface QueueRun {
  stamped: number;
  failed: number;
  /** Requests still waiting, and when the next one is due (null: none). */
  pending: number;
  nextAt: string | null;
}

/**
 * Works the due requests (all of them with `force`). Requests for a TSA no longer configured,
 * or all of them when capture stamping was turned off, are dropped: off means no network.
 */
export async function runStampQueue(
  store: Store,
  ports: StampPorts,
  options: { force?: boolean } = {},
): Promise<QueueRun> {
  const settings = await store.settings.all();
  const tsas = new Map(settings.timestampAuthorities.map((t) => [t.url, t]));
  const run: QueueRun = { stamped: 0, failed: 0, pending: 0, nextAt: null };
  const jobs = await store.stampQueue.all();
  const dropped = jobs.filter((j) => !settings.stampCaptures || !tsas.has(j.url));
  if (dropped.length) await store.stampQueue.remove(dropped.map((j) => j.id));
  const now = store.ctx.now();
  for (const job of jobs) {
    const tsa = tsas.get(job.url);
    if (!tsa || !settings.stampCaptures) continue;
    if (!options.force && Date.parse(job.nextAt) > now.getTime()) continue;
    let anchors: Certificate[];
    try {
      anchors = pemCertificates(tsa.caPem).map(parseCertificate);
    } catch {
      anchors = [];
    }
    const outcome = await stampDigest(job.url, fromHex(job.seal.slice(7)), ports.transport, {
      anchors,
    });
    if (outcome.ok) {
      await store.stampQueue.complete(job.id, {
        type: 'timestamped',
        subject: { kind: 'capture', id: job.captureId },
        data: {
          seal: job.seal,
          tsa: job.url,
          tsaName: outcome.result.tsa,
          time: outcome.result.time,
          serial: outcome.result.serial,
          token: toBase64(outcome.token),
        },
      });
      run.stamped++;
    } else {
      const next = new Date(store.ctx.now().getTime() + retryDelayMs(job.attempts));
      await store.stampQueue.failed(
        job.id,
        { code: outcome.code, reason: outcome.message },
        next.toISOString(),
      );
      run.failed++;
    }
  }
  const left = await store.stampQueue.all();
  run.pending = left.length;
  run.nextAt = left.map((j) => j.nextAt).sort()[0] ?? null;
  return run;
}
