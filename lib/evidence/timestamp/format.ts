// The time-stamp part of a report as lines, for the CLI, verify.html and the dashboard. Built from
// the codes and parameters only (codes.ts), so a language is a table of words, not new logic.
import { TOKEN_MESSAGES_EN, tokenMessage, type TokenMessages } from './codes';
import type { TimestampReport } from './check-package';

export interface TimestampLine {
  mark: 'ok' | 'bad' | 'untrusted' | 'note';
  text: string;
}

/** Everything the time-stamp view says, in one language. */
export interface TimestampWords {
  tokens: TokenMessages;
  trustedTime: (p: { time: string; tsa: string; file: string }) => string;
  /** Tokens over captures only, none trusted over statement.sig. */
  notOverSignature: string;
  notStamped: string;
  /** What an untrusted or broken token claims, put after its line. */
  tokenSays: (p: { time: string; tsa: string | null }) => string;
}

export const TIMESTAMP_WORDS_EN: TimestampWords = {
  tokens: TOKEN_MESSAGES_EN,
  trustedTime: (p) => `Trusted time: signed no later than ${p.time}, by ${p.tsa} (${p.file}).`,
  notOverSignature:
    'Not time-stamped: no trusted token over statement.sig; its time is the signer’s own claim.',
  notStamped:
    'Not time-stamped: the package carries no time-stamp token; its time is the signer’s own claim.',
  tokenSays: (p) => ` (token says ${p.time}${p.tsa ? `, ${p.tsa}` : ''})`,
};

export function timestampSummary(
  report: TimestampReport | null,
  words: TimestampWords = TIMESTAMP_WORDS_EN,
): string {
  const e = report?.earliest;
  if (e) return words.trustedTime(e);
  if (report?.tokens.some((t) => t.captureId === null)) return words.notOverSignature;
  return words.notStamped;
}

export function timestampLines(
  report: TimestampReport | null,
  words: TimestampWords = TIMESTAMP_WORDS_EN,
): TimestampLine[] {
  const lines: TimestampLine[] = [];
  for (const t of report?.tokens ?? []) {
    const mark = t.status === 'trusted' ? 'ok' : t.status === 'untrusted' ? 'untrusted' : 'bad';
    const when =
      t.status !== 'trusted' && t.time ? words.tokenSays({ time: t.time, tsa: t.tsa ?? null }) : '';
    const what = t.captureId ? ` [${t.covers}]` : '';
    lines.push({
      mark,
      text: `${t.file}${what}: ${tokenMessage(t.code, t.params, words.tokens)}${when}`,
    });
    for (const n of t.notes)
      lines.push({
        mark: 'note',
        text: `${t.file}: ${tokenMessage(n.code, n.params, words.tokens)}`,
      });
  }
  return lines;
}

export const MARKS: Record<TimestampLine['mark'], string> = {
  ok: '✔',
  bad: '✘',
  untrusted: '?',
  note: '·',
};
