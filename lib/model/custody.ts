import { z } from 'zod';
import { sha256RefSchema } from './capture';

export const CUSTODY_EVENT_TYPES = [
  'key_created',
  'key_rotated',
  'captured',
  'tagged',
  'untagged',
  'note_added',
  'person_created',
  'person_updated',
  'case_created',
  'case_updated',
  'exported',
  'imported',
  'deleted',
  'integrity_checked',
] as const;
export const custodyEventTypeSchema = z.enum(CUSTODY_EVENT_TYPES);
export type CustodyEventType = z.infer<typeof custodyEventTypeSchema>;

export const custodySubjectSchema = z
  .object({
    kind: z.enum(['capture', 'person', 'case', 'link', 'key', 'package', 'store']),
    id: z.string(),
  })
  .strict();

/**
 * One entry of the append-only, hash-chained custody log. `hash` is over the canonical JSON of
 * every other field; `prevHash` is the previous entry's hash (the genesis value for seq 0).
 */
export const custodyEventSchema = z
  .object({
    seq: z.number().int().nonnegative(),
    at: z.iso.datetime(),
    /** Who acted: the signing key fingerprint of this installation, or `import:<fingerprint>`. */
    actor: z.string(),
    type: custodyEventTypeSchema,
    subject: custodySubjectSchema,
    /** Event details, e.g. the capture seal, the link's person and case, the package id. */
    data: z.record(z.string(), z.unknown()),
    prevHash: sha256RefSchema,
    hash: sha256RefSchema,
  })
  .strict();
export type CustodyEvent = z.infer<typeof custodyEventSchema>;
