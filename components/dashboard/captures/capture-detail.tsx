import { request } from '../../../lib/messaging/client';
import type { Capture } from '../../../lib/model/capture';
import { useI18n } from '../../i18n-context';
import { TagForm } from '../../tagging/tag-form';
import { ErrorBanner } from '../../ui/error-banner';
import { ShortHash } from '../../ui/short-hash';
import { useLoad } from '../../ui/use-request';
import { warningText } from '../../ui/warning-text';
import { captureApi } from '../../capture-api';
import { href } from '../route';
import { ArtifactImage } from './artifact-image';
import { ArtifactTable } from './artifact-table';
import { CaptureTags } from './capture-tags';
import { CustodyTrail } from './custody-trail';
import { RecordFields } from './record-fields';
import { RedactionReview } from './redaction-review';
import { SnapshotFrame } from './snapshot-frame';

function Environment({ capture }: { capture: Capture }) {
  const { t, english, formatTime } = useI18n();
  const m = capture.metadata;
  // Each value says who reported it: the page can rewrite its own address and title.
  const by = (source: string) => ` (${t(`source_${source}`)})`;
  const addresses: Array<[string, string]> = m.sources
    ? [
        [t('envLoadedUrl') + by('browser'), m.requestedUrl],
        [t('envTabUrl') + by('browser'), m.tabUrl ?? '—'],
        [t('envPageUrl') + by('page'), m.finalUrl],
      ]
    : [[t('envPageUrl'), m.finalUrl]];
  const rows: Array<[string, string]> = [
    ...addresses,
    [t('envStarted') + by('device'), formatTime(m.startedAt)],
    [
      t('envServerDate') + by('server'),
      m.serverDate ? `${m.serverDate}${m.serverDateFrom ? ` — ${m.serverDateFrom}` : ''}` : '—',
    ],
    [t('envTimeZone'), m.timeZone],
    [t('envBrowser'), `${m.browser} · ${m.userAgent}`],
    [t('envExtension'), m.extensionVersion],
    [t('envViewport'), `${m.viewport.width}×${m.viewport.height} @${m.viewport.devicePixelRatio}`],
    [t('envOmissions'), m.omissions.join('; ') || '—'],
    [t('envWarnings'), capture.warnings.map((w) => warningText(t, english, w)).join('; ') || '—'],
  ];
  return (
    <dl class="fields">
      {rows.map(([label, value]) => (
        <div key={label} class="field-row">
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** One capture: screenshots, snapshot, extracted fields, files and hashes, tags, custody. */
export function CaptureDetail({ id }: { id: string }) {
  const { t, formatTime } = useI18n();
  const data = useLoad(() => captureApi.get(id), [id]);
  const known = useLoad(() => request('recent.list'));
  if (data.error) return <ErrorBanner error={data.error} />;
  if (!data.data) return <p class="muted">{t('loading')}</p>;
  const { capture, links, custody } = data.data;
  const shots = capture.artifacts.filter(
    (a) => a.role === 'screenshot' || a.role === 'screenshot_full',
  );
  const snapshot = capture.artifacts.find((a) => a.role === 'snapshot_html');
  const media = capture.artifacts.filter((a) => a.role === 'media');
  return (
    <article aria-labelledby="capture-heading" class="detail">
      <p>
        <a href={href('captures')}>← {t('backToCaptures')}</a>
      </p>
      <h1 id="capture-heading">{capture.metadata.title || capture.url}</h1>
      <p class="meta-line">
        <a href={capture.url} target="_blank" rel="noreferrer noopener" class="break">
          {capture.url}
        </a>
      </p>
      <p class="meta-line">
        {t('sealedAt', formatTime(capture.sealedAt))} · {t('seal')}{' '}
        <ShortHash seal={capture.seal} />
      </p>
      <section aria-labelledby="tags-heading">
        <h2 id="tags-heading">{t('tagsHeading')}</h2>
        <CaptureTags
          links={links}
          persons={known.data?.persons ?? []}
          cases={known.data?.cases ?? []}
          custody={custody}
          onChange={data.reload}
        />
        <details class="panel">
          <summary>{t('tagAddMore')}</summary>
          <TagForm captureId={capture.id} onSaved={() => (data.reload(), known.reload())} />
        </details>
      </section>
      <section aria-labelledby="shots-heading">
        <h2 id="shots-heading">{t('screenshots')}</h2>
        {shots.length === 0 && <p class="muted">{t('none')}</p>}
        <div class="shots">
          {shots.map((a) => (
            <ArtifactImage key={a.sha256} artifact={a} alt={t('screenshotAlt', a.name)} />
          ))}
        </div>
      </section>
      <RedactionReview capture={capture} />
      <section aria-labelledby="fields-heading">
        <h2 id="fields-heading">{t('extractedFields')}</h2>
        <RecordFields record={capture.record} />
      </section>
      {snapshot && (
        <section aria-labelledby="snapshot-heading">
          <h2 id="snapshot-heading">{t('snapshotTitle')}</h2>
          <SnapshotFrame artifact={snapshot} />
        </section>
      )}
      {media.length > 0 && (
        <section aria-labelledby="media-heading">
          <h2 id="media-heading">{t('media')}</h2>
          <div class="shots">
            {media.map((a) =>
              a.mediaType.startsWith('image/') ? (
                <ArtifactImage key={a.sha256} artifact={a} alt={a.sourceUrl ?? a.name} />
              ) : (
                <span key={a.sha256} class="mono">
                  {a.name}
                </span>
              ),
            )}
          </div>
        </section>
      )}
      <section aria-labelledby="files-heading">
        <h2 id="files-heading">{t('filesAndHashes')}</h2>
        <p class="mono hash">{capture.seal}</p>
        <ArtifactTable artifacts={capture.artifacts} />
      </section>
      <section aria-labelledby="env-heading">
        <h2 id="env-heading">{t('environment')}</h2>
        <Environment capture={capture} />
      </section>
      <section aria-labelledby="custody-heading">
        <h2 id="custody-heading">{t('custodyTrail')}</h2>
        <CustodyTrail events={custody} />
      </section>
    </article>
  );
}
