import { useEffect } from 'preact/hooks';

/**
 * Calls `refresh` when the page becomes visible again: the monitor captures and tags in the
 * popup, then returns to the dashboard tab, which must show what was just added.
 */
export function useOnVisible(refresh: () => void): void {
  useEffect(() => {
    const onChange = () => {
      if (document.visibilityState === 'visible') refresh();
    };
    document.addEventListener('visibilitychange', onChange);
    return () => document.removeEventListener('visibilitychange', onChange);
  }, [refresh]);
}
