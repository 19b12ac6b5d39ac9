import type { Signer } from '../evidence/signing';
import { LockerError } from './errors';
import { presignAnswerSchema, signPresignRequest } from './presign-protocol';
import type { Bucket } from './key-signer';
import { opTarget, type RequestSigner, type S3Op, type SignedRequest } from './s3-op';

export interface PresignSignerOptions {
  serviceUrl: string;
  /** Where the links must point: anything else from the service is refused, never followed. */
  bucket: Bucket;
  /** The monitor's package-signing key: it authenticates the request to the service. */
  signer: Signer;
  fetch?: typeof fetch;
  now?: () => Date;
}

/**
 * Asks the organisation's service for a presigned link per S3 operation. The service's refusal
 * ("not one of our monitors", "retention too short") comes back as `service_refused` with its
 * own words; an unreachable service as `unreachable`.
 */
export function presignSigner(options: PresignSignerOptions): RequestSigner {
  const fetchFn = options.fetch ?? fetch;
  const now = options.now ?? (() => new Date());
  return {
    kind: 'presigned',
    async sign(op: S3Op): Promise<SignedRequest> {
      if (op.op === 'get' || op.op === 'list')
        throw new LockerError(
          'service_refused',
          `${op.op}: the presigning service only signs uploads`,
        );
      const envelope = await signPresignRequest(op, options.signer, now());
      let response: Response;
      try {
        response = await fetchFn(options.serviceUrl, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(envelope),
          credentials: 'omit',
          cache: 'no-store',
          signal: AbortSignal.timeout(30_000),
        });
      } catch (error) {
        throw new LockerError('unreachable', `presigning service: ${(error as Error).message}`);
      }
      const text = await response.text();
      if (!response.ok) {
        let message = text.slice(0, 300);
        try {
          message = String((JSON.parse(text) as { error?: unknown }).error ?? message);
        } catch {
          // not JSON: keep the text
        }
        throw new LockerError(
          response.status >= 500 ? 'server' : 'service_refused',
          `presigning service (HTTP ${response.status}): ${message}`,
        );
      }
      let answer;
      try {
        answer = presignAnswerSchema.parse(JSON.parse(text));
      } catch {
        throw new LockerError(
          'service_refused',
          'presigning service: an answer that is not a presigned request',
        );
      }
      const target = opTarget(options.bucket.endpoint, options.bucket.bucket, op);
      const expectedPath = target.url.split('?')[0]!;
      if (answer.method !== target.method || answer.url.split('?')[0] !== expectedPath)
        throw new LockerError(
          'service_refused',
          `presigning service: a link to ${answer.method} ${answer.url.split('?')[0]}, not ${target.method} ${expectedPath}`,
        );
      return {
        method: answer.method,
        url: answer.url,
        headers: answer.headers,
        expiresAt: Date.parse(answer.expiresAt),
      };
    },
  };
}
