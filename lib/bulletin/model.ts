import type { Capture } from '../model/capture';
import type { LegalCase, RecordedGround } from '../model/legal-case';
import type { Link, LinkCategory } from '../model/link';
import type { Person } from '../model/person';
import { shortHash, summarizeCapture, type CaptureSummary } from '../search/capture-summary';
import { accountEvents, type AccountEvent } from './account-changes';

/** Which evidence a bulletin covers: one case, or the captures sealed within a range of days. */
export type BulletinScope =
  { kind: 'case'; caseId: string } | { kind: 'range'; from: string; to: string };

export interface BulletinEvidence extends CaptureSummary {
  shortHash: string;
  category: LinkCategory;
  note: string;
  /** Its number in the bulletin's list of evidence (1, 2, …): what the text cites, not an id. */
  ref: number;
}

/** A ground cited in a case: a captured one, or one the monitor recorded by hand. */
export type BulletinGround =
  | { kind: 'captured'; evidence: BulletinEvidence }
  | { kind: 'recorded'; ground: RecordedGround; caseTitle: string };

export interface BulletinAccountEvent {
  event: AccountEvent;
  ref: number;
}

export interface BulletinPersonEntry {
  person: Pick<Person, 'id' | 'name' | 'aliases'> | null;
  cases: LegalCase[];
  grounds: BulletinGround[];
  /** What happened to their accounts within the scope: hacked, suspended, renamed… */
  accountEvents: BulletinAccountEvent[];
  other: BulletinEvidence[];
  /** Captures about them in the scope, however tagged. */
  captureCount: number;
}

export interface BulletinModel {
  scope: BulletinScope;
  /** The case's title when the scope is a case. */
  caseTitle: string | null;
  generatedAt: string;
  entries: BulletinPersonEntry[];
  /** Every capture cited, once, numbered in citation order: the bulletin's appendix. */
  evidence: BulletinEvidence[];
}

export interface BulletinData {
  persons: readonly Person[];
  cases: readonly LegalCase[];
  links: readonly Link[];
  captures: readonly Capture[];
}

const groundTime = (g: BulletinGround): string =>
  g.kind === 'captured'
    ? (g.evidence.publishedAt ?? g.evidence.sealedAt)
    : // Undated grounds after the dated ones.
      (g.ground.date ?? '9999');

/**
 * Builds the bulletin: per person, their cases (article, stage, officials, key dates), the
 * grounds cited — captured, and recorded by hand with no capture — in date order, what happened
 * to their accounts, and other evidence; every capture is cited by its number in the appendix.
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

  const inRange = (day: string) => scope.kind === 'case' || (day >= scope.from && day <= scope.to);
  const inScope = (link: Link): boolean => {
    const capture = captures.get(link.captureId);
    if (!capture) return false;
    if (scope.kind === 'case') return link.caseId === scope.caseId;
    return inRange(capture.sealedAt.slice(0, 10));
  };

  const entries = new Map<string, BulletinPersonEntry>();
  const entryOf = (personId: string | null): BulletinPersonEntry => {
    const key = personId && persons.has(personId) ? personId : '';
    let entry = entries.get(key);
    if (!entry) {
      const p = key ? persons.get(key) : undefined;
      entry = {
        person: p ? { id: p.id, name: p.name, aliases: p.aliases } : null,
        cases: [],
        grounds: [],
        accountEvents: [],
        other: [],
        captureCount: 0,
      };
      entries.set(key, entry);
    }
    return entry;
  };
  const addCase = (entry: BulletinPersonEntry, legalCase: LegalCase | undefined) => {
    if (legalCase && !entry.cases.includes(legalCase)) entry.cases.push(legalCase);
  };

  const evidenceOf = (link: Link): BulletinEvidence => {
    const summary = summarizeCapture(captures.get(link.captureId)!);
    return {
      ...summary,
      shortHash: shortHash(summary.seal),
      category: link.category,
      note: link.note,
      ref: 0,
    };
  };
  const seen = new Set<string>();
  const counted = new Map<BulletinPersonEntry, Set<string>>();
  for (const link of data.links.filter(inScope)) {
    const entry = entryOf(link.personId);
    addCase(entry, link.caseId ? cases.get(link.caseId) : undefined);
    const ids = counted.get(entry) ?? new Set<string>();
    ids.add(link.captureId);
    counted.set(entry, ids);
    const key = `${entry.person?.id ?? ''}|${link.captureId}|${link.category}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const evidence = evidenceOf(link);
    if (link.category === 'ground') entry.grounds.push({ kind: 'captured', evidence });
    else entry.other.push(evidence);
  }
  for (const [entry, ids] of counted) entry.captureCount = ids.size;

  // Grounds recorded by hand, of every case in the bulletin: the list of grounds is the case's,
  // whenever the acts happened (they have no capture that a period could select).
  if (scope.kind === 'case') for (const e of entries.values()) addCase(e, cases.get(scope.caseId));
  for (const entry of [...entries.values()]) {
    for (const legalCase of entry.cases) {
      for (const ground of legalCase.grounds ?? []) {
        const forThem = entry.person
          ? ground.personId === entry.person.id || ground.personId === null
          : ground.personId === null || !persons.has(ground.personId);
        if (forThem) entry.grounds.push({ kind: 'recorded', ground, caseTitle: legalCase.title });
      }
    }
  }
  // A case bulletin names the persons its recorded grounds concern, even with no capture yet.
  if (scope.kind === 'case') {
    const legalCase = cases.get(scope.caseId)!;
    for (const ground of legalCase.grounds ?? []) {
      if (!ground.personId || !persons.has(ground.personId) || entries.has(ground.personId))
        continue;
      const entry = entryOf(ground.personId);
      addCase(entry, legalCase);
      entry.grounds.push({ kind: 'recorded', ground, caseTitle: legalCase.title });
    }
  }

  // What happened to each person's accounts, within the scope.
  const events = new Map<BulletinPersonEntry, AccountEvent[]>();
  for (const entry of entries.values()) {
    const person = entry.person && persons.get(entry.person.id);
    if (!person) continue;
    // A case bulletin tells all of it (the persecution's context); a period what it saw.
    const found = accountEvents(person, data.captures, data.links).filter(
      (e) => scope.kind === 'case' || inRange(e.at.slice(0, 10)),
    );
    events.set(entry, found);
  }

  const sorted = [...entries.values()].sort((a, b) => {
    if (!a.person || !b.person) return a.person ? -1 : 1;
    return a.person.name.localeCompare(b.person.name);
  });
  // Number the evidence in the order the text cites it.
  const evidence: BulletinEvidence[] = [];
  const refs = new Map<string, number>();
  const cite = (summary: BulletinEvidence | Capture): number => {
    let ref = refs.get(summary.id);
    if (ref === undefined) {
      ref = evidence.length + 1;
      refs.set(summary.id, ref);
      const item =
        'ref' in summary
          ? summary
          : {
              ...summarizeCapture(summary),
              shortHash: shortHash(summary.seal),
              category: 'account_state' as const,
              note: '',
              ref,
            };
      evidence.push({ ...item, ref });
    }
    return ref;
  };
  for (const entry of sorted) {
    entry.grounds.sort((a, b) => groundTime(a).localeCompare(groundTime(b)));
    entry.other.sort(
      (a, b) =>
        (a.publishedAt ?? a.sealedAt).localeCompare(b.publishedAt ?? b.sealedAt) ||
        a.id.localeCompare(b.id),
    );
    entry.cases.sort((a, b) => a.title.localeCompare(b.title));
    for (const g of entry.grounds) if (g.kind === 'captured') g.evidence.ref = cite(g.evidence);
    entry.accountEvents = (events.get(entry) ?? []).map((event) => ({
      event,
      ref: cite(captures.get(event.captureId)!),
    }));
    // Account states and notices already told as account events are not listed twice.
    const told = new Set(entry.accountEvents.map((e) => e.event.captureId));
    entry.other = entry.other.filter(
      (e) => !(told.has(e.id) && e.category !== 'ground' && e.category !== 'other'),
    );
    for (const e of entry.other) e.ref = cite(e);
  }
  return {
    scope,
    caseTitle: scope.kind === 'case' ? cases.get(scope.caseId)!.title : null,
    generatedAt,
    entries: sorted,
    evidence,
  };
}
