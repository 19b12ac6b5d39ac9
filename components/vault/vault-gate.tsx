import type { ComponentChildren } from 'preact';
import { useCallback, useEffect, useState } from 'preact/hooks';
import { request } from '../../lib/messaging/client';
import { useI18n } from '../i18n-context';
import { PrivateStorageNote } from './private-storage-note';
import { StorageWarning } from './storage-warning';
import { UnlockScreen } from './unlock-screen';
import { VaultContext, type VaultStatus } from './vault-context';
import './vault.css';

const RECHECK_MS = 30_000;

/**
 * Stands in front of every page: the unlock screen while the passphrase lock is closed (checked
 * again on focus and every 30 s, so an auto-lock shows), storage warnings, and the lock's state
 * for the pages inside it (the Security screen).
 */
export function VaultGate({ children }: { children: ComponentChildren }) {
  const { t } = useI18n();
  const [status, setStatus] = useState<VaultStatus | null>(null);
  const refresh = useCallback(() => {
    request('vault.status')
      .then(setStatus)
      .catch(() => setStatus({ enabled: false, locked: false, state: null }));
  }, []);
  useEffect(() => {
    refresh();
    const timer = setInterval(refresh, RECHECK_MS);
    window.addEventListener('focus', refresh);
    return () => {
      clearInterval(timer);
      window.removeEventListener('focus', refresh);
    };
  }, [refresh]);

  if (!status) return <p class="muted">{t('loading')}</p>;
  if (status.locked) return <UnlockScreen onUnlocked={refresh} />;
  return (
    <VaultContext.Provider value={{ status, refresh }}>
      <StorageWarning />
      <PrivateStorageNote lockOn={status.enabled} />
      {children}
    </VaultContext.Provider>
  );
}
