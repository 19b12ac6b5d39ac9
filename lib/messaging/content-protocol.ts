import { z } from 'zod';

/**
 * Messages the background sends to the capture content script. The content script answers
 * only these, and only from the extension itself (checked by sender id).
 */
export const contentRequestSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('cs.detect') }).strict(),
]);
export type ContentRequest = z.infer<typeof contentRequestSchema>;

export const detectionSchema = z
  .object({
    url: z.string(),
    title: z.string(),
    platform: z.string(),
    contentScriptVersion: z.string(),
  })
  .strict();
export type Detection = z.infer<typeof detectionSchema>;
