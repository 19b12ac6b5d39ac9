import { useEffect, useRef, useState } from 'preact/hooks';
import { request } from '../../../lib/messaging/client';
import { useI18n } from '../../i18n-context';

/**
 * A small view of the capture's screenshot, asked from the worker only once the row is on
 * screen (a page of 100 rows does not fetch 100 images at once).
 */
export function Thumbnail({ sha256, label }: { sha256: string | null; label: string }) {
  const { t } = useI18n();
  const box = useRef<HTMLSpanElement>(null);
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    if (!sha256 || !box.current) return;
    let url: string | null = null;
    let cancelled = false;
    const load = () =>
      request('artifact.thumbnail', { sha256 })
        .then(({ base64, mediaType }) => {
          if (cancelled) return;
          const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
          url = URL.createObjectURL(new Blob([bytes], { type: mediaType }));
          setSrc(url);
        })
        .catch(() => undefined); // the row reads fine without its picture
    const seen = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) {
        seen.disconnect();
        void load();
      }
    });
    seen.observe(box.current);
    return () => {
      cancelled = true;
      seen.disconnect();
      if (url) URL.revokeObjectURL(url);
    };
  }, [sha256]);
  return (
    <span class="thumb" ref={box} data-testid="thumbnail">
      {src && <img src={src} alt={t('thumbnailAlt', label)} loading="lazy" />}
    </span>
  );
}
