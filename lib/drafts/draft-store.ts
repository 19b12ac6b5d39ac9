/**
 * What the popup must not lose when it closes (it closes whenever it loses focus): the capture
 * just sealed in a tab, and the tags and note being typed for it. Kept in `storage.session`, which
 * the browser holds in memory only (never on disk) and shows only to the extension's own pages,
 * and cleared when the lock closes and by the panic wipe. It used to be `localStorage`, which is a
 * file in the profile: a seized laptop showed the captured URLs and unsaved notes in plain text.
 */

/** Every draft key starts with this, so the background can clear them all. */
export const DRAFT_PREFIX = 'dalel.draft.';

/** The slice of `browser.storage.session` drafts need (injected: tests pass a Map). */
export interface SessionArea {
  get(keys: string | string[] | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
}

export const draftKeys = {
  /** The capture sealed in a tab (remembered with the tab's URL). */
  capture: (tabId: number) => `${DRAFT_PREFIX}capture.${tabId}`,
  /** The tag form's unsaved input for a capture. */
  tags: (captureId: string) => `${DRAFT_PREFIX}tags.${captureId}`,
};

export class DraftStore {
  constructor(private readonly area: SessionArea) {}

  async load<T>(key: string): Promise<T | null> {
    const got = await this.area.get(key);
    return (got[key] as T | undefined) ?? null;
  }

  save(key: string, value: unknown): Promise<void> {
    return this.area.set({ [key]: value });
  }

  remove(key: string): Promise<void> {
    return this.area.remove(key);
  }

  /** Removes every draft (on lock and on the panic wipe). */
  async clearAll(): Promise<void> {
    const all = await this.area.get(null);
    const keys = Object.keys(all).filter((k) => k.startsWith(DRAFT_PREFIX));
    if (keys.length) await this.area.remove(keys);
  }
}

/** Keys older versions kept in `localStorage` (plaintext in the profile's files). */
export const LEGACY_LOCAL_PREFIX = 'dalel.popup.';

/** The part of `localStorage` the scrub uses (injected for tests). */
export interface LocalArea {
  readonly length: number;
  key(index: number): string | null;
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

const FILLER_KEY = 'dalel.scrub';

/** Random letters: incompressible enough that the browser's compressed log really grows. */
function randomText(length: number): string {
  const parts: string[] = [];
  for (let done = 0; done < length; done += 65536) {
    const bytes = crypto.getRandomValues(new Uint8Array(Math.min(65536, length - done)));
    parts.push(String.fromCharCode(...Array.from(bytes, (b) => 0x21 + (b % 94))));
  }
  return parts.join('');
}

/**
 * Removes what older versions left in `localStorage` so that it is gone from the disk, not just
 * from the key list: each value is first overwritten with random text of the same length, then
 * deleted, then `fillerBytes` of random text are written and deleted, which makes the browser's
 * on-disk log roll over and compact away the old versions (best effort, as with IndexedDB; the
 * profile scan in tests/e2e/profile-scan.spec.ts checks it). Answers how many keys it removed.
 */
export function scrubLegacyLocalStorage(local: LocalArea, fillerBytes = 3 * 1024 * 1024): number {
  const keys: string[] = [];
  for (let i = 0; i < local.length; i++) {
    const k = local.key(i);
    if (k?.startsWith(LEGACY_LOCAL_PREFIX)) keys.push(k);
  }
  if (keys.length === 0) return 0;
  for (const k of keys) local.setItem(k, randomText((local.getItem(k) ?? '').length));
  for (const k of keys) local.removeItem(k);
  try {
    // Two rounds: each replaces the whole filler, pushing the log past its flush size.
    for (let round = 0; round < 2; round++) local.setItem(FILLER_KEY, randomText(fillerBytes / 2));
  } catch {
    /* over quota: what was written still pushed the log */
  } finally {
    local.removeItem(FILLER_KEY);
  }
  return keys.length;
}
