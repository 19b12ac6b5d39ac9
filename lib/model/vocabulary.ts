// The enumerations of the domain as plain constants, without zod: the offline verifier
// (lib/evidence, bundled into verify.html) needs them and must not pull in a schema library.

export const CUSTODY_EVENT_TYPES = [
  'key_created',
  'key_rotated',
  'captured',
  /** A redacted working copy of a capture's artifacts was sealed (lib/evidence/redaction). */
  'redacted',
  'tagged',
  'untagged',
  'note_added',
  'person_created',
  'person_updated',
  'case_created',
  'case_updated',
  'exported',
  'imported',
  'deleted',
  'integrity_checked',
  'loss_acknowledged',
  /** The monitor accepted a package's signer on import without a pinned fingerprint. */
  'signer_accepted',
  /** A trusted time-stamp token over a capture's seal (RFC 3161), taken after it was sealed. */
  'timestamped',
  /** A package confirmed stored in the team locker (bucket, key, version id, retain-until). */
  'deposited',
] as const;

export const CUSTODY_SUBJECT_KINDS = [
  'capture',
  'person',
  'case',
  'link',
  'key',
  'package',
  'store',
] as const;

export const LINK_CATEGORIES = [
  'ground',
  'account_state',
  'hack_evidence',
  'takedown_notice',
  'other',
] as const;
