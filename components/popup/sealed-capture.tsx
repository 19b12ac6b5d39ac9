import { useI18n } from '../i18n-context';
import { ShortHash } from '../ui/short-hash';
import { CaptureWarnings, popupWarnings } from './capture-warnings';

/** A sealed capture of this page: when, its short hash, and what it could not capture well. */
export function SealedCapture({
  seal,
  sealedAt,
  warnings,
}: {
  seal: string;
  sealedAt: string;
  warnings: readonly string[];
}) {
  const { t, english, formatClock } = useI18n();
  const warned = popupWarnings(t, english, warnings).length > 0;
  return (
    <div class="sealed-block">
      <p class="sealed" aria-live="polite" data-testid="sealed">
        <span class={warned ? 'warn' : 'ok'}>
          {warned ? '⚠' : '✓'} {t('sealedAtTime', formatClock(sealedAt))}
        </span>{' '}
        <ShortHash seal={seal} />
      </p>
      <CaptureWarnings warnings={warnings} />
    </div>
  );
}
