import { AwsV4Signer } from 'aws4fetch';
import { amzDate, type Bucket, type S3Credentials } from './key-signer';
import { checkPresignRequest, PolicyRefusal, type PresignPolicy } from './presign-policy';
import type { PresignAnswer } from './presign-protocol';
import { opTarget, type S3Op } from './s3-op';

export interface PresignServiceConfig {
  bucket: Bucket;
  credentials: S3Credentials;
  policy: PresignPolicy;
}

export const DEFAULT_POLICY: Omit<PresignPolicy, 'monitors'> = {
  minRetentionDays: 3650,
  expiresSeconds: 600,
  maxSkewSeconds: 300,
};

/**
 * The organisation's presigning service, transport-free: one JSON body in, one status and JSON
 * body out. `dalel locker serve` puts it behind node:http; an organisation can put the same
 * function behind whatever it runs. The credentials stay on the service.
 */
export async function handlePresign(
  body: unknown,
  config: PresignServiceConfig,
  now: Date = new Date(),
): Promise<{ status: number; body: PresignAnswer | { error: string } }> {
  try {
    const { request } = await checkPresignRequest(body, config.policy, now);
    const op = {
      op: request.op,
      key: request.key,
      uploadId: request.uploadId ?? '',
      partNumber: request.partNumber ?? 1,
      versionId: request.versionId ?? null,
      body: request.body ?? '',
      headers: request.headers,
    } as S3Op;
    const target = opTarget(config.bucket.endpoint, config.bucket.bucket, op);
    const url = new URL(target.url);
    url.searchParams.set('X-Amz-Expires', String(config.policy.expiresSeconds));
    const signed = await new AwsV4Signer({
      method: target.method,
      url: url.toString(),
      headers: request.headers,
      accessKeyId: config.credentials.accessKeyId,
      secretAccessKey: config.credentials.secretAccessKey,
      service: 's3',
      region: config.bucket.region,
      signQuery: true,
      datetime: amzDate(now),
    }).sign();
    return {
      status: 200,
      body: {
        method: target.method as PresignAnswer['method'],
        url: signed.url.toString(),
        headers: Object.fromEntries(signed.headers.entries()),
        // X-Amz-Date has whole seconds: the link lives from that second, not from `now`.
        expiresAt: new Date(
          Math.floor(now.getTime() / 1000) * 1000 + config.policy.expiresSeconds * 1000,
        ).toISOString(),
      },
    };
  } catch (error) {
    if (error instanceof PolicyRefusal)
      return { status: error.status, body: { error: error.message } };
    return { status: 500, body: { error: 'the presigning service failed' } };
  }
}
