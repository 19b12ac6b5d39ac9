import { DalelDb } from '../store/db';
import { eventHashSync } from '../evidence/custody';
import { Store } from '../store/store';
import { ensureSigningKey } from './signing-key';

/**
 * Opens the database and makes sure this installation has a signing key, whose fingerprint is
 * the actor of every custody event. Memoised: the service worker opens it once per life.
 */
export function createStoreOpener(dbName?: string) {
  let opening: Promise<Store> | undefined;
  return function openStore(): Promise<Store> {
    opening ??= (async () => {
      let actor = 'unkeyed';
      const store = new Store({
        db: new DalelDb(dbName),
        now: () => new Date(),
        actor: () => actor,
        hashEvent: eventHashSync,
      });
      const key = await ensureSigningKey(store.keys, store.ctx.now);
      actor = key.fingerprint;
      return store;
    })();
    // A failed open (e.g. storage unavailable) must not poison every later request.
    opening.catch(() => (opening = undefined));
    return opening;
  };
}
