import { z } from 'zod';
import { lockerConfigSchema } from '../../locker/config';
import { readerConfigSchema } from '../../locker/reader-config';
import { message, type Access } from './define';

/**
 * The team locker (issue 18): settings, the connection test, the upload queue's status and
 * "try again now", sending what is not yet there, and the partial panic wipe of what is.
 * Upload progress is broadcast as `{type:'locker.progress', itemId, sent, total}` to pages.
 */
export const lockerMessages = [
  message('locker.get', {}),
  message('locker.configure', {
    config: lockerConfigSchema,
    /** With an access key: its secret (kept only under the passphrase lock); omit to keep the stored one. */
    secretAccessKey: z.string().min(1).max(256).optional(),
  }),
  message('locker.remove', {}),
  message('locker.test', {}),
  message('locker.status', {}),
  message('locker.retry', {}),
  /** One package of every capture that is not yet in the locker. */
  message('locker.pushAll', {}),
  /** What "wipe only what is already in the locker" would delete and keep. */
  message('locker.wipePreview', {}),
  // The literal word is the confirmation, as for the full panic wipe.
  message('locker.wipeDeposited', { confirm: z.literal('WIPE') }),
  // The pull side (a lawyer's or coordinator's dashboard), with a read-only key.
  message('locker.readerGet', {}),
  message('locker.readerConfigure', {
    config: readerConfigSchema,
    /** The read-only key's secret (kept only under the passphrase lock); omit to keep the stored one. */
    secretAccessKey: z.string().min(1).max(256).optional(),
  }),
  message('locker.readerRemove', {}),
  message('locker.readerList', {}),
  /** Downloads one package into `imports/` for the ordinary verification and `import.run`. */
  message('locker.readerFetch', { key: z.string().min(1).max(1024) }),
  /** Deletes a downloaded package that was not imported. */
  message('locker.readerDiscard', { file: z.string().regex(/^pulled-[\w.-]{1,90}$/) }),
] as const;

export const lockerAccess = {
  'locker.get': 'extension-page',
  'locker.configure': 'extension-page',
  'locker.remove': 'extension-page',
  'locker.test': 'extension-page',
  'locker.status': 'extension-page',
  'locker.retry': 'extension-page',
  'locker.pushAll': 'extension-page',
  'locker.wipePreview': 'extension-page',
  'locker.wipeDeposited': 'extension-page',
  'locker.readerGet': 'extension-page',
  'locker.readerConfigure': 'extension-page',
  'locker.readerRemove': 'extension-page',
  'locker.readerList': 'extension-page',
  'locker.readerFetch': 'extension-page',
  'locker.readerDiscard': 'extension-page',
} as const satisfies Record<(typeof lockerMessages)[number]['shape']['type']['value'], Access>;

export const lockerProgressSchema = z
  .object({
    type: z.literal('locker.progress'),
    itemId: z.string(),
    sent: z.number(),
    total: z.number(),
  })
  .strict();
export type LockerProgressMessage = z.infer<typeof lockerProgressSchema>;
