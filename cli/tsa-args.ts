import { existsSync, readFileSync } from 'node:fs';
import { KNOWN_TSAS, shippedAnchors } from '../lib/evidence/timestamp/known-tsas';
import type { TsaSetting } from '../lib/evidence/timestamp/stamp-statement';
import {
  parseCertificate,
  pemCertificates,
  type Certificate,
} from '../lib/evidence/timestamp/x509';
import { UsageError } from './command';

/** PEM text of every `--tsa-ca` file (checked to hold at least one certificate). */
export function tsaCaPem(files: readonly string[] | undefined): string {
  let pem = '';
  for (const file of files ?? []) {
    if (!existsSync(file)) throw new UsageError(`--tsa-ca: no such file ${file}`);
    const text = readFileSync(file, 'utf8');
    let certs: Uint8Array[];
    try {
      certs = pemCertificates(text);
      certs.forEach(parseCertificate);
    } catch (error) {
      throw new UsageError(`--tsa-ca: ${file}: ${(error as Error).message}`);
    }
    if (certs.length === 0) throw new UsageError(`--tsa-ca: ${file} holds no PEM certificate`);
    pem += text.endsWith('\n') ? text : `${text}\n`;
  }
  return pem;
}

/** Trust for verifying: the shipped TSA roots plus every `--tsa-ca`. */
export function tsaAnchors(files: readonly string[] | undefined): Certificate[] {
  return [...shippedAnchors(), ...pemCertificates(tsaCaPem(files)).map(parseCertificate)];
}

/**
 * TSAs to stamp with: each `--tsa` URL, checked against `--tsa-ca` when given, else against the
 * shipped roots (a token that chains to neither is kept with a warning: the verifier will say
 * it is untrusted until the lawyer passes the CA).
 */
export function tsaSettings(
  urls: readonly string[] | undefined,
  caFiles: readonly string[] | undefined,
): { tsas: TsaSetting[]; keepUntrusted: boolean } {
  const given = tsaCaPem(caFiles);
  const caPem = given || KNOWN_TSAS.flatMap((t) => t.roots).join('');
  const tsas = (urls ?? []).map((url) => {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new UsageError(`--tsa: "${url}" is not a URL`);
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
      throw new UsageError(`--tsa: "${url}" is not an http(s) URL`);
    return { url, name: parsed.host, caPem };
  });
  return { tsas, keepUntrusted: !given };
}
