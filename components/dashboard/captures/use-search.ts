import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { useOnVisible } from '../../ui/use-on-visible';
import { request } from '../../../lib/messaging/client';
import type { CaptureHit } from '../../../lib/search/capture-index';
import type { CaptureFilters } from '../../../lib/search/filters';
import { errorText } from '../../ui/use-request';

/**
 * Searches as the filters change; stale answers are dropped. A change of the free text waits
 * `textDelay` ms after the last keystroke (typing is a burst of changes); any other change (a
 * select, a date, the next page) asks at once, since a search costs the background milliseconds.
 * `limit` is how many of the newest matches to fetch (the schema's default when absent).
 */
export function useCaptureSearch(filters: CaptureFilters, textDelay = 80, limit?: number) {
  const [result, setResult] = useState<{ total: number; hits: CaptureHit[] } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const key = JSON.stringify(filters);
  const previous = useRef<CaptureFilters | null>(null);
  const [generation, setGeneration] = useState(0);
  useOnVisible(useCallback(() => setGeneration((g) => g + 1), []));
  useEffect(() => {
    const typed = previous.current !== null && previous.current.text !== filters.text;
    previous.current = filters;
    let current = true;
    const ask = () =>
      request('capture.search', limit === undefined ? { filters } : { filters, limit })
        .then((r) => current && (setResult(r), setError(null)))
        .catch((e: unknown) => current && setError(errorText(e)));
    const timer = typed && textDelay > 0 ? setTimeout(ask, textDelay) : (void ask(), undefined);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [key, generation, limit]);
  return { result, error };
}
