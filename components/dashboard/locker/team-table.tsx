import { useId, useState } from 'preact/hooks';
import type { TeamEntry } from '../../../lib/locker/team-listing';
import { useI18n } from '../../i18n-context';
import { caseTitles, groupByMonitor } from './team-groups';

interface Props {
  entries: TeamEntry[];
  chosen: TeamEntry | null;
  onChoose: (entry: TeamEntry) => void;
}

/**
 * The bucket's packages by monitor (key fingerprint), then date, with a case filter. What is
 * shown comes from each package's signed index (or, for older uploads, the object's metadata):
 * a listing, not evidence — the package itself is verified when chosen.
 */
export function TeamTable({ entries, chosen, onChoose }: Props) {
  const { t, tn, formatDate, formatBytes } = useI18n();
  const caseId = useId();
  const [caseTitle, setCaseTitle] = useState<string | null>(null);
  const groups = groupByMonitor(entries, caseTitle);
  const titles = caseTitles(entries);
  if (entries.length === 0)
    return (
      <p class="muted" data-testid="pull-empty">
        {t('pullEmpty')}
      </p>
    );
  return (
    <div data-testid="pull-list">
      <div class="field">
        <label class="field-label" for={caseId}>
          {t('pullCaseFilter')}
        </label>
        <select
          id={caseId}
          value={caseTitle ?? ''}
          onChange={(e) => setCaseTitle((e.currentTarget as HTMLSelectElement).value || null)}
        >
          <option value="">{t('pullAllCases')}</option>
          {titles.map((title) => (
            <option key={title} value={title}>
              {title}
            </option>
          ))}
        </select>
      </div>
      {groups.map((group) => (
        <section
          key={group.fingerprint}
          data-testid="pull-monitor"
          data-fingerprint={group.fingerprint}
        >
          <h2>
            {t('pullMonitor')} <span class="mono fingerprint">{group.fingerprint}</span>
          </h2>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('pullDate')}</th>
                <th scope="col">{t('pullCases')}</th>
                <th scope="col">{t('pullContents')}</th>
                <th scope="col">{t('pullState')}</th>
                <th scope="col">
                  <span class="visually-hidden">{t('pullAction')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {group.entries.map((entry) => (
                <tr
                  key={entry.packageId}
                  data-testid="pull-row"
                  data-package={entry.packageId}
                  aria-current={chosen?.packageId === entry.packageId ? 'true' : undefined}
                >
                  <td>{formatDate(entry.facts?.created ?? entry.day)}</td>
                  <td>
                    {(entry.facts?.cases ?? []).map((c) => c.title).join('; ') || t('pullNoCase')}
                  </td>
                  <td>
                    {entry.facts ? tn('countCaptures', entry.facts.captures) : '?'}
                    {entry.size !== null && <> · {formatBytes(entry.size)}</>}
                  </td>
                  <td>
                    {entry.key === null
                      ? t('pullNotArrived')
                      : entry.source === 'index'
                        ? t('pullSignedIndex')
                        : entry.source === 'metadata'
                          ? t('pullMetadataOnly')
                          : t('pullNoIndex')}
                    {entry.indexProblem && (
                      <span class="error" data-testid="pull-index-problem">
                        {' '}
                        {t(`pullIndexProblem_${entry.indexProblem}`)}
                      </span>
                    )}
                  </td>
                  <td>
                    {entry.key !== null && (
                      <button type="button" onClick={() => onChoose(entry)}>
                        {t('pullVerify')}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
    </div>
  );
}
