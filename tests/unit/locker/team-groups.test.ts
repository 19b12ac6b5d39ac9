import { describe, expect, it } from 'vitest';
import { caseTitles, groupByMonitor } from '../../../components/dashboard/locker/team-groups';
import type { TeamEntry } from '../../../lib/locker/team-listing';

const A = 'aaaa-0000-0000-0000-0000-0000-0000-0001';
const B = 'bbbb-0000-0000-0000-0000-0000-0000-0002';

function entry(fingerprint: string, day: string, id: string, cases: string[]): TeamEntry {
  return {
    fingerprint,
    day,
    packageId: id.padEnd(32, '0'),
    key: `dalel/${fingerprint}/${day}/${id.padEnd(32, '0')}.zip`,
    indexKey: null,
    size: 100,
    lastModified: null,
    facts: {
      created: `${day}T10:00:00.000Z`,
      kind: 'export',
      captures: 1,
      cases: cases.map((title, i) => ({ id: `case_${i}`, title })),
      sha256: '0'.repeat(64),
    },
    source: 'index',
    indexProblem: null,
  };
}

describe('the pull page groups the bucket by monitor, then date, filtered by case', () => {
  const entries = [
    entry(B, '2026-11-01', '1', ['Дело Садыковой']),
    entry(A, '2026-10-01', '2', ['Іс Нұрланов']),
    entry(A, '2026-12-01', '3', ['Дело Садыковой', 'Іс Нұрланов']),
    { ...entry(A, '2026-09-01', '4', []), facts: null, source: 'none' as const },
  ];

  it('one group per monitor fingerprint, newest date first', () => {
    const groups = groupByMonitor(entries, null);
    expect(groups.map((g) => g.fingerprint)).toEqual([A, B]);
    expect(groups[0]!.entries.map((e) => e.day)).toEqual([
      '2026-12-01',
      '2026-10-01',
      '2026-09-01',
    ]);
  });

  it("a case keeps only that case's packages, across monitors; the filter lists every title once", () => {
    expect(caseTitles(entries)).toEqual(
      ['Іс Нұрланов', 'Дело Садыковой'].sort((a, b) => a.localeCompare(b)),
    );
    const groups = groupByMonitor(entries, 'Дело Садыковой');
    expect(groups.map((g) => [g.fingerprint, g.entries.map((e) => e.day)])).toEqual([
      [A, ['2026-12-01']],
      [B, ['2026-11-01']],
    ]);
  });
});
