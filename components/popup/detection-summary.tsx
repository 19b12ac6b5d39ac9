import type { Detection } from '../../lib/messaging/content-protocol';
import type { CaptureSummary } from '../../lib/search/capture-summary';
import { useI18n } from '../i18n-context';

/**
 * What Dalel sees on the page: before capture, the platform and title the probe reports; after,
 * the extracted record's kind, author, date and first words (or the notice's own message).
 */
export function DetectionSummary({
  page,
  summary,
}: {
  page: Detection;
  summary: CaptureSummary | null;
}) {
  const { t, formatTime } = useI18n();
  const platform = summary?.platform ?? page.platform;
  return (
    <dl class="summary" data-testid="detection">
      <dt>{t('popupPlatform')}</dt>
      <dd data-testid="platform">
        {t(`platform_${platform}`)}
        {summary && ` · ${t(`kind_${summary.kind}`)}`}
      </dd>
      {summary?.author && (
        <>
          <dt>{t('popupAuthor')}</dt>
          <dd class="clip" data-testid="author">
            {summary.author}
          </dd>
        </>
      )}
      {summary?.publishedAt && (
        <>
          <dt>{t('popupPublished')}</dt>
          <dd>{formatTime(summary.publishedAt)}</dd>
        </>
      )}
      {summary?.noticeType && (
        <>
          <dt>{t('popupNotice')}</dt>
          <dd>{t(`notice_${summary.noticeType}`)}</dd>
        </>
      )}
      {summary?.accountState && (
        <>
          <dt>{t('popupAccountState')}</dt>
          <dd>{t(`state_${summary.accountState}`)}</dd>
        </>
      )}
      {!summary && (
        <>
          <dt>{t('popupThisPage')}</dt>
          <dd class="clip" title={page.url}>
            {page.title || page.url}
          </dd>
        </>
      )}
      {summary?.excerpt && (
        <dd class="excerpt" data-testid="excerpt">
          {summary.excerpt}
        </dd>
      )}
    </dl>
  );
}
