// Public TSAs offered in Settings → Trusted time, each with the root its tokens chain to (the
// intermediate CAs come inside the tokens, which Dalel always requests with the certificate).
// Chosen from those Bellingcat's auto-archiver uses by default and that chain to a root in
// Mozilla's list. Not contacted from the development machine (no network there): if a TSA changes
// its hierarchy, the Settings test stamp says so before any evidence depends on it.
import { fromBase64 } from '../hex';
import { TSA_ROOTS } from './tsa-roots';
import { certificatePem, parseCertificate, pemCertificates, type Certificate } from './x509';

export interface KnownTsa {
  id: string;
  name: string;
  url: string;
  /** Root certificates (PEM) a token from this TSA must chain to. */
  roots: string[];
}

const pem = (body: string) => certificatePem(fromBase64(body));

export const KNOWN_TSAS: readonly KnownTsa[] = [
  {
    id: 'digicert',
    name: 'DigiCert',
    url: 'http://timestamp.digicert.com',
    roots: [pem(TSA_ROOTS.digicertG4)],
  },
  {
    id: 'globalsign',
    name: 'GlobalSign',
    url: 'http://timestamp.globalsign.com/tsa/r6advanced1',
    roots: [pem(TSA_ROOTS.globalsignR6)],
  },
  {
    id: 'sectigo',
    name: 'Sectigo',
    url: 'http://timestamp.sectigo.com',
    roots: [pem(TSA_ROOTS.usertrustRsa)],
  },
  {
    id: 'sslcom',
    name: 'SSL.com',
    url: 'http://ts.ssl.com',
    roots: [pem(TSA_ROOTS.sslcomEcc), pem(TSA_ROOTS.sslcomRsa)],
  },
];

let shipped: Certificate[] | undefined;

/** The roots of every known TSA, parsed: what verifiers trust by default. */
export function shippedAnchors(): Certificate[] {
  shipped ??= Object.values(TSA_ROOTS).map((b) => parseCertificate(fromBase64(b)));
  return shipped;
}

/**
 * What this installation trusts: the shipped roots and the CAs of the TSAs the monitor added
 * (by their PEM). The import and the dashboard's preview both use it, so a package the preview
 * calls time-stamped is the one the import accepts as time-stamped.
 */
export function trustedAnchors(configured: readonly { caPem: string }[]): Certificate[] {
  return [
    ...shippedAnchors(),
    ...configured.flatMap((t) => pemCertificates(t.caPem).map(parseCertificate)),
  ];
}
