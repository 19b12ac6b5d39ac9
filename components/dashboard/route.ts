import { useEffect, useState } from 'preact/hooks';

/** `#view/id` → `{view, id}`: every screen and record has a URL a monitor can bookmark. */
export function parseRoute(hash: string) {
  const [view = '', ...rest] = hash.replace(/^#\/?/, '').split('/');
  return { view, id: rest.length ? decodeURIComponent(rest.join('/')) : null };
}

export function useRoute() {
  const [route, setRoute] = useState(() => parseRoute(location.hash));
  useEffect(() => {
    const onHash = () => setRoute(parseRoute(location.hash));
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  return route;
}

export const href = (view: string, id?: string) =>
  id ? `#${view}/${encodeURIComponent(id)}` : `#${view}`;
