import { z } from 'zod';

/** Ten years: long enough for appeals, shorter than forever (the organisation can choose). */
export const DEFAULT_RETENTION_DAYS = 3650;
export const MAX_RETENTION_DAYS = 36_500;

/**
 * S3 bucket names (AWS rules, which every S3-compatible engine accepts): 3–63 characters,
 * lower-case letters, digits, dots and hyphens, starting and ending with a letter or digit.
 */
export const bucketSchema = z
  .string()
  .regex(
    /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/,
    'a bucket name: 3–63 lower-case letters, digits, dots or hyphens',
  );

/** An http(s) origin with an optional path and no query or fragment, without a trailing slash. */
export const httpUrlSchema = z
  .string()
  .trim()
  .max(2000)
  .refine((text) => {
    try {
      const url = new URL(text);
      return (
        (url.protocol === 'https:' || url.protocol === 'http:') &&
        !url.search &&
        !url.hash &&
        !url.username &&
        !url.password
      );
    } catch {
      return false;
    }
  }, 'an http(s) address without ?query, #fragment or user name')
  .transform((text) => text.replace(/\/+$/, ''));

/**
 * How the extension is allowed to write: presigned links from the organisation's own small
 * service (recommended: the device holds no S3 credential, and the service signs only what its
 * policy allows for this monitor's key), or an S3 access key the organisation limited to writing
 * (its secret is kept in the passphrase vault, never in plaintext).
 */
export const lockerAuthSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('presigned'), serviceUrl: httpUrlSchema }).strict(),
  z
    .object({
      kind: z.literal('key'),
      accessKeyId: z
        .string()
        .trim()
        .regex(/^[\x21-\x7e]{3,128}$/, 'an access key id'),
    })
    .strict(),
]);
export type LockerAuth = z.infer<typeof lockerAuthSchema>;

/**
 * The team locker: an S3 bucket with Object Lock. Path-style addressing
 * (`<endpoint>/<bucket>/<key>`), which AWS, Ceph RGW, MinIO, Backblaze B2 and Wasabi all serve.
 */
export const lockerConfigSchema = z
  .object({
    endpoint: httpUrlSchema,
    bucket: bucketSchema,
    region: z
      .string()
      .trim()
      .regex(/^[a-z0-9-]{1,40}$/, 'a region such as us-east-1')
      .default('us-east-1'),
    auth: lockerAuthSchema,
    retentionDays: z.number().int().min(1).max(MAX_RETENTION_DAYS).default(DEFAULT_RETENTION_DAYS),
    /**
     * COMPLIANCE only: in governance mode a privileged user can still delete, which is exactly
     * the power a seized administrator account must not have.
     */
    mode: z.literal('COMPLIANCE').default('COMPLIANCE'),
    /** Upload a package of each capture as soon as it is sealed. */
    pushCaptures: z.boolean().default(true),
    /** Upload every package exported from the dashboard. */
    pushExports: z.boolean().default(true),
  })
  .strict();
export type LockerConfig = z.infer<typeof lockerConfigSchema>;
export type LockerConfigInput = z.input<typeof lockerConfigSchema>;

/** The origins the extension must be allowed to reach for this configuration (host permissions). */
export function lockerOrigins(config: Pick<LockerConfig, 'endpoint' | 'auth'>): string[] {
  const origins = new Set([new URL(config.endpoint).origin]);
  if (config.auth.kind === 'presigned') origins.add(new URL(config.auth.serviceUrl).origin);
  return [...origins];
}

/** The retain-until date for an upload now: whole seconds, UTC, as S3 wants it. */
export function retainUntil(now: Date, days: number): string {
  return new Date(now.getTime() + days * 86_400_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
