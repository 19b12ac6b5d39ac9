// The backup reminder's boundary (lib/services/backup-status.ts): captures in no backup are
// overdue after more than a week, not at exactly a week.
import { describe, expect, it } from 'vitest';
import { BACKUP_AFTER_DAYS, overdueCaptures } from '../../../lib/services/backup-status';

describe('overdue captures', () => {
  const at = '2026-05-01T10:00:00.000Z';
  const status = { lastBackupAt: at, captures: 5, notBackedUp: 2, atRiskSince: at };
  const after = (ms: number) => new Date(Date.parse(at) + ms);
  const week = BACKUP_AFTER_DAYS * 86_400_000;

  it('a week is seven days', () => {
    expect(BACKUP_AFTER_DAYS).toBe(7);
  });

  it('exactly a week is not yet overdue; a millisecond more is', () => {
    expect(overdueCaptures(status, after(week))).toBe(0);
    expect(overdueCaptures(status, after(week + 1))).toBe(2);
  });

  it('a clock set before the last backup reminds of nothing', () => {
    expect(overdueCaptures(status, after(-week * 2))).toBe(0);
  });
});
