import { useEffect, useState } from 'preact/hooks';
import type { ArtifactRef } from '../../../lib/model/capture';
import { artifactText } from '../../capture-api';
import { useI18n } from '../../i18n-context';

// Prepended to the snapshot: no scripts (sandbox=""), and nothing fetched from the network, so
// opening evidence never tells the platform someone is looking at it.
const LOCKDOWN =
  '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; img-src data: blob:; style-src \'unsafe-inline\'; font-src data:; media-src data: blob:">';

/** The HTML snapshot, shown in a sandboxed frame with no scripts and no network. */
export function SnapshotFrame({ artifact }: { artifact: ArtifactRef }) {
  const { t } = useI18n();
  const [html, setHtml] = useState<string | null>(null);
  const [error, setError] = useState(false);
  useEffect(() => {
    artifactText(artifact.sha256)
      .then(setHtml)
      .catch(() => setError(true));
  }, [artifact.sha256]);
  if (error) return <p class="muted">{t('snapshotUnavailable')}</p>;
  if (html === null) return <p class="muted">{t('loading')}</p>;
  return (
    <iframe
      class="snapshot"
      title={t('snapshotTitle')}
      sandbox=""
      referrerpolicy="no-referrer"
      srcdoc={`${LOCKDOWN}${html}`}
      data-testid="snapshot"
    />
  );
}
