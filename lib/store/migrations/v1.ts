import type { Migration } from './migration';

/**
 * The first schema. Never edit it once released: add `v2.ts` with the new `stores` and an
 * `upgrade` that rewrites old rows, and a test that seeds v1 and opens the latest.
 */
export const v1: Migration = {
  version: 1,
  stores: {
    persons: 'id, name, *aliases, *accountKeys, updatedAt',
    cases: 'id, title, caseNumber, status, updatedAt',
    captures: 'id, url, platform, kind, sealedAt, accountKey',
    artifacts: 'sha256',
    links: 'id, captureId, personId, caseId, category, createdAt',
    custody: 'seq, type, subject.id, at',
    keys: 'id, fingerprint, createdAt',
    settings: 'key',
  },
};
