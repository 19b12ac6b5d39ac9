import { z } from 'zod';
import { viewerRegionSchema } from '../capture/redaction';
import { extractedRecordSchema } from '../platforms/record';

/**
 * Messages the background sends to the capture content script. The content script answers
 * only these, and only from the extension itself (checked by sender id).
 */
const nonceField = z.string().regex(/^[a-z0-9]{8,32}$/);

export const contentRequestSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('cs.detect') }).strict(),
  /** Waits (bounded) until the page has loaded and stopped changing; answers `Settled`. */
  z.object({ type: z.literal('cs.settle'), maxMs: z.number().int().min(0).max(60_000) }).strict(),
  /** A chunk of the document file held by `cs.collect` (a PDF tab), base64. */
  z
    .object({
      type: z.literal('cs.documentChunk'),
      nonce: nonceField,
      offset: z.number().int().nonnegative(),
    })
    .strict(),
  /** Everything read from the page in one pass: environment, snapshot, record, media. */
  z
    .object({
      type: z.literal('cs.collect'),
      nonce: nonceField,
      /**
       * "Capture this post": read the post under the pointer (the element last right-clicked, or
       * Firefox's `menus` target element), not the whole page.
       */
      target: z.object({ targetElementId: z.number().int().optional() }).strict().optional(),
    })
    .strict(),
  z.object({ type: z.literal('cs.metrics') }).strict(),
  /** Scrolls (for stitching) and answers where the page really is after the next frames. */
  z.object({ type: z.literal('cs.scroll'), x: z.number(), y: z.number() }).strict(),
  /** Is this still the page the capture started on? */
  z.object({ type: z.literal('cs.check') }).strict(),
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

export const metricsSchema = z
  .object({
    scrollX: z.number(),
    scrollY: z.number(),
    innerWidth: z.number(),
    innerHeight: z.number(),
    scrollHeight: z.number(),
    devicePixelRatio: z.number(),
  })
  .strict();
export type PageMetrics = z.infer<typeof metricsSchema>;

export const pageCheckSchema = z.object({ session: z.string(), url: z.string() }).strict();

export const settledSchema = z
  .object({ settled: z.boolean(), waitedMs: z.number().nonnegative() })
  .strict();

export const documentChunkSchema = z.object({ base64: z.string(), done: z.boolean() }).strict();

export const collectedSchema = z
  .object({
    /** Random per injection: a different value means a different document. */
    session: z.string(),
    environment: z
      .object({
        url: z.string(),
        title: z.string(),
        userAgent: z.string(),
        language: z.string(),
        timeZone: z.string(),
        viewport: z
          .object({ width: z.number(), height: z.number(), devicePixelRatio: z.number() })
          .strict(),
        /** The URL the browser loaded the document from (Navigation Timing); the page cannot change it. */
        navigationUrl: z.string().nullable(),
        /** The page's `screen` size (fingerprinting protection makes it the window's). */
        screen: z.object({ width: z.number(), height: z.number() }).strict().nullable(),
      })
      .strict(),
    metrics: metricsSchema,
    /** Self-contained HTML; resource `i` is referenced as `dalel-<nonce>-<i>` and inlined later. */
    html: z.string(),
    resources: z.array(z.string()),
    /** Where the viewer's own identity is on the page (viewport CSS px), marked in `html`. */
    viewer: z.array(viewerRegionSchema),
    record: extractedRecordSchema,
    media: z.array(z.object({ url: z.string(), type: z.enum(['image', 'video']) }).strict()),
    /** The chosen post's box in document coordinates (CSS pixels), for its cropped screenshot. */
    target: z
      .object({
        rect: z
          .object({ x: z.number(), y: z.number(), width: z.number(), height: z.number() })
          .strict(),
        path: z.string(),
      })
      .strict()
      .nullable()
      .optional(),
    omissions: z.array(z.string()),
    warnings: z.array(z.string()),
    /** The page is a document the browser shows in its viewer (a PDF): the file is held. */
    document: z
      .object({
        mediaType: z.string(),
        size: z.number().int().nonnegative(),
        sourceUrl: z.string(),
      })
      .strict()
      .nullable(),
    /** Video elements on the page, and how many play a stream (blob:/MediaSource) no file holds. */
    videos: z
      .object({ total: z.number().int().nonnegative(), streamed: z.number().int().nonnegative() })
      .strict(),
  })
  .strict();
export type Collected = z.infer<typeof collectedSchema>;
export type CollectTarget = NonNullable<Extract<ContentRequest, { type: 'cs.collect' }>['target']>;
