import { useEffect, useRef, useState } from 'preact/hooks';
import { drafts } from '../drafts';

/**
 * State that survives the popup closing (it closes whenever it loses focus): kept in the
 * extension's session storage under `key` (memory only, cleared on lock and wipe; see
 * lib/drafts/draft-store.ts), cleared with `clear()` once the work is saved.
 */
export function useDraft<T>(key: string | null, initial: T) {
  const [value, setValue] = useState<T>(initial);
  // Nothing is written until the saved draft is read: typing must not be lost to a slow read,
  // and an empty form must not overwrite the saved draft.
  const loaded = useRef(false);
  const touched = useRef(false);
  useEffect(() => {
    loaded.current = false;
    if (!key) return;
    let live = true;
    drafts
      .load<Partial<T>>(key)
      .then((saved) => {
        if (live && saved && !touched.current) setValue({ ...initial, ...saved });
      })
      .catch(() => undefined)
      .finally(() => (loaded.current = true));
    return () => {
      live = false;
    };
  }, [key]);
  useEffect(() => {
    if (key && (loaded.current || touched.current)) void drafts.save(key, value).catch(() => {});
  }, [key, value]);
  const set = (next: T | ((prev: T) => T)) => {
    touched.current = true;
    setValue(next);
  };
  const clear = () => {
    if (key) void drafts.remove(key).catch(() => {});
    touched.current = false;
    setValue(initial);
  };
  return [value, set, clear] as const;
}
