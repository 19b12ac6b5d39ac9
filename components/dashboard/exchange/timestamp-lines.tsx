import type { TimestampReport } from '../../../lib/evidence/timestamp/check-package';
import {
  timestampLines,
  timestampSummary,
  type TimestampWords,
} from '../../../lib/evidence/timestamp/format';

const MARK = { ok: '✓', bad: '✗', untrusted: '?', note: '·' } as const;
const CLASS = { ok: 'check-ok', bad: 'check-bad', untrusted: 'check-note', note: 'check-note' };

/** A verified package's trusted time (or that it has none) and one line per time-stamp token. */
export function TimestampLines({
  report,
  words,
}: {
  report: TimestampReport | null;
  words: TimestampWords;
}) {
  const lines = timestampLines(report, words);
  return (
    <div data-testid="verify-timestamps">
      <p class={report?.earliest ? 'ok' : 'muted'}>{timestampSummary(report, words)}</p>
      {lines.length > 0 && (
        <ul class="checks">
          {lines.map((line, i) => (
            <li key={i} class={CLASS[line.mark]}>
              <span aria-hidden="true">{MARK[line.mark]}</span> {line.text}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
