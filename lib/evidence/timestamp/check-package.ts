// The time-stamp part of package verification: every token in the annex (over statement.sig)
// and every listed capture-time token (over its capture's seal), each judged on its own, and
// the earliest trusted time. Nothing here can turn a failed package into a valid one.
import { fromHex } from '../hex';
import { LAYOUT } from '../manifest';
import { annexTokenNumber, captureTokenOwner } from './annex';
import type { TokenCode, TokenParams } from './codes';
import { verifyToken, type TokenResult } from './verify-token';
import type { Certificate } from './x509';

export interface PackageToken extends TokenResult {
  file: string;
  /** `statement.sig`, or the capture whose seal the token covers. */
  covers: string;
  captureId: string | null;
}

export interface TrustedTime {
  time: string;
  tsa: string;
  file: string;
}

export interface TimestampReport {
  tokens: PackageToken[];
  /** Earliest trusted time over statement.sig: the package existed, signed, by then. */
  earliest: TrustedTime | null;
  /** Earliest trusted capture-time stamp per capture. */
  captures: Record<string, TrustedTime>;
}

export interface PackageTimestampInput {
  /** Annex tokens by file name (timestamps/<n>.tsr). */
  annex: Map<string, Uint8Array>;
  /** Listed files kept by the verifier; capture-time tokens are among them. */
  listed: Map<string, Uint8Array>;
  signature: Uint8Array | null;
  /** Each capture's seal (`sha256:<hex>`), from the verified manifest. */
  seals: Map<string, string>;
  /** The signer's stated signing time (statement `created`). */
  created: string | null;
  anchors: readonly Certificate[];
}

/** How far the TSA time may differ from the signer's stated time before it is noted. */
const SKEW_NOTE_MS = 10 * 60 * 1000;

export async function checkPackageTimestamps(
  input: PackageTimestampInput,
): Promise<TimestampReport> {
  const tokens: PackageToken[] = [];
  const annexNames = [...input.annex.keys()].sort(
    (a, b) => (annexTokenNumber(a) ?? 0) - (annexTokenNumber(b) ?? 0),
  );
  for (const file of annexNames) {
    const bytes = input.annex.get(file)!;
    const result = input.signature
      ? await verifyToken(bytes, { bytes: input.signature, name: LAYOUT.signature }, input.anchors)
      : notCovering(LAYOUT.signature);
    if (result.time && input.created) result.notes.push(...skewNotes(result.time, input.created));
    tokens.push({ ...result, file, covers: LAYOUT.signature, captureId: null });
  }
  for (const [file, bytes] of input.listed) {
    const captureId = captureTokenOwner(file);
    if (!captureId) continue;
    const seal = input.seals.get(captureId);
    const result = seal
      ? await verifyToken(
          bytes,
          { sha256: fromHex(seal.slice(7)), name: `the seal of capture ${captureId}` },
          input.anchors,
        )
      : notCovering(`capture ${captureId}`);
    tokens.push({ ...result, file, covers: `capture ${captureId}`, captureId });
  }
  const trusted = (t: PackageToken) => t.status === 'trusted' && t.time !== null;
  const earliestOf = (list: PackageToken[]): TrustedTime | null => {
    const best = list.filter(trusted).sort((a, b) => Date.parse(a.time!) - Date.parse(b.time!))[0];
    return best ? { time: best.time!, tsa: best.tsa ?? '', file: best.file } : null;
  };
  const captures: Record<string, TrustedTime> = {};
  for (const id of new Set(tokens.map((t) => t.captureId).filter((c): c is string => !!c))) {
    const e = earliestOf(tokens.filter((t) => t.captureId === id));
    if (e) captures[id] = e;
  }
  return { tokens, earliest: earliestOf(tokens.filter((t) => t.captureId === null)), captures };
}

function notCovering(covered: string): TokenResult {
  return {
    status: 'invalid',
    code: 'covered_missing',
    params: { covered },
    time: null,
    tsa: null,
    serial: null,
    policy: null,
    nonce: null,
    accuracyMs: null,
    notes: [],
  };
}

function skewNotes(time: string, created: string): { code: TokenCode; params: TokenParams }[] {
  const diff = Date.parse(time) - Date.parse(created);
  const minutes = String(Math.round(Math.abs(diff) / 60_000));
  if (diff > SKEW_NOTE_MS) return [{ code: 'stamped_long_after_signing', params: { minutes } }];
  if (diff < -SKEW_NOTE_MS) return [{ code: 'stamped_before_signing', params: { minutes } }];
  return [];
}
