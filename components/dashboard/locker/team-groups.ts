import type { TeamEntry } from '../../../lib/locker/team-listing';

export interface MonitorGroup {
  fingerprint: string;
  /** Newest day first. */
  entries: TeamEntry[];
}

/** Every case title the listing names, sorted, for the case filter. */
export function caseTitles(entries: TeamEntry[]): string[] {
  const titles = new Set(entries.flatMap((e) => (e.facts?.cases ?? []).map((c) => c.title)));
  return [...titles].sort((a, b) => a.localeCompare(b));
}

/** The listing by monitor fingerprint, then date (newest first), keeping only `caseTitle`'s. */
export function groupByMonitor(entries: TeamEntry[], caseTitle: string | null): MonitorGroup[] {
  const groups = new Map<string, TeamEntry[]>();
  for (const entry of entries) {
    if (caseTitle !== null && !(entry.facts?.cases ?? []).some((c) => c.title === caseTitle))
      continue;
    groups.set(entry.fingerprint, [...(groups.get(entry.fingerprint) ?? []), entry]);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([fingerprint, list]) => ({
      fingerprint,
      entries: list.sort(
        (a, b) =>
          b.day.localeCompare(a.day) ||
          (b.facts?.created ?? '').localeCompare(a.facts?.created ?? '') ||
          a.packageId.localeCompare(b.packageId),
      ),
    }));
}
