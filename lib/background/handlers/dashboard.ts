import { generateBulletin, type BulletinScope } from '../../bulletin/index';
import { ProtocolError, type Handlers } from '../../messaging/router';
import { CaptureIndex } from '../../search/capture-index';
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
  return async () => {
    const seq = (await store.custody.head())?.seq ?? -1;
    if (cached?.seq !== seq) {
      const index = Promise.all([
        store.listings.all(),
        store.links.all(),
        store.persons.list(),
        store.cases.list(),
      ]).then(
        ([listings, links, persons, cases]) => new CaptureIndex(listings, links, persons, cases),
      );
      cached = { seq, index };
      index.catch(() => (cached = undefined));
    }
    return cached.index;
  };
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
      return (await index()).page(filters, limit);
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
