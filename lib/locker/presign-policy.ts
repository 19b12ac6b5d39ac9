import { fingerprintOf, verifyEd25519 } from '../evidence/signing';
import { fromBase64 } from '../evidence/hex';
import { toHex } from '../evidence/hex';
import { sha256 } from '../evidence/sha256';
import { monitorPrefix, parsePackageKey } from './object-key';
import { parseRetentionXml } from './retention';
import { packageKeyOfIndex } from './team-index';
import {
  presignEnvelopeSchema,
  presignSigningBytes,
  type PresignRequest,
} from './presign-protocol';

/** What an organisation allows its monitors' devices to do in the bucket. */
export interface PresignPolicy {
  /** Fingerprints of the monitors' signing keys (`dalel` Settings shows each one's). */
  monitors: readonly string[];
  /** Packages must be locked at least this long from now (default ten years). */
  minRetentionDays: number;
  /** How long a link works (default 10 minutes). */
  expiresSeconds: number;
  /** How far a request's time may be from the service's clock (default 5 minutes). */
  maxSkewSeconds: number;
}

export class PolicyRefusal extends Error {
  constructor(
    readonly status: 400 | 403,
    message: string,
  ) {
    super(message);
  }
}

const LOCK_HEADERS = ['x-amz-object-lock-mode', 'x-amz-object-lock-retain-until-date'];
const PROBE_KEY = /^connection-test\/[0-9TZ-]{10,40}\.txt$/;

/**
 * Checks a monitor's signed request against the policy and answers who asked, or throws a
 * PolicyRefusal saying why not. Only writes under the monitor's own prefix, only with Object Lock
 * in COMPLIANCE mode and at least the organisation's retention, only with Content-MD5; and HEAD
 * of its own objects (to confirm an upload). Never a delete of a stored version, never a read.
 */
export async function checkPresignRequest(
  body: unknown,
  policy: PresignPolicy,
  now: Date,
): Promise<{ request: PresignRequest; fingerprint: string }> {
  const parsed = presignEnvelopeSchema.safeParse(body);
  if (!parsed.success) throw new PolicyRefusal(400, 'not a Dalel presign request');
  const { request, signature } = parsed.data;
  const publicKey = fromBase64(request.publicKey);
  const fingerprint = await fingerprintOf(publicKey);
  if (!policy.monitors.includes(fingerprint))
    throw new PolicyRefusal(403, `key ${fingerprint} is not one of this organisation's monitors`);
  if (!(await verifyEd25519(publicKey, fromBase64(signature), presignSigningBytes(request))))
    throw new PolicyRefusal(403, 'the request is not signed by the key it names');
  const skew = Math.abs(Date.parse(request.at) - now.getTime()) / 1000;
  if (!(skew <= policy.maxSkewSeconds))
    throw new PolicyRefusal(
      403,
      `the request's time is ${Math.round(skew)} s from the service's clock`,
    );
  const prefix = monitorPrefix(fingerprint);
  if (!request.key.startsWith(prefix))
    throw new PolicyRefusal(403, `only keys under ${prefix} may be written`);
  const probe = PROBE_KEY.test(request.key.slice(prefix.length));
  const indexOf = packageKeyOfIndex(request.key);
  const pkg = parsePackageKey(indexOf ?? request.key);
  if (!probe && pkg?.fingerprint !== fingerprint)
    throw new PolicyRefusal(403, `${request.key} is not a package key`);
  // A package's team index is one small locked PUT, nothing else.
  if (indexOf && request.op !== 'put')
    throw new PolicyRefusal(403, `only a PUT may write the index ${request.key}`);
  checkHeaders(request, policy, now, probe);
  if (request.op === 'put-retention') await checkRetentionBody(request, policy, now);
  return { request, fingerprint };
}

/** The retention a monitor may set on a version: COMPLIANCE, at least the policy's days. */
async function checkRetentionBody(
  request: PresignRequest,
  policy: PresignPolicy,
  now: Date,
): Promise<void> {
  const parsed = parseRetentionXml(request.body!);
  if (!parsed || parsed.mode !== 'COMPLIANCE')
    throw new PolicyRefusal(403, 'retention must be COMPLIANCE');
  if (!(Date.parse(parsed.until) >= now.getTime() + (policy.minRetentionDays - 1) * 86_400_000))
    throw new PolicyRefusal(
      403,
      `uploads must be retained for at least ${policy.minRetentionDays} days`,
    );
  // The link is bound to this exact body: the signed payload hash must be its SHA-256.
  const hash = toHex(await sha256(new TextEncoder().encode(request.body!)));
  if (request.headers['x-amz-content-sha256'] !== hash)
    throw new PolicyRefusal(400, "the payload hash is not the body's");
}

function checkHeaders(
  request: PresignRequest,
  policy: PresignPolicy,
  now: Date,
  probe: boolean,
): void {
  const names = Object.keys(request.headers);
  const allowed = (extra: (name: string) => boolean) => {
    const stray = names.find((n) => !extra(n));
    if (stray) throw new PolicyRefusal(400, `header ${stray} is not allowed for ${request.op}`);
  };
  const need = (name: string) => {
    if (!request.headers[name]) throw new PolicyRefusal(400, `${request.op} needs ${name}`);
  };
  const needUpload = () => {
    if (!request.uploadId) throw new PolicyRefusal(400, `${request.op} needs an upload id`);
  };
  const isMeta = (n: string) => n.startsWith('x-amz-meta-dalel-');
  switch (request.op) {
    case 'put':
    case 'create-multipart': {
      if (request.op === 'create-multipart' && probe)
        throw new PolicyRefusal(400, 'a connection test is one small PUT');
      allowed(
        (n) =>
          n === 'content-md5' ||
          n === 'content-type' ||
          n === 'x-amz-acl' ||
          LOCK_HEADERS.includes(n) ||
          isMeta(n),
      );
      // The one ACL allowed is the one giving the organisation its monitors' packages.
      if (
        request.headers['x-amz-acl'] !== undefined &&
        request.headers['x-amz-acl'] !== 'bucket-owner-full-control'
      )
        throw new PolicyRefusal(403, 'the only ACL allowed is bucket-owner-full-control');
      if (request.op === 'put') need('content-md5');
      LOCK_HEADERS.forEach(need);
      if (request.headers['x-amz-object-lock-mode'] !== 'COMPLIANCE')
        throw new PolicyRefusal(403, 'uploads must be locked in COMPLIANCE mode');
      const days = probe ? 1 : policy.minRetentionDays;
      // One day of slack for clocks and for a queue that signed its date a little earlier.
      const least = now.getTime() + (days - 1) * 86_400_000;
      if (!(Date.parse(request.headers['x-amz-object-lock-retain-until-date']!) >= least))
        throw new PolicyRefusal(403, `uploads must be retained for at least ${days} days`);
      return;
    }
    case 'upload-part':
      needUpload();
      if (!request.partNumber) throw new PolicyRefusal(400, 'upload-part needs a part number');
      allowed((n) => n === 'content-md5');
      need('content-md5');
      return;
    case 'complete-multipart':
      needUpload();
      allowed((n) => n === 'content-md5' || n === 'content-type');
      return;
    case 'put-retention':
      if (!request.versionId || request.body === undefined)
        throw new PolicyRefusal(400, 'put-retention needs a version and a body');
      allowed((n) => n === 'content-md5' || n === 'content-type' || n === 'x-amz-content-sha256');
      need('x-amz-content-sha256');
      return;
    case 'abort-multipart':
    case 'head':
      if (request.op === 'abort-multipart') needUpload();
      allowed(() => false);
      return;
  }
}
