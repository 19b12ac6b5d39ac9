import { useCallback, useEffect, useState } from 'preact/hooks';
import { useOnVisible } from '../../ui/use-on-visible';
import { request } from '../../../lib/messaging/client';
import type { CaptureHit } from '../../../lib/search/capture-index';
import type { CaptureFilters } from '../../../lib/search/filters';
import { errorText } from '../../ui/use-request';

/** Searches as the filters change, a little after the last keystroke; stale answers are dropped. */
export function useCaptureSearch(filters: CaptureFilters, delay = 150) {
  const [result, setResult] = useState<{ total: number; hits: CaptureHit[] } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const key = JSON.stringify(filters);
  const [generation, setGeneration] = useState(0);
  useOnVisible(useCallback(() => setGeneration((g) => g + 1), []));
  useEffect(() => {
    let current = true;
    const timer = setTimeout(() => {
      request('capture.search', { filters })
        .then((r) => current && (setResult(r), setError(null)))
        .catch((e: unknown) => current && setError(errorText(e)));
    }, delay);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [key, generation]);
  return { result, error };
}
