import type { HandlerResults } from '../../../lib/background/handlers/index';
import { useI18n } from '../../i18n-context';

type BackupStatus = HandlerResults['backup.status'];

/** When the whole archive was last backed up and how many captures came since. */
export function BackupLine({ status }: { status: BackupStatus }) {
  const { t, formatTime, formatNumber } = useI18n();
  return (
    <p class="muted" data-testid="backup-status">
      {status.lastBackupAt
        ? t('backupLast', formatTime(status.lastBackupAt), formatNumber(status.notBackedUp))
        : t('backupNever')}
    </p>
  );
}
