import { browser } from 'wxt/browser';
import { DraftStore, scrubLegacyLocalStorage, type SessionArea } from '../lib/drafts/draft-store';

/** The popup's drafts in `storage.session` (memory only; cleared on lock and wipe). */
export const drafts = new DraftStore(browser.storage.session as unknown as SessionArea);

let scrubbed = false;

/** Once per page: removes (overwrites, deletes, compacts) what older versions left in localStorage. */
export function scrubLegacyDrafts(): void {
  if (scrubbed) return;
  scrubbed = true;
  try {
    scrubLegacyLocalStorage(localStorage);
  } catch {
    /* no localStorage in this context */
  }
}
