import { useState } from 'preact/hooks';
import { request } from '../../lib/messaging/client';
import { useI18n } from '../i18n-context';
import { TagForm } from '../tagging/tag-form';
import { useLoad } from '../ui/use-request';

const SHOWN = 5;

/**
 * Captures tagged to nobody yet (made by the shortcut, the context menu, or left for later), so
 * none is forgotten untagged; each can be tagged here without opening the dashboard.
 */
export function UntaggedCaptures({
  exclude,
  version,
  onTagged,
}: {
  /** The capture the popup already shows for this tab. */
  exclude: string | null;
  /** Changes when tags were saved elsewhere in the popup (reload the list). */
  version: number;
  onTagged: () => void;
}) {
  const { t, tn, formatClock } = useI18n();
  const [open, setOpen] = useState<string | null>(null);
  const list = useLoad(
    () => request('capture.search', { filters: { untagged: true }, limit: SHOWN + 1 }),
    [version],
  );
  const hits = (list.data?.hits ?? []).filter((h) => h.id !== exclude).slice(0, SHOWN);
  const total = (list.data?.total ?? 0) - (list.data?.hits.some((h) => h.id === exclude) ? 1 : 0);
  if (hits.length === 0) return null;
  return (
    <section class="untagged" aria-labelledby="untagged-heading" data-testid="untagged">
      <h2 id="untagged-heading">{tn('untaggedHeading', total)}</h2>
      <ul class="untagged-list">
        {hits.map((h) => (
          <li key={h.id}>
            <div class="untagged-row">
              <span class="untagged-what">
                <span class="muted">{formatClock(h.sealedAt)}</span> {t(`platform_${h.platform}`)} ·{' '}
                {h.author ?? t(`kind_${h.kind}`)}
                <span class="untagged-excerpt">{h.excerpt}</span>
              </span>
              <button
                type="button"
                class="small secondary"
                aria-expanded={open === h.id}
                aria-label={t('untaggedTagLabel', h.author ?? h.url)}
                onClick={() => setOpen(open === h.id ? null : h.id)}
              >
                {t('untaggedTag')}
              </button>
            </div>
            {open === h.id && (
              <TagForm
                captureId={h.id}
                autoFocus
                onSaved={() => {
                  setOpen(null);
                  onTagged();
                  list.reload();
                }}
              />
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
