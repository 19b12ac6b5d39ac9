// The records of a package as the verifier reads them. Custody events and links are checked
// whole (every field matters to a check); captures, persons and cases only in the fields the
// verifier relies on — the rest is covered by the file's hash and the capture's seal, and an
// import parses each record with the full schema of lib/model before storing it.
// tests/unit/evidence/package-records.test.ts keeps these in step with the zod schemas.
import { CUSTODY_EVENT_TYPES, CUSTODY_SUBJECT_KINDS, LINK_CATEGORIES } from '../model/vocabulary';
import {
  array,
  count,
  datetime,
  nullable,
  object,
  oneOf,
  record,
  sha256Ref,
  string,
  unknown,
  where,
} from './shape';

export const custodyEventShape = object({
  seq: count,
  at: datetime,
  actor: string(),
  type: oneOf(CUSTODY_EVENT_TYPES),
  subject: object({ kind: oneOf(CUSTODY_SUBJECT_KINDS), id: string() }),
  data: record(unknown),
  prevHash: sha256Ref,
  hash: sha256Ref,
});

// As lib/model/link.ts: a link names a person, a case or both, never neither.
export const linkShape = where(
  object({
    id: string(),
    captureId: string(),
    personId: nullable(string()),
    caseId: nullable(string()),
    category: oneOf(LINK_CATEGORIES),
    note: string(),
    createdAt: datetime,
  }),
  (l) => l.personId !== null || l.caseId !== null,
  { path: 'caseId', allowed: 'a case id when personId is null (a link names a person or a case)' },
);

export const captureShape = object(
  {
    id: string(),
    url: string(),
    sealedAt: datetime,
    seal: sha256Ref,
    artifacts: array(
      object({ name: string(), sha256: sha256Ref, size: count, mediaType: string() }, 'loose'),
    ),
  },
  'loose',
);

/**
 * A redacted working copy's record (lib/model/redaction.ts): whole, since its seal covers it;
 * the regions only in the fields the verifier does not judge one by one.
 */
export const redactionShape = object({
  id: string({ pattern: /^red_[0-9a-f]{24}$/, name: 'redaction id' }),
  captureId: string(),
  createdAt: datetime,
  original: object({ name: string(), sha256: sha256Ref }),
  derived: object({ name: string(), sha256: sha256Ref, size: count, mediaType: string() }),
  method: string(),
  regions: array(object({}, 'loose')),
  supersedes: nullable(string()),
  seal: sha256Ref,
});

/** Persons and cases: the verifier needs their id only. */
export const recordIdShape = object({ id: string() }, 'loose');
