import { recordRows } from '../../../lib/capture/record-rows';
import type { ExtractedRecord } from '../../../lib/platforms/record';
import { useI18n } from '../../i18n-context';

/** The extracted record as labelled fields: what the platform itself said the page shows. */
export function RecordFields({ record }: { record: ExtractedRecord }) {
  const { t, formatTime, formatNumber } = useI18n();
  const rows = recordRows(record, t, { time: formatTime, number: formatNumber });
  return (
    <dl class="fields" data-testid="record-fields">
      {rows.map(([label, value]) => (
        <div key={label} class="field-row">
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
