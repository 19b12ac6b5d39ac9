// The trusted-time part of verify.html: the earliest trusted time (or that there is none) and
// one line per token; CA certificates the lawyer chooses are trusted besides the shipped roots.
import type { TimestampReport } from '../timestamp/check-package';
import { MARKS, timestampLines, timestampSummary, type TimestampWords } from '../timestamp/format';
import { shippedAnchors } from '../timestamp/known-tsas';
import { parseCertificate, pemCertificates, type Certificate } from '../timestamp/x509';

export async function timestampAnchors(input: HTMLInputElement): Promise<Certificate[]> {
  const extra: Certificate[] = [];
  for (const file of Array.from(input.files ?? [])) {
    const text = await file.text();
    extra.push(...pemCertificates(text).map(parseCertificate));
  }
  return [...shippedAnchors(), ...extra];
}

export function timestampView(
  report: TimestampReport | null,
  words: TimestampWords,
): HTMLElement[] {
  const summary = document.createElement('p');
  summary.className = report?.earliest ? 'ok' : 'note';
  summary.textContent = timestampSummary(report, words);
  const list = document.createElement('ul');
  list.id = 'tokens';
  for (const line of timestampLines(report, words)) {
    const li = document.createElement('li');
    li.className = line.mark;
    li.textContent = `${MARKS[line.mark]} ${line.text}`;
    list.append(li);
  }
  return [summary, list];
}
