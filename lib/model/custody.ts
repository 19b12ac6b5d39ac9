import { z } from 'zod';
import { sha256RefSchema } from './capture';
import { CUSTODY_EVENT_TYPES, CUSTODY_SUBJECT_KINDS } from './vocabulary';

export { CUSTODY_EVENT_TYPES };
export const custodyEventTypeSchema = z.enum(CUSTODY_EVENT_TYPES);
export type CustodyEventType = z.infer<typeof custodyEventTypeSchema>;

export const custodySubjectSchema = z
  .object({
    kind: z.enum(CUSTODY_SUBJECT_KINDS),
    id: z.string(),
  })
  .strict();

/**
 * One entry of the append-only, hash-chained custody log. `prevHash` is the previous entry's hash
 * (`sha256:` + 64 zeros for seq 0). `hash` = sha256(JCS({content, prev: prevHash})) where
 * content = sha256(JCS({seq, at, actor, type, subject, data})): a package can then disclose only
 * some events plus the content hashes of the others and still prove the whole chain (see
 * lib/evidence/custody.ts). Build events with `appendEvent`, never by hand.
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
