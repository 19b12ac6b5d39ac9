import type { ComponentChildren } from 'preact';
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { HandlerResults } from '../../lib/background/handlers/index';
import { request } from '../../lib/messaging/client';
import { useI18n } from '../i18n-context';
import { SecurityPanel } from './security-panel';
import { StorageWarning } from './storage-warning';
import { UnlockScreen } from './unlock-screen';
import './vault.css';

type Status = HandlerResults['vault.status'];

const RECHECK_MS = 30_000;

/**
 * Stands in front of every page: the unlock screen while the passphrase lock is closed (checked
 * again on focus and every 30 s, so an auto-lock shows), storage warnings, and the security
 * settings at `#security`.
 */
export function VaultGate({ children }: { children: ComponentChildren }) {
  const { t } = useI18n();
  const [status, setStatus] = useState<Status | null>(null);
  const [hash, setHash] = useState(location.hash);
  const refresh = useCallback(() => {
    request('vault.status')
      .then(setStatus)
      .catch(() => setStatus({ enabled: false, locked: false, state: null }));
  }, []);
  useEffect(() => {
    refresh();
    const timer = setInterval(refresh, RECHECK_MS);
    const onHash = () => setHash(location.hash);
    window.addEventListener('focus', refresh);
    window.addEventListener('hashchange', onHash);
    return () => {
      clearInterval(timer);
      window.removeEventListener('focus', refresh);
      window.removeEventListener('hashchange', onHash);
    };
  }, [refresh]);

  if (!status) return <p class="muted">{t('loading')}</p>;
  if (status.locked) return <UnlockScreen onUnlocked={refresh} />;
  return (
    <>
      <StorageWarning />
      {hash === '#security' ? <SecurityPanel status={status} onChange={refresh} /> : children}
    </>
  );
}
