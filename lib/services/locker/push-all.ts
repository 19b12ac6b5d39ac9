import type { Store } from '../../store/store';
import { depositedCaptureIds, exportItem } from './queue';

/**
 * Queues one package of every capture that is in no confirmed or waiting package (captures from
 * before the locker was set up, or sealed while sending captures was off). Null when there is
 * nothing to send.
 */
export async function pushAllPending(store: Store): Promise<{ captures: number } | null> {
  const [ids, deposited, items] = await Promise.all([
    store.captures.ids(),
    depositedCaptureIds(store),
    store.locker.pending(),
  ]);
  const waiting = new Set(items.flatMap((i) => i.captureIds));
  const missing = ids.filter((id) => !deposited.has(id) && !waiting.has(id)).sort();
  if (missing.length === 0) return null;
  await store.locker.enqueue([
    exportItem(null, { kind: 'selection', ids: missing }, missing, null, store.ctx.now()),
  ]);
  return { captures: missing.length };
}
