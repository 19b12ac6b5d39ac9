import { useCallback, useEffect, useState } from 'preact/hooks';
import { useOnVisible } from './use-on-visible';

import { errorText } from './describe-error';

export { errorText };

/** Runs an async load, exposing data, error and a reload; errors become text, never a crash. */
export function useLoad<T>(load: () => Promise<T>, deps: unknown[] = []) {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const reload = useCallback(() => {
    load()
      .then((value) => {
        setData(value);
        setError(null);
      })
      .catch((e: unknown) => setError(errorText(e)));
  }, deps);
  useEffect(reload, [reload]);
  useOnVisible(reload);
  return { data, error, reload, setError };
}
