import { z } from 'zod';
import { linkCategorySchema } from '../model/link';
import { platformSchema, recordKindSchema } from '../platforms/record';

/**
 * What the captures list can be narrowed by. Dates are calendar days (YYYY-MM-DD, inclusive)
 * compared with the UTC day the capture was sealed; absent fields do not filter.
 */
export const captureFiltersSchema = z
  .object({
    personId: z.string().min(1).optional(),
    caseId: z.string().min(1).optional(),
    platform: platformSchema.optional(),
    kind: recordKindSchema.optional(),
    category: linkCategorySchema.optional(),
    from: z.iso.date().optional(),
    to: z.iso.date().optional(),
    /** Only captures tagged to no person and no case (the popup's "not tagged yet"). */
    untagged: z.boolean().optional(),
    /** Words that must all occur (any order, case- and ё/е-insensitive) in the searchable text. */
    text: z.string().max(500).optional(),
  })
  .strict();
export type CaptureFilters = z.infer<typeof captureFiltersSchema>;

/**
 * Rows per page of the captures list: the newest this many are sent and shown, with the count
 * of all matches and a "show more" that asks for the next page.
 */
export const CAPTURE_PAGE_SIZE = 100;
