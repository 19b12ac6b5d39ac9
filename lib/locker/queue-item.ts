import { z } from 'zod';
import { SCOPE_KINDS } from '../evidence/manifest';
import type { LockerErrorCode } from './errors';

const iso = z.iso.datetime();

export const packageDigestSchema = z
  .object({
    size: z.number().int().nonnegative(),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    partSize: z.number().int().positive(),
    parts: z.array(z.string()).min(1),
  })
  .strict();

export const packageFactsSchema = z
  .object({
    packageId: z.string().regex(/^[0-9a-f]{32}$/),
    created: iso,
    signer: z.string(),
    sha256: z.string(),
    kind: z.enum(['capture', 'export']),
    captures: z.number().int().nonnegative(),
    cases: z.array(z.object({ id: z.string(), title: z.string() }).strict()),
  })
  .strict();

export const receiptSchema = z
  .object({
    key: z.string(),
    versionId: z.string().nullable(),
    etag: z.string(),
    mode: z.literal('COMPLIANCE'),
    retainUntil: z.string(),
    size: z.number().int().nonnegative(),
    sha256: z.string(),
    verified: z.enum(['head', 'etag']),
  })
  .strict();

/** Where a prepared package file is: an export's own file, or one built for the locker. */
export const packageFileSchema = z
  .object({ dir: z.enum(['exports', 'locker']), name: z.string().regex(/^[\w.-]{1,100}$/) })
  .strict();
export type PackageFile = z.infer<typeof packageFileSchema>;

/**
 * One package on its way to the locker, stored in IndexedDB so it survives the service worker
 * and the browser stopping. `prepared` is filled once the package file exists and is hashed;
 * `multipart` after each confirmed part; `committing` while the request that creates the object
 * is in flight (a restart then asks the locker before sending again); `receipt` once confirmed.
 */
export const queueItemSchema = z
  .object({
    id: z.string().regex(/^lq_[0-9a-f]{16,32}$/),
    kind: z.enum(['capture', 'export']),
    /** What the package holds, so it can be built again from the archive if its file is gone. */
    scope: z.object({ kind: z.enum(SCOPE_KINDS), ids: z.array(z.string()) }).strict(),
    captureIds: z.array(z.string()),
    state: z.enum(['pending', 'done']),
    enqueuedAt: iso,
    /** An export's file name (`exports/`), to upload the very package the monitor downloaded. */
    exportFile: z.string().nullable(),
    exportFacts: packageFactsSchema.omit({ sha256: true }).nullable(),
    prepared: z
      .object({
        file: packageFileSchema,
        key: z.string(),
        facts: packageFactsSchema,
        digest: packageDigestSchema,
      })
      .strict()
      .nullable(),
    /** Retain-until of the attempt under way (fixed once a multipart upload has been created). */
    retainUntil: z.string().nullable(),
    multipart: z
      .object({ uploadId: z.string(), etags: z.array(z.string().nullable()) })
      .strict()
      .nullable(),
    committing: z.boolean(),
    /** The prepared package's signed team index is in the bucket (absent in older rows: not yet). */
    indexed: z.boolean().optional(),
    attempts: z.number().int().nonnegative(),
    nextAttemptAt: iso,
    lastError: z.object({ code: z.string(), detail: z.string(), at: iso }).strict().nullable(),
    receipt: receiptSchema.nullable(),
    doneAt: iso.nullable(),
  })
  .strict();
export type QueueItem = z.infer<typeof queueItemSchema>;
export type QueueError = { code: LockerErrorCode; detail: string; at: string };

/**
 * Seconds to wait before attempt n+1: 30 s, 1, 2, 5, 15, 30 min, then hourly. Errors that need
 * someone to change something (a wrong key, a bucket without lock) wait an hour, unless the
 * monitor presses "try again now" or changes the settings.
 */
export function backoffSeconds(attempts: number, retryable: boolean): number {
  if (!retryable) return 3600;
  const steps = [30, 60, 120, 300, 900, 1800];
  return steps[Math.min(attempts, steps.length) - 1] ?? 3600;
}
