import { z } from 'zod';
import { bucketSchema, httpUrlSchema } from './config';

/**
 * The pull side (a lawyer's or coordinator's dashboard): the same bucket, read with a key that
 * may only list and read (s3:ListBucket, s3:GetObject, s3:GetObjectVersion) — never the monitors'
 * write key, never one that may delete. Its secret is kept in the passphrase vault, like the
 * write key's.
 */
export const readerConfigSchema = z
  .object({
    endpoint: httpUrlSchema,
    bucket: bucketSchema,
    region: z
      .string()
      .trim()
      .regex(/^[a-z0-9-]{1,40}$/, 'a region such as us-east-1')
      .default('us-east-1'),
    accessKeyId: z
      .string()
      .trim()
      .regex(/^[\x21-\x7e]{3,128}$/, 'an access key id'),
  })
  .strict();
export type ReaderConfig = z.infer<typeof readerConfigSchema>;
export type ReaderConfigInput = z.input<typeof readerConfigSchema>;
