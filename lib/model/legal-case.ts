import { z } from 'zod';

export const OFFICIAL_ROLES = [
  'investigator',
  'prosecutor',
  'judge',
  'police',
  'security_service',
  'lawyer',
  'other',
] as const;

export const officialSchema = z
  .object({
    name: z.string().min(1),
    role: z.enum(OFFICIAL_ROLES),
    /** Rank, unit, office: "chief investigator, Investigative Division of Astana Police". */
    position: z.string(),
  })
  .strict();

export const caseDateSchema = z
  .object({
    label: z.string().min(1),
    /** A calendar date (YYYY-MM-DD): legal events are dated, not timed. */
    date: z.iso.date(),
  })
  .strict();

/**
 * A ground the prosecution cites that no capture holds, recorded by the monitor by hand: a
 * gesture, a shout at a gathering, attendance at a protest, a phrase from the indictment.
 */
export const recordedGroundSchema = z
  .object({
    /** Whom it concerns; null when it concerns the case as a whole (or its only person). */
    personId: z.string().nullable(),
    /** When it happened (YYYY-MM-DD), when known. */
    date: z.iso.date().nullable(),
    /** What is cited, in the monitor's words or quoted from the indictment. */
    text: z.string().trim().min(1),
    /** Where the monitor learned it: the indictment, the lawyer, the person's family. */
    source: z.string(),
  })
  .strict();
export type RecordedGround = z.infer<typeof recordedGroundSchema>;

export const CASE_STATUSES = [
  'investigation',
  'indictment',
  'trial',
  'appeal',
  'sentenced',
  'closed',
  'other',
] as const;

export const legalCaseSchema = z
  .object({
    id: z.string(),
    title: z.string().min(1),
    /** As charged, e.g. "Art. 405 Part 2 (participation in an extremist organization)". */
    article: z.string(),
    caseNumber: z.string(),
    jurisdiction: z.string(),
    status: z.enum(CASE_STATUSES),
    officials: z.array(officialSchema),
    dates: z.array(caseDateSchema),
    /** Grounds with no capture (recordedGroundSchema); absent in records made before them. */
    grounds: z.array(recordedGroundSchema).default([]),
    notes: z.string(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .strict();

export type LegalCase = z.infer<typeof legalCaseSchema>;
export type Official = z.infer<typeof officialSchema>;

const legalCaseFields = {
  title: z.string().trim().min(1, 'titleRequired'),
  article: z.string(),
  caseNumber: z.string(),
  jurisdiction: z.string(),
  status: z.enum(CASE_STATUSES),
  officials: z.array(officialSchema),
  dates: z.array(caseDateSchema),
  grounds: z.array(recordedGroundSchema),
  notes: z.string(),
};

export const legalCaseInputSchema = z
  .object({
    ...legalCaseFields,
    article: legalCaseFields.article.default(''),
    caseNumber: legalCaseFields.caseNumber.default(''),
    jurisdiction: legalCaseFields.jurisdiction.default(''),
    status: legalCaseFields.status.default('investigation'),
    officials: legalCaseFields.officials.default([]),
    dates: legalCaseFields.dates.default([]),
    grounds: legalCaseFields.grounds.default([]),
    notes: legalCaseFields.notes.default(''),
  })
  .strict();
export type LegalCaseInput = z.input<typeof legalCaseInputSchema>;

/**
 * A change to a case: only the fields it names. Not `legalCaseInputSchema.partial()`, whose
 * defaults would fill in every field left out and so erase it.
 */
export const legalCasePatchSchema = z.object(legalCaseFields).partial().strict();
