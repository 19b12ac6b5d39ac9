import type { ExtractedRecord } from '../../../lib/platforms/record';
import { useI18n } from '../../i18n-context';

type Row = [label: string, value: string | number | null | undefined];

/** The extracted record as labelled fields: what the platform itself said the page shows. */
export function RecordFields({ record }: { record: ExtractedRecord }) {
  const { t, formatTime, formatNumber } = useI18n();
  const n = (v: number | null | undefined) =>
    v === null || v === undefined ? null : formatNumber(v);
  const who = (a: { name: string | null; handle: string | null; id: string | null }) =>
    [a.name, a.handle && `@${a.handle.replace(/^@/, '')}`, a.id && `id ${a.id}`]
      .filter(Boolean)
      .join(' · ');
  const { post, account, notice } = record;
  const rows: Row[] = [
    [t('fieldPlatform'), t(`platform_${record.platform}`)],
    [t('fieldKind'), t(`kind_${record.kind}`)],
    [t('fieldUrl'), record.canonicalUrl ?? record.url],
    ...(post
      ? ([
          [t('fieldAuthor'), who(post.author)],
          [t('fieldPublished'), post.publishedAt && formatTime(post.publishedAt)],
          [t('fieldPostId'), post.id],
          [t('fieldText'), post.text],
          [
            t('fieldRepostOf'),
            post.repostOf && `${who(post.repostOf.author)}: ${post.repostOf.text ?? ''}`,
          ],
          [t('fieldLikes'), n(post.counts.likes)],
          [t('fieldComments'), n(post.counts.comments)],
          [t('fieldShares'), n(post.counts.shares)],
          [t('fieldViews'), n(post.counts.views)],
          [t('fieldHashtags'), post.hashtags.join(' ')],
        ] as Row[])
      : []),
    ...(account
      ? ([
          [t('fieldAccount'), who(account)],
          [t('fieldState'), t(`state_${account.state}`)],
          [t('fieldBio'), account.bio],
          [t('fieldFollowers'), n(account.followers)],
          [t('fieldFollowing'), n(account.following)],
          [t('fieldPosts'), n(account.posts)],
        ] as Row[])
      : []),
    ...(notice
      ? ([
          [t('fieldNotice'), t(`notice_${notice.type}`)],
          [t('fieldNoticeMessage'), notice.message],
          [t('fieldCountries'), notice.countries?.join(', ')],
        ] as Row[])
      : []),
    [t('fieldPageText'), record.text],
    [t('fieldWarnings'), record.warnings.join('; ')],
    [t('fieldExtractor'), `${record.extractor.name} ${record.extractor.version}`],
  ];
  return (
    <dl class="fields" data-testid="record-fields">
      {rows
        .filter(([, v]) => v !== null && v !== undefined && v !== '')
        .map(([label, value]) => (
          <div key={label} class="field-row">
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
    </dl>
  );
}
