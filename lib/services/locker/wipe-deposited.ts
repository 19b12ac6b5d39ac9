import type { Store } from '../../store/store';
import { DepositedWipeRepo } from '../../store/repositories/deposited-wipe-repo';

/** Each capture in a confirmed package, with the locker keys that hold it. */
async function depositedCaptures(store: Store): Promise<Map<string, string[]>> {
  const held = new Map<string, string[]>();
  for (const item of await store.locker.done())
    for (const id of item.captureIds) held.set(id, [...(held.get(id) ?? []), item.receipt!.key]);
  return held;
}

/** What "wipe only what is already in the locker" would delete, and what would stay. */
export async function wipePreview(store: Store): Promise<{ deletable: number; staying: number }> {
  const [ids, held] = await Promise.all([store.captures.ids(), depositedCaptures(store)]);
  const deletable = ids.filter((id) => held.has(id)).length;
  return { deletable, staying: ids.length - deletable };
}

/**
 * Deletes from this device every capture that a confirmed locker upload holds (their bytes,
 * tags and list rows, with a `deleted` custody event each), then the plaintext package files;
 * captures not yet in the locker, persons and cases stay. The monitor chooses this; nothing is
 * ever deleted locally because an upload succeeded.
 */
export async function wipeDeposited(
  store: Store,
  removeFiles: () => Promise<void>,
): Promise<{ captures: number; artifacts: number; links: number; staying: number }> {
  const held = await depositedCaptures(store);
  const removed = await new DepositedWipeRepo(store.ctx).remove(held);
  await removeFiles();
  return { ...removed, staying: await store.captures.count() };
}
