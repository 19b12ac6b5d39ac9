// At export (or later, `dalel stamp`): the SHA-256 of statement.sig stamped by every configured
// TSA at once. A TSA that fails is recorded, never fatal: the package is written without its
// token and says so.
import { sha256 } from '../sha256';
import { TIMESTAMPS, timestampsReadme, type StampSummary } from './annex';
import type { Transport } from './http';
import { stampDigest } from './stamp';
import { parseCertificate, pemCertificates } from './x509';

/** A TSA as the monitor configured it: where to ask, and which CA its tokens must chain to. */
export interface TsaSetting {
  url: string;
  name: string;
  /** PEM text of the trusted CA certificate(s). */
  caPem: string;
}

export interface StampedAnnex {
  entries: { name: string; data: Uint8Array }[];
  summary: StampSummary[];
}

export async function stampStatement(
  signature: Uint8Array,
  tsas: readonly TsaSetting[],
  transport: Transport,
  options: { firstNumber?: number; keepUntrusted?: boolean } = {},
): Promise<StampedAnnex> {
  const digest = await sha256(signature);
  const outcomes = await Promise.all(
    tsas.map(async (tsa) => {
      let anchors;
      try {
        anchors = pemCertificates(tsa.caPem).map(parseCertificate);
      } catch (error) {
        return {
          ok: false as const,
          url: tsa.url,
          code: 'bad_ca',
          message: `the configured CA certificate cannot be read: ${(error as Error).message}`,
        };
      }
      return stampDigest(tsa.url, digest, transport, {
        anchors,
        keepUntrusted: options.keepUntrusted,
      });
    }),
  );
  let n = options.firstNumber ?? 1;
  const entries: StampedAnnex['entries'] = [];
  const summary = outcomes.map((o): StampSummary => {
    if (!o.ok) return { url: o.url, ok: false, code: o.code, reason: o.message };
    const file = TIMESTAMPS.token(n++);
    entries.push({ name: file, data: o.token });
    return {
      url: o.url,
      ok: true,
      file,
      time: o.result.time!,
      tsa: o.result.tsa ?? undefined,
      ...(o.result.status === 'untrusted' ? { untrusted: true } : {}),
    };
  });
  if (tsas.length)
    entries.push({
      name: TIMESTAMPS.readme,
      data: new TextEncoder().encode(timestampsReadme(summary)),
    });
  return { entries, summary };
}
