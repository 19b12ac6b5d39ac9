import { z } from 'zod';
import { LINK_CATEGORIES } from './vocabulary';

export { LINK_CATEGORIES };
export const linkCategorySchema = z.enum(LINK_CATEGORIES);
export type LinkCategory = z.infer<typeof linkCategorySchema>;

/**
 * A tag: capture ↔ person and/or case, with what the capture is to them. Links are separate from
 * the sealed capture; adding or removing one appends a custody event and never touches the capture.
 */
export const linkSchema = z
  .object({
    id: z.string(),
    captureId: z.string(),
    personId: z.string().nullable(),
    caseId: z.string().nullable(),
    category: linkCategorySchema,
    note: z.string(),
    createdAt: z.iso.datetime(),
  })
  .strict()
  .refine((l) => l.personId !== null || l.caseId !== null, 'a link names a person or a case');

export type Link = z.infer<typeof linkSchema>;
