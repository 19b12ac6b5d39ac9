import { AwsV4Signer } from 'aws4fetch';
import { opTarget, type RequestSigner, type S3Op, type SignedRequest } from './s3-op';

export interface S3Credentials {
  accessKeyId: string;
  secretAccessKey: string;
}

export interface Bucket {
  endpoint: string;
  bucket: string;
  region: string;
}

/**
 * Signs each operation with an S3 access key (AWS Signature Version 4 in the Authorization
 * header, through aws4fetch's signer). Package bodies are `UNSIGNED-PAYLOAD`: hashing a 1 GB body
 * with SHA-256 before sending it would double the work, and Content-MD5 already makes the server
 * check every byte it stores. A small body whose content matters (a retention date) carries its
 * own SHA-256 in `x-amz-content-sha256`, which is then signed.
 */
export function keySigner(
  bucket: Bucket,
  credentials: S3Credentials,
  now: () => Date = () => new Date(),
): RequestSigner {
  return {
    kind: 'key',
    async sign(op: S3Op): Promise<SignedRequest> {
      const { method, url } = opTarget(bucket.endpoint, bucket.bucket, op);
      const signer = new AwsV4Signer({
        method,
        url,
        headers: { 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD', ...op.headers },
        accessKeyId: credentials.accessKeyId,
        secretAccessKey: credentials.secretAccessKey,
        service: 's3',
        region: bucket.region,
        datetime: amzDate(now()),
      });
      const signed = await signer.sign();
      return {
        method,
        url: signed.url.toString(),
        headers: Object.fromEntries(signed.headers.entries()),
        expiresAt: null,
      };
    },
  };
}

/** `YYYYMMDDTHHMMSSZ`, as SigV4 dates are written. */
export function amzDate(at: Date): string {
  return at.toISOString().replace(/[:-]|\.\d{3}/g, '');
}
