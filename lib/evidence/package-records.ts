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

export const linkShape = object({
  id: string(),
  captureId: string(),
  personId: nullable(string()),
  caseId: nullable(string()),
  category: oneOf(LINK_CATEGORIES),
  note: string(),
  createdAt: datetime,
});

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

/** Persons and cases: the verifier needs their id only. */
export const recordIdShape = object({ id: string() }, 'loose');
