import { useEffect, useRef, useState } from 'preact/hooks';
import { drafts } from '../drafts';

/**
 * State that survives the popup closing (it closes whenever it loses focus): kept in the
 * extension's session storage under `key` (memory only, cleared on lock and wipe; see
 * lib/drafts/draft-store.ts), cleared with `clear()` once the work is saved.
 */
export function useDraft<T>(key: string | null, initial: T) {
  const [value, setValue] = useState<T>(initial);
  // Only what the monitor types is written, so an empty form never overwrites the saved draft;
  // and what was typed before a slow read of the draft wins over it.
  const touched = useRef(false);
  useEffect(() => {
    if (!key) return;
    let live = true;
    drafts
      .load<Partial<T>>(key)
      .then((saved) => {
        if (live && saved && !touched.current) setValue({ ...initial, ...saved });
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [key]);
  const latest = useRef(value);
  latest.current = value;
  // Saved as the monitor types, not in an effect after the next paint: the popup closes the
  // moment it loses focus, and a save scheduled for later would be lost with it.
  const set = (next: T | ((prev: T) => T)) => {
    touched.current = true;
    const resolved = typeof next === 'function' ? (next as (prev: T) => T)(latest.current) : next;
    latest.current = resolved;
    setValue(resolved);
    if (key) void drafts.save(key, resolved).catch(() => {});
  };
  const clear = () => {
    if (key) void drafts.remove(key).catch(() => {});
    touched.current = false;
    setValue(initial);
  };
  return [value, set, clear] as const;
}
