// The time-stamp part of a report as English lines, for the CLI and verify.html. Built from the
// codes and parameters only (codes.ts), so a translation replaces the table, not this.
import { tokenMessage } from './codes';
import type { TimestampReport } from './check-package';

export interface TimestampLine {
  mark: 'ok' | 'bad' | 'untrusted' | 'note';
  text: string;
}

export function timestampSummary(report: TimestampReport | null): string {
  const e = report?.earliest;
  if (e) return `Trusted time: signed no later than ${e.time}, by ${e.tsa} (${e.file}).`;
  if (report?.tokens.some((t) => t.captureId === null))
    return 'Not time-stamped: no trusted token over statement.sig; its time is the signer’s own claim.';
  return 'Not time-stamped: the package carries no time-stamp token; its time is the signer’s own claim.';
}

export function timestampLines(report: TimestampReport | null): TimestampLine[] {
  const lines: TimestampLine[] = [];
  for (const t of report?.tokens ?? []) {
    const mark = t.status === 'trusted' ? 'ok' : t.status === 'untrusted' ? 'untrusted' : 'bad';
    const when =
      t.status !== 'trusted' && t.time ? ` (token says ${t.time}${t.tsa ? `, ${t.tsa}` : ''})` : '';
    const what = t.captureId ? ` [${t.covers}]` : '';
    lines.push({ mark, text: `${t.file}${what}: ${tokenMessage(t.code, t.params)}${when}` });
    for (const n of t.notes)
      lines.push({ mark: 'note', text: `${t.file}: ${tokenMessage(n.code, n.params)}` });
  }
  return lines;
}

export const MARKS: Record<TimestampLine['mark'], string> = {
  ok: '✔',
  bad: '✘',
  untrusted: '?',
  note: '·',
};
