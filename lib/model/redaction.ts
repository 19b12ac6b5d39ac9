import { z } from 'zod';
import { sha256RefSchema } from './capture';

/** A box in an image's own pixels (screenshots), or a marked element of the HTML snapshot. */
export const redactionRegionSchema = z
  .object({
    x: z.number().int().nonnegative(),
    y: z.number().int().nonnegative(),
    width: z.number().int().positive(),
    height: z.number().int().positive(),
    /** What it hides: "account menu", "profile link", or the monitor's own words. */
    label: z.string().max(200),
    /** Found by Dalel at capture time, or drawn/kept by the monitor. */
    source: z.enum(['detected', 'monitor']),
    /** For the HTML snapshot: the viewer-identity mark (`viewer-regions.json`) it replaces. */
    element: z.number().int().nonnegative().nullable(),
  })
  .strict();
export type RedactionRegion = z.infer<typeof redactionRegionSchema>;

/**
 * A redacted working copy of one artifact of a sealed capture: the original is never touched; the
 * copy (opaque boxes over the monitor's own identity: their name, avatar, "logged in as") is a
 * derived artifact that names the original's hash and exactly what was covered. A package can
 * carry the copy and withhold the original, whose hash stays listed so it can be produced under a
 * court's order and checked. Sealed like a capture: sha256 of its JCS without `seal`.
 */
export const redactionSchema = z
  .object({
    id: z.string().regex(/^red_[0-9a-f]{24}$/),
    captureId: z.string(),
    createdAt: z.iso.datetime(),
    original: z.object({ name: z.string(), sha256: sha256RefSchema }).strict(),
    derived: z
      .object({
        name: z.string().regex(/^redacted\/[a-z0-9][a-z0-9._/-]*$/),
        sha256: sha256RefSchema,
        size: z.number().int().nonnegative(),
        mediaType: z.string(),
      })
      .strict(),
    /** How the copy was made, in words a court can read. */
    method: z.string(),
    regions: z.array(redactionRegionSchema),
    /** The earlier redaction of the same original this one replaces (the monitor adjusted it). */
    supersedes: z.string().nullable(),
    seal: sha256RefSchema,
  })
  .strict();
export type Redaction = z.infer<typeof redactionSchema>;
