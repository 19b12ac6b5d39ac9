import type { QueueItem } from '../../locker/queue-item';
import type { Store } from '../../store/store';
import { depositedCaptureIds } from './queue';
import type { LockerRunner } from './runner';

export interface LockerItemSummary {
  id: string;
  kind: QueueItem['kind'];
  captures: number;
  state: QueueItem['state'];
  size: number | null;
  attempts: number;
  nextAttemptAt: string;
  lastError: QueueItem['lastError'];
  key: string | null;
  versionId: string | null;
  retainUntil: string | null;
  doneAt: string | null;
}

export interface LockerStatus {
  configured: boolean;
  /** Packages not yet confirmed in the locker. */
  pending: number;
  /** Captures in this archive that are in no confirmed package: not yet safe off the device. */
  capturesNotInLocker: number;
  capturesInLocker: number;
  current: { itemId: string; sent: number; total: number } | null;
  /** The newest error of a waiting package, if any. */
  lastError: (NonNullable<QueueItem['lastError']> & { itemId: string }) | null;
  nextAttemptAt: string | null;
  lastDeposit: { at: string; key: string; versionId: string | null; retainUntil: string } | null;
  /** The 20 newest items. */
  items: LockerItemSummary[];
}

function summary(item: QueueItem): LockerItemSummary {
  return {
    id: item.id,
    kind: item.kind,
    captures: item.captureIds.length,
    state: item.state,
    size: item.prepared?.digest.size ?? null,
    attempts: item.attempts,
    nextAttemptAt: item.nextAttemptAt,
    lastError: item.lastError,
    key: item.receipt?.key ?? item.prepared?.key ?? null,
    versionId: item.receipt?.versionId ?? null,
    retainUntil: item.receipt?.retainUntil ?? null,
    doneAt: item.doneAt,
  };
}

/** What Settings shows: what is safe, what is not yet, what is happening, what went wrong. */
export async function lockerStatus(
  store: Store,
  runner: LockerRunner | null,
): Promise<LockerStatus> {
  const [config, items, captureIds, deposited] = await Promise.all([
    store.locker.config(),
    store.locker.all(),
    store.captures.ids(),
    depositedCaptureIds(store),
  ]);
  const pending = items.filter((i) => i.state === 'pending');
  const safe = captureIds.filter((id) => deposited.has(id)).length;
  const failing = pending
    .filter((i) => i.lastError)
    .sort((a, b) => b.lastError!.at.localeCompare(a.lastError!.at))[0];
  const done = items
    .filter((i) => i.state === 'done')
    .sort((a, b) => b.doneAt!.localeCompare(a.doneAt!));
  const last = done[0];
  return {
    configured: config !== null,
    pending: pending.length,
    capturesNotInLocker: captureIds.length - safe,
    capturesInLocker: safe,
    current: runner?.current ?? null,
    lastError: failing ? { ...failing.lastError!, itemId: failing.id } : null,
    nextAttemptAt: pending.length ? pending.map((i) => i.nextAttemptAt).sort()[0]! : null,
    lastDeposit: last?.receipt
      ? {
          at: last.doneAt!,
          key: last.receipt.key,
          versionId: last.receipt.versionId,
          retainUntil: last.receipt.retainUntil,
        }
      : null,
    items: [...items].reverse().slice(0, 20).map(summary),
  };
}
