import { z } from 'zod';
import { BULLETIN_FORMATS } from '../../bulletin/formats';
import { captureFiltersSchema } from '../../search/filters';
import { idField as id, message, type Access } from './define';

const day = z.iso.date();

/** What the dashboard and popup need beyond the core: search, bulletin, storage, recents. */
export const dashboardMessages = [
  message('capture.search', {
    filters: captureFiltersSchema,
    limit: z.number().int().positive().max(10_000).default(500),
  }),
  message('bulletin.generate', {
    caseId: id.optional(),
    from: day.optional(),
    to: day.optional(),
    language: z.enum(['en', 'ru', 'kk']),
    format: z.enum(BULLETIN_FORMATS),
  }).refine(
    (m) => m.caseId !== undefined || (m.from !== undefined && m.to !== undefined),
    'bulletin.generate needs caseId, or from and to',
  ),
  message('recent.list', {}),
] as const;

export const dashboardAccess = {
  'capture.search': 'extension-page',
  'bulletin.generate': 'extension-page',
  'recent.list': 'extension-page',
} as const satisfies Record<(typeof dashboardMessages)[number]['shape']['type']['value'], Access>;
