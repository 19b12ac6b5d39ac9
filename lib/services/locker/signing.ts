import { signerOf } from '../../background/signing-key';
import type { Store } from '../../store/store';

/** The installation's active signing key, or an error naming why there is none. */
export async function activeSigner(store: Store) {
  const row = await store.keys.active();
  if (!row) throw new Error('this installation has no signing key yet');
  return signerOf(row);
}
