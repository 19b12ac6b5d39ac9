import { encodeKey } from './object-key';

/**
 * Every S3 call the locker makes, as data. Both ways of being allowed to write sign these same
 * operations: an access key signs them on the device (`key-signer.ts`), the organisation's
 * service presigns them (`presign-signer.ts`, checked by `presign-policy.ts`).
 */
export type S3Op =
  | { op: 'put'; key: string; headers: Record<string, string> }
  | { op: 'create-multipart'; key: string; headers: Record<string, string> }
  | {
      op: 'upload-part';
      key: string;
      uploadId: string;
      partNumber: number;
      headers: Record<string, string>;
    }
  | { op: 'complete-multipart'; key: string; uploadId: string; headers: Record<string, string> }
  | { op: 'abort-multipart'; key: string; uploadId: string; headers: Record<string, string> }
  | { op: 'head'; key: string; headers: Record<string, string> }
  /** PutObjectRetention of one version; `body` is the XML, its SHA-256 signed with the request. */
  | {
      op: 'put-retention';
      key: string;
      /** Null: the newest version (when its id is unknown, e.g. an answer was lost). */
      versionId: string | null;
      body: string;
      headers: Record<string, string>;
    }
  | { op: 'get'; key: string; headers: Record<string, string> }
  | {
      op: 'list';
      prefix: string;
      continuationToken: string | null;
      headers: Record<string, string>;
    };

export type S3OpName = S3Op['op'];

/** A request ready to send: exactly these headers (they are part of the signature). */
export interface SignedRequest {
  method: 'PUT' | 'POST' | 'HEAD' | 'GET' | 'DELETE';
  url: string;
  headers: Record<string, string>;
  /** When a presigned link stops working (ms since epoch); null for header-signed requests. */
  expiresAt: number | null;
}

export interface RequestSigner {
  /** `key`: an access key on this device; `presigned`: the organisation's service signs. */
  readonly kind: 'key' | 'presigned';
  sign(op: S3Op): Promise<SignedRequest>;
}

/** Method and path-style URL of an operation. */
export function opTarget(
  endpoint: string,
  bucket: string,
  op: S3Op,
): { method: SignedRequest['method']; url: string } {
  const base = `${endpoint}/${bucket}`;
  switch (op.op) {
    case 'put':
      return { method: 'PUT', url: `${base}/${encodeKey(op.key)}` };
    case 'create-multipart':
      return { method: 'POST', url: `${base}/${encodeKey(op.key)}?uploads` };
    case 'upload-part':
      return {
        method: 'PUT',
        url: `${base}/${encodeKey(op.key)}?partNumber=${op.partNumber}&uploadId=${encodeURIComponent(op.uploadId)}`,
      };
    case 'complete-multipart':
      return {
        method: 'POST',
        url: `${base}/${encodeKey(op.key)}?uploadId=${encodeURIComponent(op.uploadId)}`,
      };
    case 'abort-multipart':
      return {
        method: 'DELETE',
        url: `${base}/${encodeKey(op.key)}?uploadId=${encodeURIComponent(op.uploadId)}`,
      };
    case 'head':
      return { method: 'HEAD', url: `${base}/${encodeKey(op.key)}` };
    case 'put-retention':
      return {
        method: 'PUT',
        url:
          op.versionId === null
            ? `${base}/${encodeKey(op.key)}?retention`
            : `${base}/${encodeKey(op.key)}?retention&versionId=${encodeURIComponent(op.versionId)}`,
      };
    case 'get':
      return { method: 'GET', url: `${base}/${encodeKey(op.key)}` };
    case 'list': {
      const query = new URLSearchParams({ 'list-type': '2', prefix: op.prefix });
      if (op.continuationToken) query.set('continuation-token', op.continuationToken);
      return { method: 'GET', url: `${base}?${query.toString()}` };
    }
  }
}
