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

const FILLER_PREFIX = 'dalel.scrub.';
/** Filler values: distinct keys, so the browser cannot merge them away before they reach disk. */
const FILLER_VALUE_CHARS = 64 * 1024;
/**
 * Chromium writes localStorage to disk in batches a few seconds apart, merging what changed
 * in between (a write followed by a delete reaches the disk as the delete alone): the filler must
 * stay until it was written before it is removed.
 */
export const FILLER_HOLD_MS = 8_000;

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
 * from the key list: each value is deleted, then `fillerBytes` of random text are written under
 * fresh keys and removed `holdMs` later, once the browser has written them: that pushes its
 * on-disk log past its size so it is rolled over and compacted, taking the old values with it
 * (best effort, as with IndexedDB; tests/e2e/monitor-protection.spec.ts scans the profile).
 * Answers how many keys it removed; `done` settles when the filler is gone.
 */
export function scrubLegacyLocalStorage(
  local: LocalArea,
  fillerBytes = 2 * 1024 * 1024,
  holdMs = FILLER_HOLD_MS,
): { removed: number; done: Promise<void> } {
  const keys: string[] = [];
  for (let i = 0; i < local.length; i++) {
    const k = local.key(i);
    if (k?.startsWith(LEGACY_LOCAL_PREFIX) || k?.startsWith(FILLER_PREFIX)) keys.push(k);
  }
  const legacy = keys.filter((k) => k.startsWith(LEGACY_LOCAL_PREFIX));
  if (legacy.length === 0) return { removed: 0, done: Promise.resolve() };
  for (const k of legacy) local.setItem(k, randomText((local.getItem(k) ?? '').length));
  for (const k of keys) local.removeItem(k);
  const filler: string[] = [];
  // UTF-16: two bytes a character.
  const count = Math.max(1, Math.ceil(fillerBytes / 2 / FILLER_VALUE_CHARS));
  try {
    for (let i = 0; i < count; i++) {
      const key = `${FILLER_PREFIX}${i}`;
      local.setItem(key, randomText(FILLER_VALUE_CHARS));
      filler.push(key);
    }
  } catch {
    /* over quota: what was written still pushes the log */
  }
  const done = new Promise<void>((resolve) =>
    setTimeout(() => {
      for (const k of filler) local.removeItem(k);
      resolve();
    }, holdMs),
  );
  return { removed: legacy.length, done };
}
