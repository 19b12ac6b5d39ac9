import { z } from 'zod';
import { message, type Access } from './define';

// The messages are catalog keys: the router answers them as reasons, shown translated.
const passphrase = z.string().min(8, 'passphraseTooShort').max(1024, 'passphraseTooLong');

/** The passphrase lock, the panic wipe, storage health and the integrity check. */
export const vaultMessages = [
  message('vault.status', {}),
  message('vault.enable', { passphrase }),
  message('vault.unlock', { passphrase: z.string().min(1).max(1024) }),
  message('vault.lock', {}),
  message('vault.change', { current: z.string().min(1).max(1024), next: passphrase }),
  message('vault.disable', { passphrase: z.string().min(1).max(1024) }),
  // The literal is a protocol token (the monitor holds a button; they type nothing): a stray or
  // malformed message cannot wipe. `history`: also remove the captured pages from the browser's
  // history (needs the optional `history` permission).
  message('vault.wipe', { confirm: z.literal('WIPE'), history: z.boolean().optional() }),
  message('storage.info', {}),
  message('integrity.check', { full: z.boolean() }),
  // After a reported loss of records (integrity.md D5): record it in the log and move on.
  message('integrity.acknowledgeLoss', {}),
] as const;

export const vaultAccess = {
  'vault.status': 'extension-page',
  'vault.enable': 'extension-page',
  'vault.unlock': 'extension-page',
  'vault.lock': 'extension-page',
  'vault.change': 'extension-page',
  'vault.disable': 'extension-page',
  'vault.wipe': 'extension-page',
  'storage.info': 'extension-page',
  'integrity.check': 'extension-page',
  'integrity.acknowledgeLoss': 'extension-page',
} as const satisfies Record<(typeof vaultMessages)[number]['shape']['type']['value'], Access>;

/**
 * What still answers while the lock is closed: finding out it is locked, unlocking, locking, and
 * the panic wipe (which must work without the passphrase: it is for when someone is at the door).
 */
export const ALLOWED_WHILE_LOCKED: ReadonlySet<string> = new Set([
  'ping',
  'vault.status',
  'vault.unlock',
  'vault.lock',
  'vault.wipe',
]);
