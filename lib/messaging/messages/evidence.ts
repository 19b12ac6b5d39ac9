import { z } from 'zod';
import { SCOPE_KINDS } from '../../evidence/manifest';
import { LANGUAGES } from '../../i18n/translator';
import { idField, message, type Access } from './define';

/**
 * Export and the signing key. Progress of a running export is broadcast as
 * `{type:'export.progress', phase, bytesDone, bytesTotal}` (exportProgressSchema) to pages.
 */
export const evidenceMessages = [
  message('export.run', {
    scope: z.object({ kind: z.enum(SCOPE_KINDS), ids: z.array(idField).max(100_000) }).strict(),
    /** The language of report.html and report.pdf inside the package. */
    language: z.enum(LANGUAGES).default('en'),
    /** Capturer protection: redacted copies in, originals that show the monitor's account out. */
    withholdRedactedOriginals: z.boolean().optional(),
  }),
  message('key.info', {}),
  /** A code, signed by the key, that revokes it: printed and kept off the device (revocation.ts). */
  message('key.revocation', {}),
  /** When the whole archive was last exported, and how many captures are not in that backup. */
  message('backup.status', {}),
  /** Imports a package the page copied into the origin-private file system (`imports/<file>`). */
  message('import.run', {
    file: z.string().regex(/^[\w.-]{1,100}$/),
    /** The signer's fingerprint as the sender told it over a second channel. */
    pinnedKey: z.string().max(200).optional(),
    /** The fingerprint the monitor accepts as the signer without a pin (recorded in custody). */
    acceptSigner: z.string().max(200).optional(),
  }),
] as const;

export const evidenceAccess = {
  'export.run': 'extension-page',
  'key.info': 'extension-page',
  'key.revocation': 'extension-page',
  'backup.status': 'extension-page',
  'import.run': 'extension-page',
} as const satisfies Record<(typeof evidenceMessages)[number]['shape']['type']['value'], Access>;

export const exportProgressSchema = z
  .object({
    type: z.literal('export.progress'),
    phase: z.enum(['artifacts', 'records', 'report', 'signing', 'timestamping', 'done']),
    bytesDone: z.number(),
    bytesTotal: z.number(),
  })
  .strict();
export type ExportProgressEvent = z.infer<typeof exportProgressSchema>;
