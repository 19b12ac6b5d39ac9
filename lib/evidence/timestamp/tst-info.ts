// RFC 3161: TimeStampResp (status + token) and TSTInfo (what the TSA asserts: the imprint, the
// time, the serial, the policy, the nonce).
import {
  bitFlags,
  boolean,
  expect,
  children,
  ctx,
  explicit,
  DerError,
  integerHex,
  octets,
  oid,
  parseDer,
  Reader,
  smallInt,
  TAG,
  text,
  time,
  type Der,
} from './der';
import { algorithmId } from './x509';
import { nameText } from './x509';

export interface TstInfo {
  policy: string;
  imprintAlgorithm: string;
  imprint: Uint8Array;
  serialHex: string;
  genTime: Date;
  /** Accuracy in milliseconds, when stated. */
  accuracyMs: number | null;
  ordering: boolean;
  nonceHex: string | null;
  /** The TSA's name as the token states it (informative only). */
  tsaName: string | null;
}

export interface TimeStampResponse {
  /** PKIStatus: 0 granted, 1 granted with modifications, 2 rejection, … */
  status: number;
  statusText: string[];
  /** The token (a CMS ContentInfo), absent when refused. */
  token: Der | null;
}

/**
 * A TimeStampResp, or a bare token (ContentInfo, as `openssl ts -token_out` writes it): both are
 * accepted and a bare token counts as granted.
 */
export function parseResponse(bytes: Uint8Array): TimeStampResponse {
  const root = parseDer(bytes);
  const items = children(root, TAG.sequence);
  if (items[0]?.tag === TAG.oid) return { status: 0, statusText: [], token: root };
  const r = new Reader(root);
  const info = new Reader(r.take(TAG.sequence, 'PKIStatusInfo'));
  const status = smallInt(info.take(TAG.integer, 'status'));
  const textNode = info.optional(TAG.sequence);
  const statusText = textNode ? children(textNode).map((t) => text(expect(t, TAG.utf8String))) : [];
  const failInfo = info.optional(TAG.bitString);
  if (failInfo) bitFlags(failInfo);
  info.end('PKIStatusInfo');
  const token = r.optional(TAG.sequence);
  r.end('TimeStampResp');
  return { status, statusText, token };
}

export function parseTstInfo(bytes: Uint8Array): TstInfo {
  const r = new Reader(parseDer(bytes));
  if (smallInt(r.take(TAG.integer, 'version')) !== 1)
    throw new DerError('TSTInfo version is not 1');
  const policy = oid(r.take(TAG.oid, 'policy'));
  const mi = new Reader(r.take(TAG.sequence, 'messageImprint'));
  const imprintAlgorithm = algorithmId(mi.take(TAG.sequence, 'hashAlgorithm')).oid;
  const imprint = octets(mi.take(TAG.octetString, 'hashedMessage'));
  mi.end('MessageImprint');
  const serialHex = integerHex(r.take(TAG.integer, 'serialNumber'));
  const genNode = r.take(TAG.generalizedTime, 'genTime');
  const genTime = time(genNode);
  const accuracyNode = r.optional(TAG.sequence);
  let accuracyMs: number | null = null;
  if (accuracyNode) {
    const a = new Reader(accuracyNode);
    const s = a.optional(TAG.integer);
    const ms = a.optional(ctx(0, false));
    const us = a.optional(ctx(1, false));
    a.end('Accuracy');
    const prim = (n: Der | null) =>
      n ? smallInt({ tag: TAG.integer, value: n.value, raw: n.raw }) : 0;
    accuracyMs = (s ? smallInt(s) : 0) * 1000 + prim(ms) + prim(us) / 1000;
  }
  const orderingNode = r.optional(TAG.boolean);
  const nonceNode = r.optional(TAG.integer);
  const tsaNode = r.optional(ctx(0));
  r.optional(ctx(1, true)); // extensions
  r.end('TSTInfo');
  let tsaName: string | null = null;
  if (tsaNode) {
    const general = explicit(tsaNode, 'tsa');
    // GeneralName directoryName [4] EXPLICIT Name; other forms are shown as absent.
    if (general.tag === ctx(4)) tsaName = nameText(explicit(general, 'directoryName'));
  }
  return {
    policy,
    imprintAlgorithm,
    imprint,
    serialHex,
    genTime,
    accuracyMs,
    ordering: orderingNode ? boolean(orderingNode) : false,
    nonceHex: nonceNode ? integerHex(nonceNode) : null,
    tsaName,
  };
}
