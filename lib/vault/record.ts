import { z } from 'zod';

const b64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, 'expected base64');

/** PBKDF2-HMAC-SHA256: the lock's KDF before Argon2id; such records are re-wrapped at unlock. */
export const pbkdf2ParamsSchema = z
  .object({
    name: z.literal('PBKDF2'),
    hash: z.literal('SHA-256'),
    iterations: z.number().int().min(600_000),
    salt: b64,
  })
  .strict();

/** Argon2id (RFC 9106), version 0x13: memory in KiB, passes, lanes. */
export const argon2idParamsSchema = z
  .object({
    name: z.literal('Argon2id'),
    version: z.literal(0x13),
    memoryKiB: z
      .number()
      .int()
      .min(8)
      .max(4 * 1024 * 1024),
    passes: z.number().int().min(1).max(64),
    parallelism: z.number().int().min(1).max(16),
    salt: b64,
  })
  .strict();
export type Argon2idParams = z.infer<typeof argon2idParamsSchema>;

/** Password-based key derivation parameters, stored beside the wrapped key so they can be raised. */
export const kdfParamsSchema = z.discriminatedUnion('name', [
  pbkdf2ParamsSchema,
  argon2idParamsSchema,
]);
export type KdfParams = z.infer<typeof kdfParamsSchema>;

/** AES-GCM ciphertext with its IV, both base64. */
export const sealedSchema = z.object({ iv: b64, data: b64 }).strict();
export type Sealed = z.infer<typeof sealedSchema>;

/**
 * Where the store stands: `encrypting` / `decrypting` while the lock is being turned on or off
 * (resumed at the next unlock if interrupted), `ready` when every row is encrypted.
 */
export const vaultStateSchema = z.enum(['encrypting', 'ready', 'decrypting']);
export type VaultState = z.infer<typeof vaultStateSchema>;

/**
 * The one record that makes the archive readable: the data key wrapped under the passphrase's
 * key, and the signing keys wrapped under the data key. Deleting it crypto-shreds everything.
 */
export const vaultRecordSchema = z
  .object({
    id: z.literal('vault'),
    format: z.literal(1),
    kdf: kdfParamsSchema,
    wrappedDataKey: sealedSchema,
    signingKeys: z.record(
      z.string(),
      z.object({ wrapped: sealedSchema, publicKeyRaw: b64 }).strict(),
    ),
    state: vaultStateSchema,
    createdAt: z.iso.datetime(),
  })
  .strict();
export type VaultRecord = z.infer<typeof vaultRecordSchema>;
