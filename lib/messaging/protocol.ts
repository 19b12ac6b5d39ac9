import { z } from 'zod';
import { linkCategorySchema } from '../model/link';
import { legalCaseInputSchema } from '../model/legal-case';
import { personInputSchema } from '../model/person';

/**
 * The one protocol between extension pages, the background and the content script. Every
 * message is parsed with these schemas (unknown types and extra fields are rejected) before any
 * handler sees it. It is also the automation surface the end-to-end tests drive.
 */

const id = z.string().min(1).max(200);
const tabId = z.number().int().nonnegative();

function message<T extends string, S extends z.ZodRawShape>(type: T, shape: S) {
  return z.object({ type: z.literal(type), ...shape }).strict();
}

export const requestSchema = z.discriminatedUnion('type', [
  message('ping', {}),
  message('tab.probe', { tabId }),
  message('person.create', { person: personInputSchema }),
  message('person.update', { id, patch: personInputSchema.partial() }),
  message('person.list', {}),
  message('person.get', { id }),
  message('case.create', { legalCase: legalCaseInputSchema }),
  message('case.update', { id, patch: legalCaseInputSchema.partial() }),
  message('case.list', {}),
  message('case.get', { id }),
  message('link.add', {
    captureId: id,
    personId: id.nullable(),
    caseId: id.nullable(),
    category: linkCategorySchema,
    note: z.string().max(10_000).default(''),
  }),
  message('link.remove', { id }),
  message('custody.list', {}),
  message('settings.get', {}),
  message('settings.set', {
    patch: z
      .object({
        language: z.enum(['auto', 'en', 'ru', 'kk']).optional(),
        timestampAuthorityUrl: z.string().url().nullable().optional(),
      })
      .strict(),
  }),
]);

export type Request = z.infer<typeof requestSchema>;
export type RequestType = Request['type'];
export type RequestOf<T extends RequestType> = Extract<Request, { type: T }>;
/** What a sender writes (defaults not yet applied). */
export type RequestInput = z.input<typeof requestSchema>;
export type RequestInputOf<T extends RequestType> = Extract<RequestInput, { type: T }>;

/** Who may send a message: any sender of this extension, or only its own pages. */
export type Access = 'extension-page' | 'any-context';

/**
 * Privileged operations (anything that reads the archive, writes records, exports, deletes or
 * uses the key) come only from the extension's own pages: a compromised renderer can
 * impersonate a content script (integrity.md E1).
 */
export const ACCESS: Record<RequestType, Access> = {
  ping: 'any-context',
  'tab.probe': 'extension-page',
  'person.create': 'extension-page',
  'person.update': 'extension-page',
  'person.list': 'extension-page',
  'person.get': 'extension-page',
  'case.create': 'extension-page',
  'case.update': 'extension-page',
  'case.list': 'extension-page',
  'case.get': 'extension-page',
  'link.add': 'extension-page',
  'link.remove': 'extension-page',
  'custody.list': 'extension-page',
  'settings.get': 'extension-page',
  'settings.set': 'extension-page',
};

export type ErrorCode = 'invalid_message' | 'forbidden' | 'not_found' | 'storage_full' | 'failed';

export type Response<T = unknown> =
  { ok: true; data: T } | { ok: false; error: { code: ErrorCode; message: string } };
