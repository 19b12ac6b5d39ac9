import type { LegalCase } from '../model/legal-case';
import type { Link, LinkCategory } from '../model/link';
import type { Person } from '../model/person';
import type { CaptureListing } from './capture-listing';
import type { CaptureSummary } from './capture-summary';
import type { CaptureFilters } from './filters';
import { fold, terms } from './normalize';

/** A capture with what it is tagged to, as the list shows it. */
export interface CaptureHit extends CaptureSummary {
  personIds: string[];
  caseIds: string[];
  categories: LinkCategory[];
}

interface Entry {
  hit: CaptureHit;
  day: string;
  /** Folded text of the record (from the listing). */
  text: string;
  /** Folded text of the tags' notes and the linked persons' and cases' names. */
  tagText: string;
}

const unique = <T>(items: T[]) => [...new Set(items)];

/**
 * Newest sealed first; captures sealed in the same millisecond by id, descending — the order in
 * which IndexedDB walks the listings' `sealedAt` index backwards, so a page read from the index
 * (`ListingsRepo.newest`) is exactly the index's first page. ISO-8601 UTC strings order as text
 * (as code units, like IndexedDB keys); localeCompare (ICU) costs ~10× at 10,000 rows.
 */
export function newestFirst(
  a: { sealedAt: string; id: string },
  b: { sealedAt: string; id: string },
): number {
  if (a.sealedAt !== b.sealedAt) return a.sealedAt < b.sealedAt ? 1 : -1;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

/**
 * The captures, searchable, built from their listings (derived rows, see `listingOf`) rather than
 * the full captures: the record's text arrives folded, so building the index is joining each
 * listing with its tags, and a search is a scan of precomputed strings — 10,000 captures cost a
 * few milliseconds.
 */
export class CaptureIndex {
  private readonly entries: Entry[];

  constructor(
    listings: readonly CaptureListing[],
    links: readonly Link[],
    persons: readonly Person[],
    cases: readonly LegalCase[],
  ) {
    const byCapture = new Map<string, Link[]>();
    for (const link of links) {
      const list = byCapture.get(link.captureId) ?? [];
      list.push(link);
      byCapture.set(link.captureId, list);
    }
    const personText = new Map(persons.map((p) => [p.id, fold([p.name, ...p.aliases].join(' '))]));
    const caseText = new Map(
      cases.map((c) => [c.id, fold([c.title, c.article, c.caseNumber].join(' '))]),
    );
    this.entries = [...listings].sort(newestFirst).map(({ v: _v, text, ...summary }) => {
      const tags = byCapture.get(summary.id) ?? [];
      const personIds = unique(tags.flatMap((l) => (l.personId ? [l.personId] : [])));
      const caseIds = unique(tags.flatMap((l) => (l.caseId ? [l.caseId] : [])));
      const tagText = [
        ...tags.flatMap((l) => (l.note ? [fold(l.note)] : [])),
        ...personIds.map((id) => personText.get(id) ?? ''),
        ...caseIds.map((id) => caseText.get(id) ?? ''),
      ].join('\n');
      return {
        hit: { ...summary, personIds, caseIds, categories: unique(tags.map((l) => l.category)) },
        day: summary.sealedAt.slice(0, 10),
        text,
        tagText,
      };
    });
  }

  get size(): number {
    return this.entries.length;
  }

  /** Captures matching every given filter, newest first. */
  search(filters: CaptureFilters = {}, limit = Infinity): CaptureHit[] {
    return this.page(filters, limit).hits;
  }

  /**
   * The first `limit` captures matching every filter, newest first, and how many match in all:
   * the list shows a page and its count, and never ships the rest to the page.
   */
  page(filters: CaptureFilters = {}, limit = Infinity): { total: number; hits: CaptureHit[] } {
    const words = terms(filters.text);
    const hits: CaptureHit[] = [];
    let total = 0;
    for (const { hit, day, text, tagText } of this.entries) {
      if (filters.platform && hit.platform !== filters.platform) continue;
      if (filters.kind && hit.kind !== filters.kind) continue;
      if (filters.personId && !hit.personIds.includes(filters.personId)) continue;
      if (filters.caseId && !hit.caseIds.includes(filters.caseId)) continue;
      if (filters.category && !hit.categories.includes(filters.category)) continue;
      if (filters.untagged && (hit.personIds.length || hit.caseIds.length)) continue;
      if (filters.from && day < filters.from) continue;
      if (filters.to && day > filters.to) continue;
      if (!words.every((w) => text.includes(w) || tagText.includes(w))) continue;
      if (total++ < limit) hits.push(hit);
    }
    return { total, hits };
  }
}
