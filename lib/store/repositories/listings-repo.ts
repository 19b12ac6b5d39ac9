import { logEvent } from '../../log';
import { LISTING_VERSION, listingOf, type CaptureListing } from '../../search/capture-listing';
import type { StoreContext } from '../context';

// Captures read per request while deriving listings: bounded memory on a first run at 10,000.
const DERIVE_CHUNK = 500;

/**
 * The captures list's derived rows (schema v4). Not evidence: a listing is a pure function of
 * an immutable capture, so it is written lazily — whenever the list finds a capture without a
 * current listing (sealed before v4, imported, or derived by an older `listingOf`) — and losing
 * or rebuilding one changes nothing. No custody event: nothing of the archive changes.
 */
export class ListingsRepo {
  constructor(private readonly ctx: StoreContext) {}

  /**
   * The listing of every stored capture, in no particular order. Derives and stores the missing
   * ones first; if storing them fails (a full disk) they are still returned, and derived again
   * next time.
   */
  async all(): Promise<CaptureListing[]> {
    const { db } = this.ctx;
    // Two read transactions side by side: a capture sealed in between is derived next time.
    const [count, rows] = await Promise.all([db.captures.count(), db.listings.toArray()]);
    const current = new Map<string, CaptureListing>();
    for (const row of rows) if (row.v === LISTING_VERSION) current.set(row.id, row);
    // Captures are never deleted (only the whole database is), and a listing is only ever
    // derived from a stored capture: as many current listings as captures means all of them.
    if (current.size === count) return [...current.values()];
    const ids = await db.captures.toCollection().primaryKeys();
    const missing = ids.filter((id) => !current.has(id));
    if (missing.length > 0) {
      const fresh = await this.derive(missing);
      for (const listing of fresh) current.set(listing.id, listing);
    }
    // Only captures that exist: a listing never outlives its capture in the list.
    return ids.flatMap((id) => current.get(id) ?? []);
  }

  /** Derives and stores the listings of these captures (e.g. right after an import). */
  async derive(ids: readonly string[]): Promise<CaptureListing[]> {
    const { db } = this.ctx;
    const fresh: CaptureListing[] = [];
    for (let i = 0; i < ids.length; i += DERIVE_CHUNK) {
      const captures = await db.captures.bulkGet(ids.slice(i, i + DERIVE_CHUNK));
      for (const capture of captures) if (capture) fresh.push(listingOf(capture));
    }
    try {
      await db.transaction('rw', db.listings, () => db.listings.bulkPut(fresh));
    } catch {
      logEvent('listings.store_failed', { listings: fresh.length });
    }
    return fresh;
  }

  /**
   * The `limit` newest listings (see `newestFirst`), read from the `sealedAt` index, and how many
   * captures there are in all — or null when
   * that could differ from the full list: under the passphrase lock (the index holds blind
   * values), while some capture has no listing yet, or when one of these is of an older
   * derivation. The caller then builds the list from `all()`.
   */
  async newest(limit: number): Promise<{ total: number; listings: CaptureListing[] } | null> {
    const { db, cipher } = this.ctx;
    if (cipher && (cipher.mode !== 'plain' || cipher.migrating)) return null;
    // One read transaction: the counts and the page describe the same moment.
    const [listings, captures, page] = await db.transaction('r', db.listings, db.captures, () =>
      Promise.all([
        db.listings.count(),
        db.captures.count(),
        db.listings.orderBy('sealedAt').reverse().limit(limit).toArray(),
      ]),
    );
    // Listings never outlive their capture (see `all`): as many as captures means one each.
    if (listings !== captures) return null;
    if (page.some((row) => row.v !== LISTING_VERSION)) return null;
    return { total: captures, listings: page };
  }

  count(): Promise<number> {
    return this.ctx.db.listings.count();
  }
}
