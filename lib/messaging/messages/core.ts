import { z } from 'zod';
import { legalCaseInputSchema, legalCasePatchSchema } from '../../model/legal-case';
import { linkCategorySchema } from '../../model/link';
import { personInputSchema, personPatchSchema } from '../../model/person';
import { MAX_TSAS, timestampAuthoritySchema } from '../../model/timestamp-authority';
import { idField as id, message, tabIdField, type Access } from './define';

/** Persons, cases, tags, custody and settings. */
export const coreMessages = [
  message('ping', {}),
  message('tab.probe', { tabId: tabIdField }),
  message('person.create', { person: personInputSchema }),
  message('person.update', { id, patch: personPatchSchema }),
  message('person.list', {}),
  message('person.get', { id }),
  message('case.create', { legalCase: legalCaseInputSchema }),
  message('case.update', { id, patch: legalCasePatchSchema }),
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
        timestampAuthorities: z.array(timestampAuthoritySchema).max(MAX_TSAS).optional(),
        stampCaptures: z.boolean().optional(),
        autoLockMinutes: z.number().int().min(1).max(1440).optional(),
        mediaWithSession: z.boolean().optional(),
        passphraseOfferDone: z.boolean().optional(),
      })
      .strict(),
  }),
] as const;

export const coreAccess = {
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
} as const satisfies Record<(typeof coreMessages)[number]['shape']['type']['value'], Access>;
