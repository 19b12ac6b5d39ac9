import type { Reason } from '../i18n/reason';
import { z } from 'zod';
import { captureAccess, captureMessages } from './messages/capture';
import { coreAccess, coreMessages } from './messages/core';
import { dashboardAccess, dashboardMessages } from './messages/dashboard';
import { evidenceAccess, evidenceMessages } from './messages/evidence';
import type { Access } from './messages/define';
import { timestampAccess, timestampMessages } from './messages/timestamps';
import { lockerAccess, lockerMessages } from './messages/locker';
import { vaultAccess, vaultMessages } from './messages/vault';

/**
 * The one protocol between extension pages, the background and the content script. Every
 * message is parsed with these schemas (unknown types and extra fields are rejected) before any
 * handler sees it. It is also the automation surface the end-to-end tests drive.
 *
 * Messages are grouped by area in `messages/*.ts`; add an area's list and access map here.
 */
export const requestSchema = z.discriminatedUnion('type', [
  ...coreMessages,
  ...dashboardMessages,
  ...captureMessages,
  ...evidenceMessages,
  ...timestampMessages,
  ...vaultMessages,
  ...lockerMessages,
]);

export type Request = z.infer<typeof requestSchema>;
export type RequestType = Request['type'];
export type RequestOf<T extends RequestType> = Extract<Request, { type: T }>;
/** What a sender writes (defaults not yet applied). */
export type RequestInput = z.input<typeof requestSchema>;
export type RequestInputOf<T extends RequestType> = Extract<RequestInput, { type: T }>;

export type { Access };

/**
 * Privileged operations (anything that reads the archive, writes records, exports, deletes or
 * uses the key) come only from the extension's own pages: a compromised renderer can
 * impersonate a content script (integrity.md E1).
 */
export const ACCESS: Record<RequestType, Access> = {
  ...coreAccess,
  ...dashboardAccess,
  ...captureAccess,
  ...evidenceAccess,
  ...timestampAccess,
  ...vaultAccess,
  ...lockerAccess,
};

export type ErrorCode =
  | 'invalid_message'
  | 'forbidden'
  | 'not_found'
  | 'storage_full'
  /** The passphrase lock is closed: unlock first (only `UNLOCKED_NOT_REQUIRED` types pass). */
  | 'locked'
  | 'wrong_passphrase'
  /** A new passphrase failed the strength check (lib/vault/strength.ts). */
  | 'weak_passphrase'
  | 'failed';

/** A failure: its code, the English message, and (when it has one) a translatable reason. */
export interface ResponseError {
  code: ErrorCode;
  message: string;
  reason?: Reason;
}

export type Response<T = unknown> = { ok: true; data: T } | { ok: false; error: ResponseError };
