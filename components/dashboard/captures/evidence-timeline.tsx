import type { CaptureHit } from '../../../lib/search/capture-index';
import { useI18n } from '../../i18n-context';
import { ShortHash } from '../../ui/short-hash';
import { href } from '../route';

/** Captures in the order things happened (published, else captured): a case's or person's story. */
export function EvidenceTimeline({ hits }: { hits: readonly CaptureHit[] }) {
  const { t, formatTime } = useI18n();
  const when = (h: CaptureHit) => h.publishedAt ?? h.sealedAt;
  const sorted = [...hits].sort((a, b) => when(a).localeCompare(when(b)));
  if (sorted.length === 0) return <p class="muted">{t('timelineEmpty')}</p>;
  return (
    <ol class="timeline" data-testid="evidence-timeline">
      {sorted.map((h) => (
        <li key={h.id}>
          <span class="timeline-date">{formatTime(when(h))}</span>
          <div>
            <a href={href('captures', h.id)}>
              {t(`platform_${h.platform}`)} · {t(`kind_${h.kind}`)}
              {h.author && ` · ${h.author}`}
            </a>
            {h.categories.map((c) => (
              <span key={c} class="badge">
                {t(`category_${c}`)}
              </span>
            ))}
            <p class="excerpt">{h.excerpt}</p>
            <span class="muted">
              {h.publishedAt ? `${t('capturedOn', formatTime(h.sealedAt))} · ` : ''}
            </span>
            <ShortHash seal={h.seal} copy={false} />
          </div>
        </li>
      ))}
    </ol>
  );
}
