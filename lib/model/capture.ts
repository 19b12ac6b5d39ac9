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

/**
 * Who said each metadata value: the browser itself, the captured page (which can rewrite its own
 * address with `history.replaceState` and its title at will), a server's HTTP answer, or the
 * device the capture ran on. Recorded in every capture (`sources`) so that a reader of a package
 * knows what each value is worth without our code.
 */
export const METADATA_SOURCES = ['browser', 'page', 'server', 'device', 'extension'] as const;
export const metadataSourceSchema = z.enum(METADATA_SOURCES);

/** What was true of the capture environment; every field says where it came from. */
export const captureMetadataSchema = z
  .object({
    /**
     * The address the browser loaded the document from (after redirects), which the page cannot
     * rewrite. Captures before format 2 of this field held the tab's address here.
     */
    requestedUrl: z.string(),
    /** The address as the page reports it (`location.href`) when it was read: page-controlled. */
    finalUrl: z.string(),
    /** The address the browser showed for the tab when the capture began. */
    tabUrl: z.string().optional(),
    title: z.string(),
    startedAt: z.iso.datetime(),
    endedAt: z.iso.datetime(),
    /** IANA zone of the device clock, e.g. "Asia/Almaty". */
    timeZone: z.string(),
    /** A server's HTTP `Date` header, when one answered the capture's own fetches. */
    serverDate: z.string().nullable(),
    /** The origin of the server that sent `serverDate` (one of the media servers). */
    serverDateFrom: z.string().nullable().optional(),
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
    /** Who reported each field (see METADATA_SOURCES); absent in captures made before it. */
    sources: z.record(z.string(), metadataSourceSchema).optional(),
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
