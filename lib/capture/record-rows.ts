import type { Translate } from '../i18n/translator';
import type { ExtractedRecord } from '../platforms/record';

export type RecordRow = [label: string, value: string];

/**
 * The extracted record as labelled rows in the reader's language — what the platform itself said
 * the page shows: who, when, the text, the counts, the account's state, the notice's words.
 * Shared by the dashboard and the reports in packages; empty values are left out.
 */
export function recordRows(
  record: ExtractedRecord,
  t: Translate,
  format: { time: (iso: string) => string; number: (n: number) => string },
): RecordRow[] {
  const n = (v: number | null | undefined) =>
    v === null || v === undefined ? null : format.number(v);
  const who = (a: { name: string | null; handle: string | null; id: string | null }) =>
    [a.name, a.handle && `@${a.handle.replace(/^@/, '')}`, a.id && `id ${a.id}`]
      .filter(Boolean)
      .join(' · ');
  const { post, account, notice } = record;
  const rows: Array<[string, string | null | undefined]> = [
    [t('fieldPlatform'), t(`platform_${record.platform}`)],
    [t('fieldKind'), t(`kind_${record.kind}`)],
    [t('fieldUrl'), record.canonicalUrl ?? record.url],
    ...(post
      ? ([
          [t('fieldAuthor'), who(post.author)],
          [t('fieldPublished'), post.publishedAt && format.time(post.publishedAt)],
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
        ] as Array<[string, string | null]>)
      : []),
    ...(account
      ? ([
          [t('fieldAccount'), who(account)],
          [t('fieldState'), t(`state_${account.state}`)],
          [t('fieldBio'), account.bio],
          [t('fieldFollowers'), n(account.followers)],
          [t('fieldFollowing'), n(account.following)],
          [t('fieldPosts'), n(account.posts)],
        ] as Array<[string, string | null]>)
      : []),
    ...(notice
      ? ([
          [t('fieldNotice'), t(`notice_${notice.type}`)],
          [t('fieldNoticeMessage'), notice.message],
          [t('fieldCountries'), notice.countries?.join(', ')],
        ] as Array<[string, string | null | undefined]>)
      : []),
    [t('fieldPageText'), record.text],
    [t('fieldWarnings'), record.warnings.join('; ')],
    [t('fieldExtractor'), `${record.extractor.name} ${record.extractor.version}`],
  ];
  return rows.filter((r): r is RecordRow => typeof r[1] === 'string' && r[1] !== '');
}
