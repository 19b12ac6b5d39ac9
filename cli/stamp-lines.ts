import type { StampSummary } from '../lib/evidence/timestamp/annex';

/** One line per TSA asked: the token written, or why the package is not time-stamped by it. */
export function stampLines(summary: readonly StampSummary[]): string[] {
  return summary.map((s) =>
    s.ok
      ? `Time-stamped by ${s.tsa ?? s.url} at ${s.time} → ${s.file}${s.untrusted ? ' (WARNING: its CA is not trusted here; a lawyer needs it: dalel verify --tsa-ca <ca.pem>)' : ''}`
      : `NOT time-stamped by ${s.url}: ${s.reason ?? s.code}`,
  );
}
