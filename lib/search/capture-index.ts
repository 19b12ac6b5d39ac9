import type { Capture } from '../model/capture';
import type { LegalCase } from '../model/legal-case';
import type { Link, LinkCategory } from '../model/link';
import type { Person } from '../model/person';
import { summarizeCapture, type CaptureSummary } from './capture-summary';
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
  /** Folded text of the record, the tags' notes and the linked persons' and cases' names. */
  haystack: string;
}

function recordText(c: Capture): string[] {
  const r = c.record;
  return [
    c.url,
    c.metadata.title,
    r.title,
    r.text,
    r.post?.text,
    r.post?.author.name,
    r.post?.author.handle,
    r.post?.repostOf?.text,
    r.post?.repostOf?.author.name,
    r.post?.repostOf?.author.handle,
    ...(r.post?.hashtags ?? []),
    r.account?.name,
    r.account?.handle,
    r.account?.bio,
    r.notice?.message,
  ].filter((s): s is string => typeof s === 'string');
}

const unique = <T>(items: T[]) => [...new Set(items)];

/**
 * The captures, searchable. The folded text of every capture is built once, here; a search is a
 * scan of precomputed strings, so 10,000 captures cost a few milliseconds, not a re-extraction.
 */
export class CaptureIndex {
  private readonly entries: Entry[];

  constructor(
    captures: readonly Capture[],
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
    const personText = new Map(persons.map((p) => [p.id, [p.name, ...p.aliases].join(' ')]));
    const caseText = new Map(
      cases.map((c) => [c.id, [c.title, c.article, c.caseNumber].join(' ')]),
    );
    this.entries = [...captures]
      .sort((a, b) => b.sealedAt.localeCompare(a.sealedAt))
      .map((capture) => {
        const tags = byCapture.get(capture.id) ?? [];
        const personIds = unique(tags.flatMap((l) => (l.personId ? [l.personId] : [])));
        const caseIds = unique(tags.flatMap((l) => (l.caseId ? [l.caseId] : [])));
        const text = [
          ...recordText(capture),
          ...tags.map((l) => l.note),
          ...personIds.map((id) => personText.get(id) ?? ''),
          ...caseIds.map((id) => caseText.get(id) ?? ''),
        ];
        return {
          hit: {
            ...summarizeCapture(capture),
            personIds,
            caseIds,
            categories: unique(tags.map((l) => l.category)),
          },
          day: capture.sealedAt.slice(0, 10),
          haystack: fold(text.join('\n')),
        };
      });
  }

  get size(): number {
    return this.entries.length;
  }

  /** Captures matching every given filter, newest first. */
  search(filters: CaptureFilters = {}, limit = Infinity): CaptureHit[] {
    const words = terms(filters.text);
    const out: CaptureHit[] = [];
    for (const { hit, day, haystack } of this.entries) {
      if (out.length >= limit) break;
      if (filters.platform && hit.platform !== filters.platform) continue;
      if (filters.kind && hit.kind !== filters.kind) continue;
      if (filters.personId && !hit.personIds.includes(filters.personId)) continue;
      if (filters.caseId && !hit.caseIds.includes(filters.caseId)) continue;
      if (filters.category && !hit.categories.includes(filters.category)) continue;
      if (filters.from && day < filters.from) continue;
      if (filters.to && day > filters.to) continue;
      if (!words.every((w) => haystack.includes(w))) continue;
      out.push(hit);
    }
    return out;
  }
}
