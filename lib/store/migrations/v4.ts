import type { Migration } from './migration';

/**
 * v4 adds `listings`: one derived row per capture (its list summary and folded record text, see
 * `lib/search/capture-listing.ts`), so the dashboard's list reads 10,000 small rows instead of
 * 10,000 full captures. No upgrade: rows are filled from the captures on first use (the store
 * may be locked while it opens, and a listing is rebuildable at any time), and no existing row
 * changes. Keyed by capture id only (v5 adds an index on `sealedAt`).
 */
export const v4: Migration = {
  version: 4,
  stores: {
    listings: 'id',
  },
};
