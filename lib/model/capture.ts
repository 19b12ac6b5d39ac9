import { z } from 'zod';
import { extractedRecordSchema, platformSchema, recordKindSchema } from '../platforms/record';

export const SHA256_PATTERN = /^sha256:[0-9a-f]{64}$/;
export const sha256RefSchema = z.string().regex(SHA256_PATTERN, 'expected sha256:<64 hex>');

/** One file of a capture; its bytes live in the artifact store under `sha256`. */
export const artifactRefSchema = z
  .object({
    /** Stable name inside the capture: `screenshot-viewport.png`, `page.html`, `media/01.jpg`. */
    name: z.string().regex(/^[a-z0-9][a-z0-9._/-]*$/),
    role: z.enum([
      'screenshot',
      'screenshot_full',
      'snapshot_html',
      'mhtml',
      'record',
      'media',
      /** The file a tab showed in the browser's own viewer (a PDF), byte-exact. */
      'document',
      'metadata',
      'other',
    ]),
    mediaType: z.string(),
    size: z.number().int().nonnegative(),
    sha256: sha256RefSchema,
    /** For media: where the bytes were fetched from. */
    sourceUrl: z.string().nullable(),
  })
  .strict();
export type ArtifactRef = z.infer<typeof artifactRefSchema>;

/** What was true of the capture environment; every field says where it came from. */
export const captureMetadataSchema = z
  .object({
    requestedUrl: z.string(),
    finalUrl: z.string(),
    title: z.string(),
    startedAt: z.iso.datetime(),
    endedAt: z.iso.datetime(),
    /** IANA zone of the device clock, e.g. "Asia/Almaty". */
    timeZone: z.string(),
    /** The server's HTTP `Date` header for the page, when it could be read. */
    serverDate: z.string().nullable(),
    userAgent: z.string(),
    browser: z.string(),
    extensionVersion: z.string(),
    extractor: z.object({ name: z.string(), version: z.string() }).strict(),
    viewport: z
      .object({ width: z.number(), height: z.number(), devicePixelRatio: z.number() })
      .strict(),
    language: z.string(),
    /** What could not be captured, and why. */
    omissions: z.array(z.string()),
    /**
     * What the browser changed about what the page saw (fingerprinting protection: spoofed pixel
     * ratio, letterboxed window, time zone); lib/capture/conditions.ts. Absent in older captures.
     */
    conditions: z.array(z.string()).optional(),
  })
  .strict();
export type CaptureMetadata = z.infer<typeof captureMetadataSchema>;

export const captureSchema = z
  .object({
    id: z.string(),
    url: z.string(),
    platform: platformSchema,
    kind: recordKindSchema,
    /** `platform:account` key (id when known, else lower-cased handle) for the account timeline. */
    accountKey: z.string().nullable(),
    sealedAt: z.iso.datetime(),
    metadata: captureMetadataSchema,
    record: extractedRecordSchema,
    artifacts: z.array(artifactRefSchema),
    /** Earlier captures of the same URL, newest first. */
    previousCaptureIds: z.array(z.string()),
    /** sha256 of the canonical JSON of the capture without this field: the seal. */
    seal: sha256RefSchema,
    warnings: z.array(z.string()),
  })
  .strict();
export type Capture = z.infer<typeof captureSchema>;
