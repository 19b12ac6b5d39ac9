import type { Capture } from '../model/capture';
import type { LegalCase } from '../model/legal-case';
import type { Link, LinkCategory } from '../model/link';
import type { Person } from '../model/person';
import { shortHash, summarizeCapture, type CaptureSummary } from '../search/capture-summary';

/** Which evidence a bulletin covers: one case, or the captures sealed within a range of days. */
export type BulletinScope =
  { kind: 'case'; caseId: string } | { kind: 'range'; from: string; to: string };

export interface BulletinEvidence extends CaptureSummary {
  shortHash: string;
  category: LinkCategory;
  note: string;
}

export interface BulletinPersonEntry {
  person: Pick<Person, 'id' | 'name' | 'aliases'> | null;
  cases: LegalCase[];
  grounds: BulletinEvidence[];
  other: BulletinEvidence[];
}

export interface BulletinModel {
  scope: BulletinScope;
  /** The case's title when the scope is a case. */
  caseTitle: string | null;
  generatedAt: string;
  entries: BulletinPersonEntry[];
  /** Every capture cited, once, in citation order: the bulletin's appendix. */
  evidence: BulletinEvidence[];
}

export interface BulletinData {
  persons: readonly Person[];
  cases: readonly LegalCase[];
  links: readonly Link[];
  captures: readonly Capture[];
}

const byTime = (a: BulletinEvidence, b: BulletinEvidence) =>
  (a.publishedAt ?? a.sealedAt).localeCompare(b.publishedAt ?? b.sealedAt) ||
  a.id.localeCompare(b.id);

/**
 * Builds the bulletin: per person, their cases (article, stage, officials, key dates) and the
 * evidence tagged to them — grounds cited first — each item naming its capture and hash.
 */
export function buildBulletin(
  data: BulletinData,
  scope: BulletinScope,
  generatedAt: string,
): BulletinModel {
  const captures = new Map(data.captures.map((c) => [c.id, c]));
  const cases = new Map(data.cases.map((c) => [c.id, c]));
  const persons = new Map(data.persons.map((p) => [p.id, p]));
  if (scope.kind === 'case' && !cases.has(scope.caseId))
    throw new Error(`bulletin: no case ${scope.caseId}`);
  if (scope.kind === 'range' && scope.from > scope.to)
    throw new Error(`bulletin: the range starts (${scope.from}) after it ends (${scope.to})`);

  const inScope = (link: Link): boolean => {
    const capture = captures.get(link.captureId);
    if (!capture) return false;
    if (scope.kind === 'case') return link.caseId === scope.caseId;
    const day = capture.sealedAt.slice(0, 10);
    return day >= scope.from && day <= scope.to;
  };

  const entries = new Map<string, BulletinPersonEntry>();
  const entryOf = (personId: string | null): BulletinPersonEntry => {
    const key = personId ?? '';
    let entry = entries.get(key);
    if (!entry) {
      const p = personId ? persons.get(personId) : undefined;
      entry = {
        person: p ? { id: p.id, name: p.name, aliases: p.aliases } : null,
        cases: [],
        grounds: [],
        other: [],
      };
      entries.set(key, entry);
    }
    return entry;
  };

  const seen = new Set<string>();
  for (const link of data.links.filter(inScope)) {
    const entry = entryOf(link.personId && persons.has(link.personId) ? link.personId : null);
    const legalCase = link.caseId ? cases.get(link.caseId) : undefined;
    if (legalCase && !entry.cases.includes(legalCase)) entry.cases.push(legalCase);
    const evidence: BulletinEvidence = {
      ...summarizeCapture(captures.get(link.captureId)!),
      shortHash: '',
      category: link.category,
      note: link.note,
    };
    evidence.shortHash = shortHash(evidence.seal);
    const list = link.category === 'ground' ? entry.grounds : entry.other;
    const key = `${link.captureId}|${link.category}`;
    if (seen.has(`${entry.person?.id ?? ''}|${key}`)) continue;
    seen.add(`${entry.person?.id ?? ''}|${key}`);
    list.push(evidence);
  }

  const sorted = [...entries.values()].sort((a, b) => {
    if (!a.person || !b.person) return a.person ? -1 : 1;
    return a.person.name.localeCompare(b.person.name);
  });
  const evidence: BulletinEvidence[] = [];
  const cited = new Set<string>();
  for (const entry of sorted) {
    entry.grounds.sort(byTime);
    entry.other.sort(byTime);
    entry.cases.sort((a, b) => a.title.localeCompare(b.title));
    for (const item of [...entry.grounds, ...entry.other]) {
      if (cited.has(item.id)) continue;
      cited.add(item.id);
      evidence.push(item);
    }
  }
  return {
    scope,
    caseTitle: scope.kind === 'case' ? cases.get(scope.caseId)!.title : null,
    generatedAt,
    entries: sorted,
    evidence,
  };
}
