import { generateBulletin, type BulletinScope } from '../../bulletin/index';
import { ProtocolError, type Handlers } from '../../messaging/router';
import { logEvent } from '../../log';
import { CaptureIndex } from '../../search/capture-index';
import type { CaptureFilters } from '../../search/filters';
import type { Store } from '../../store/store';
import { recentFirst } from './recent-first';

/**
 * The search index is rebuilt only when the archive changed: every write appends a custody
 * event, so the custody head's sequence number is the archive's version. It is built from the
 * captures' listings (small derived rows), not the captures, so a cold worker lists 10,000
 * captures without reading their full records.
 */
function indexCache(store: Store) {
  let cached: { seq: number; index: Promise<CaptureIndex> } | undefined;
  /** The index of the archive at custody sequence `seq`, built unless it is built or building. */
  const build = (seq: number): Promise<CaptureIndex> => {
    if (cached?.seq === seq) return cached.index;
    const index = Promise.all([
      store.listings.all(),
      store.links.all(),
      store.persons.list(),
      store.cases.list(),
    ]).then(
      ([listings, links, persons, cases]) => new CaptureIndex(listings, links, persons, cases),
    );
    cached = { seq, index };
    // Forget only this build: a newer one may have taken its place meanwhile.
    index.catch(() => {
      if (cached?.index === index) cached = undefined;
    });
    return index;
  };
  return {
    build,
    /** The archive's version now, and its index if one is built or building (else null). */
    async peek(): Promise<{ seq: number; index: Promise<CaptureIndex> | null }> {
      const seq = (await store.custody.head())?.seq ?? -1;
      return { seq, index: cached?.seq === seq ? cached.index : null };
    },
  };
}

/** The longest page read from the `sealedAt` index (the list asks for 100 at a time). */
const NEWEST_PAGE_MAX = 500;

const unfiltered = (filters: CaptureFilters) =>
  Object.values(filters).every((value) => value === undefined || value === '' || value === false);

/**
 * The unfiltered list's first page straight from the listings' `sealedAt` index and the tags of
 * those captures: what a monitor sees first after the worker started (or after a change), while
 * the index the filters need is built behind it. Null where the index cannot say (see
 * `ListingsRepo.newest`). The hits are the full index's own (tests/unit/background): persons
 * and cases only add searchable text, which an unfiltered page does not use.
 */
async function newestPage(store: Store, limit: number) {
  // Tags are looked up per capture (blind indices serve equality only): a long page is cheaper
  // from the full index.
  if (limit > NEWEST_PAGE_MAX) return null;
  const newest = await store.listings.newest(limit);
  if (!newest) return null;
  const links = await store.links.forCaptures(newest.listings.map((l) => l.id));
  const { hits } = new CaptureIndex(newest.listings, links, [], []).page({}, limit);
  return { total: newest.total, hits };
}

function scopeOf(req: { caseId?: string; from?: string; to?: string }): BulletinScope {
  if (req.caseId) return { kind: 'case', caseId: req.caseId };
  if (req.from && req.to) return { kind: 'range', from: req.from, to: req.to };
  throw new ProtocolError('invalid_message', 'bulletin.generate needs caseId, or from and to');
}

/** Handlers of the dashboard messages. */
export function dashboardHandlers(store: Store) {
  const index = indexCache(store);
  return {
    'capture.search': async ({ filters, limit }) => {
      const { seq, index: ready } = await index.peek();
      if (!ready && unfiltered(filters)) {
        const page = await newestPage(store, limit);
        if (page) {
          // Built now, so the monitor's first filter finds it ready.
          index.build(seq).catch(() => logEvent('search.index_failed'));
          return page;
        }
      }
      return (await (ready ?? index.build(seq))).page(filters, limit);
    },
    'bulletin.generate': async (req) => {
      const [persons, cases, links, captures] = await Promise.all([
        store.persons.list(),
        store.cases.list(),
        store.links.all(),
        store.captures.list(),
      ]);
      try {
        return generateBulletin(
          { persons, cases, links, captures },
          { scope: scopeOf(req), language: req.language, format: req.format, now: store.ctx.now() },
        );
      } catch (error) {
        if (error instanceof ProtocolError) throw error;
        throw new ProtocolError('invalid_message', (error as Error).message);
      }
    },
    'recent.list': async () => {
      const [persons, cases, links] = await Promise.all([
        store.persons.list(),
        store.cases.list(),
        store.links.all(),
      ]);
      return recentFirst(persons, cases, links);
    },
  } satisfies Partial<Handlers>;
}
