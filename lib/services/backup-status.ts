import type { Store } from '../store/store';

export interface BackupStatus {
  /** When the whole archive was last exported (a package of scope `all`), if ever. */
  lastBackupAt: string | null;
  captures: number;
  /** Captures not in that package (all of them without one). */
  notBackedUp: number;
  /** Since when those captures have been at risk: the last backup, else the archive's start. */
  atRiskSince: string | null;
}

/**
 * What a backup would protect now (integrity.md D6: removing the extension or losing the profile
 * deletes its storage; only packages kept elsewhere survive). Reads the export events and a
 * count, not the captures.
 */
export async function backupStatus(store: Store): Promise<BackupStatus> {
  const backups = (await store.custody.ofType('exported')).filter((e) => e.data.scope === 'all');
  const last = backups.at(-1);
  const captures = await store.captures.count();
  const inBackup = Array.isArray(last?.data.captures) ? last.data.captures.length : 0;
  return {
    lastBackupAt: last?.at ?? null,
    captures,
    notBackedUp: Math.max(0, captures - inBackup),
    atRiskSince: last?.at ?? (await store.custody.at(0))?.at ?? null,
  };
}

/** How long captures may stay in no backup before the dashboard reminds the monitor. */
export const BACKUP_AFTER_DAYS = 7;

/** How many captures to remind of now: those in no backup, once they have been so for a week. */
export function overdueCaptures(status: BackupStatus, now: Date): number {
  if (status.notBackedUp === 0 || status.atRiskSince === null) return 0;
  const age = now.getTime() - Date.parse(status.atRiskSince);
  return age > BACKUP_AFTER_DAYS * 86_400_000 ? status.notBackedUp : 0;
}
