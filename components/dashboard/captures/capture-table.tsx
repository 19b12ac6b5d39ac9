import type { CaptureHit } from '../../../lib/search/capture-index';
import { useI18n } from '../../i18n-context';
import { ShortHash } from '../../ui/short-hash';
import { useNames } from '../../ui/use-names';
import { href } from '../route';
import { Thumbnail } from './thumbnail';

/**
 * Captures as rows: a thumbnail of the screenshot, when, where, who, the first words, whom and
 * which case it is tagged to (by name), the hash; each opens its detail.
 */
export function CaptureTable({
  hits,
  selected,
  onToggle,
}: {
  hits: readonly CaptureHit[];
  /** With a selection (export), each row gets a checkbox. */
  selected?: ReadonlySet<string>;
  onToggle?: (id: string) => void;
}) {
  const { t, formatTime } = useI18n();
  const names = useNames();
  return (
    <div class="table-wrap">
      <table class="table stack" data-testid="capture-table">
        <thead>
          <tr>
            {selected && <th scope="col">{t('select')}</th>}
            <th scope="col">
              <span class="visually-hidden">{t('colScreenshot')}</span>
            </th>
            <th scope="col">{t('colCaptured')}</th>
            <th scope="col">{t('colWhat')}</th>
            <th scope="col">{t('colAuthor')}</th>
            <th scope="col">{t('colText')}</th>
            <th scope="col">{t('colTaggedTo')}</th>
            <th scope="col">{t('colHash')}</th>
          </tr>
        </thead>
        <tbody>
          {hits.map((hit) => (
            <tr key={hit.id}>
              {selected && (
                <td>
                  <input
                    type="checkbox"
                    checked={selected.has(hit.id)}
                    onChange={() => onToggle?.(hit.id)}
                    aria-label={t('selectCapture', hit.excerpt || hit.url)}
                  />
                </td>
              )}
              <td class="thumb-cell">
                <Thumbnail sha256={hit.screenshot} label={hit.author ?? hit.url} />
              </td>
              <td class="nowrap">
                <a href={href('captures', hit.id)}>{formatTime(hit.sealedAt)}</a>
              </td>
              <td>
                {t(`platform_${hit.platform}`)} · {t(`kind_${hit.kind}`)}
                {hit.categories.map((c) => (
                  <span key={c} class="badge">
                    {t(`category_${c}`)}
                  </span>
                ))}
              </td>
              <td>{hit.author ?? '—'}</td>
              <td class="excerpt-cell">{hit.excerpt}</td>
              <td data-testid="tagged-to">
                {[
                  ...hit.personIds.map((id) => names.person(id) ?? t('unknownPerson')),
                  ...hit.caseIds.map((id) => names.case(id) ?? t('unknownCase')),
                ].join(' · ') || '—'}
              </td>
              <td>
                <ShortHash seal={hit.seal} copy={false} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
