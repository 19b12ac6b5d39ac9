import type { Migration } from './migration';

/**
 * v8 adds the team locker (issue 18): `locker` (its settings and the reconcile cursor, one row
 * each), `lockerQueue` (packages on their way to the bucket, by state) and `secrets` (an S3
 * secret key; a table that exists only sealed: turning the passphrase lock off deletes its rows
 * instead of decrypting them, see `SEALED_ONLY_TABLES`). No existing row changes.
 */
export const v8: Migration = {
  version: 8,
  stores: {
    locker: 'id',
    lockerQueue: 'id, state',
    secrets: 'id',
  },
};
