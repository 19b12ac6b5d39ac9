import { useI18n } from '../i18n-context';
import { ownWarning } from '../ui/warning-text';

/**
 * What the capture could not do well (a page still loading, a video not saved, …), said before
 * the monitor relies on it: a capture with such warnings is sealed, but not with a plain ✓.
 * Only Dalel's own warnings (`warn_*`) are shown here, in the monitor's language; an extractor's
 * notes on fields it did not find are for the dashboard's detail.
 */
export function CaptureWarnings({ warnings }: { warnings: readonly string[] }) {
  const { t, english } = useI18n();
  const shown = popupWarnings(t, english, warnings);
  if (shown.length === 0) return null;
  return (
    <ul class="warnings" data-testid="capture-warnings" aria-label={t('envWarnings')}>
      {shown.map((w) => (
        <li key={w}>{w}</li>
      ))}
    </ul>
  );
}

export function popupWarnings(
  t: Parameters<typeof ownWarning>[0],
  english: Parameters<typeof ownWarning>[1],
  warnings: readonly string[],
): string[] {
  return [...new Set(warnings.flatMap((w) => ownWarning(t, english, w) ?? []))];
}
