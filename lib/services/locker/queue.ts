import { toHex } from '../../evidence/hex';
import type { ExportScope } from '../export-input';
import type { QueueItem } from '../../locker/queue-item';
import type { PackageFacts } from '../../locker/metadata';
import type { Store } from '../../store/store';

function itemId(): string {
  return `lq_${toHex(crypto.getRandomValues(new Uint8Array(10)))}`;
}

function fresh(
  now: Date,
  fields: Pick<QueueItem, 'kind' | 'scope' | 'captureIds' | 'exportFile' | 'exportFacts'>,
): QueueItem {
  return {
    id: itemId(),
    ...fields,
    state: 'pending',
    enqueuedAt: now.toISOString(),
    prepared: null,
    retainUntil: null,
    multipart: null,
    committing: false,
    attempts: 0,
    nextAttemptAt: now.toISOString(),
    lastError: null,
    receipt: null,
    doneAt: null,
  };
}

export function captureItem(captureId: string, now: Date): QueueItem {
  return fresh(now, {
    kind: 'capture',
    scope: { kind: 'selection', ids: [captureId] },
    captureIds: [captureId],
    exportFile: null,
    exportFacts: null,
  });
}

export function exportItem(
  file: string | null,
  scope: ExportScope,
  captureIds: string[],
  facts: Omit<PackageFacts, 'sha256'> | null,
  now: Date,
): QueueItem {
  return fresh(now, { kind: 'export', scope, captureIds, exportFile: file, exportFacts: facts });
}

/** Capture ids in confirmed packages. */
export async function depositedCaptureIds(store: Store): Promise<Set<string>> {
  return new Set((await store.locker.done()).flatMap((item) => item.captureIds));
}

/**
 * Moves the queue's cursor over the custody log: every capture sealed since the last look is
 * queued (when the monitor pushes captures as they are sealed), in the same transaction as the
 * cursor moves. The log is append-only, so nothing sealed is ever missed, even if the worker
 * stopped between the seal and this call.
 */
export async function reconcile(store: Store, pushCaptures: boolean, now: Date): Promise<number> {
  const cursor = await store.locker.cursor();
  const events = await store.custody.since(cursor + 1);
  if (events.length === 0) return 0;
  const last = Math.max(...events.map((e) => e.seq));
  if (!pushCaptures) {
    await store.locker.enqueue([], last);
    return 0;
  }
  const queued = new Set(
    (await store.locker.all()).filter((i) => i.kind === 'capture').flatMap((i) => i.captureIds),
  );
  const fresh = [
    ...new Set(events.filter((e) => e.type === 'captured').map((e) => e.subject.id)),
  ].filter((id) => !queued.has(id));
  await store.locker.enqueue(
    fresh.map((id) => captureItem(id, now)),
    last,
  );
  return fresh.length;
}
