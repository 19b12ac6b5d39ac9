import type { Migration } from './migration';

/**
 * v5 indexes `listings` by `sealedAt`, so a worker that has just started can answer the
 * unfiltered captures list with its newest page (an index range of a hundred rows) before it has
 * read all 10,000 listings to build the search index. No upgrade: IndexedDB builds the index over
 * the stored rows. Under the passphrase lock the value is blinded like every indexed field, so
 * the index orders nothing there and the quick page is not used (see `ListingsRepo.newest`).
 */
export const v5: Migration = {
  version: 5,
  stores: {
    listings: 'id, sealedAt',
  },
};
