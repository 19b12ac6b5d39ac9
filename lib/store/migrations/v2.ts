import type { Migration } from './migration';

/**
 * v2 adds `vault`: the passphrase lock's single record (wrapped data key, KDF salt and
 * parameters, wrapped signing keys). It is the only table never encrypted, and deleting its row
 * is the panic wipe's crypto-shredding. No existing row changes.
 */
export const v2: Migration = {
  version: 2,
  stores: {
    vault: 'id',
  },
};
