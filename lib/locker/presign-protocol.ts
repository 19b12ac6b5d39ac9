import { z } from 'zod';
import { canonicalBytes } from '../evidence/canonical-json';
import { toBase64 } from '../evidence/hex';
import type { Signer } from '../evidence/signing';
import type { S3Op } from './s3-op';

/**
 * The monitor's request to the organisation's presigning service: "sign this S3 operation for
 * me". It is signed with the monitor's own Ed25519 key (the one that signs packages), so the
 * device holds no S3 credential and no password for the service: the organisation lists its
 * monitors' key fingerprints, and revokes one by removing it. A stolen request is good only for
 * the same bytes to the same key within a few minutes.
 */
export const PRESIGN_TYPE = 'dalel/locker-presign/v1';

const headerName = z.string().regex(/^[a-z0-9-]{1,64}$/);
const base64 = z
  .string()
  .regex(/^[A-Za-z0-9+/]+={0,2}$/)
  .max(200);

export const presignRequestSchema = z
  .object({
    type: z.literal(PRESIGN_TYPE),
    op: z.enum([
      'put',
      'create-multipart',
      'upload-part',
      'complete-multipart',
      'abort-multipart',
      'head',
      'put-retention',
    ]),
    key: z.string().min(1).max(1024),
    uploadId: z.string().min(1).max(1024).optional(),
    partNumber: z.number().int().min(1).max(10_000).optional(),
    versionId: z.string().min(1).max(1024).optional(),
    /** put-retention only: the exact XML, whose SHA-256 the link will be bound to. */
    body: z.string().max(1024).optional(),
    headers: z.record(headerName, z.string().max(2048)),
    /** When the monitor asked; the service refuses requests far from its own clock. */
    at: z.iso.datetime(),
    /** The monitor's raw Ed25519 public key (32 bytes, base64). */
    publicKey: base64,
  })
  .strict();
export type PresignRequest = z.infer<typeof presignRequestSchema>;

export const presignEnvelopeSchema = z
  .object({ request: presignRequestSchema, signature: base64 })
  .strict();
export type PresignEnvelope = z.infer<typeof presignEnvelopeSchema>;

export const presignAnswerSchema = z
  .object({
    method: z.enum(['PUT', 'POST', 'HEAD', 'DELETE']),
    url: z.string().url().max(8192),
    headers: z.record(z.string(), z.string().max(4096)),
    expiresAt: z.iso.datetime(),
  })
  .strict();
export type PresignAnswer = z.infer<typeof presignAnswerSchema>;

/** The bytes the monitor's key signs: RFC 8785 canonical JSON of the request. */
export function presignSigningBytes(request: PresignRequest): Uint8Array {
  return canonicalBytes(request);
}

export type PresignableOp = Exclude<S3Op, { op: 'get' } | { op: 'list' }>;

export async function signPresignRequest(
  op: PresignableOp,
  signer: Signer,
  at: Date,
): Promise<PresignEnvelope> {
  const request: PresignRequest = {
    type: PRESIGN_TYPE,
    op: op.op,
    key: op.key,
    ...('uploadId' in op ? { uploadId: op.uploadId } : {}),
    ...('partNumber' in op ? { partNumber: op.partNumber } : {}),
    ...('body' in op
      ? { ...(op.versionId ? { versionId: op.versionId } : {}), body: op.body }
      : {}),
    headers: Object.fromEntries(Object.entries(op.headers).map(([k, v]) => [k.toLowerCase(), v])),
    at: at.toISOString(),
    publicKey: toBase64(signer.publicKeyRaw),
  };
  const signature = await signer.sign(presignSigningBytes(request));
  return { request, signature: toBase64(signature) };
}
