import { useEffect, useState } from 'preact/hooks';

/**
 * State that survives the popup closing (it closes whenever it loses focus): kept in the
 * extension's localStorage under `key`, cleared with `clear()` once the work is saved.
 */
export function useDraft<T>(key: string | null, initial: T) {
  const [value, setValue] = useState<T>(() => {
    if (!key) return initial;
    try {
      const saved = localStorage.getItem(key);
      return saved ? { ...initial, ...(JSON.parse(saved) as T) } : initial;
    } catch {
      return initial;
    }
  });
  useEffect(() => {
    if (key) localStorage.setItem(key, JSON.stringify(value));
  }, [key, value]);
  const clear = () => {
    if (key) localStorage.removeItem(key);
    setValue(initial);
  };
  return [value, setValue, clear] as const;
}
