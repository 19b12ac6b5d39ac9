import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { loadTranslator } from '../lib/i18n/load';
import { scrubLegacyDrafts } from './drafts';
import { request } from '../lib/messaging/client';
import { I18nContext, type I18n } from './i18n-context';
import { VaultGate } from './vault/vault-gate';
import { createFormatters } from './ui/formatters';
import { setErrorTranslator } from './ui/describe-error';

/**
 * Loads the chosen language, then renders the page; shows why if the background is unreachable.
 * `beforeGate` shows above the passphrase lock's gate, so also while locked (the popup's last
 * failed capture: most often "Dalel is locked").
 */
export function AppRoot({
  children,
  beforeGate,
}: {
  children: ComponentChildren;
  beforeGate?: ComponentChildren;
}) {
  const [i18n, setI18n] = useState<I18n | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    // Older versions kept drafts (captured URLs, notes) in localStorage, a file in the profile.
    scrubLegacyDrafts();
    (async () => {
      const settings = await request('settings.get').catch(() => ({ language: 'auto' as const }));
      const { language, t, messages, english } = await loadTranslator(settings.language);
      document.documentElement.lang = language;
      setErrorTranslator(t);
      setI18n(createFormatters(language, t, { messages, english }));
    })().catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  }, []);

  if (error)
    return (
      <p role="alert" class="error">
        {error}
      </p>
    );
  if (!i18n) return <p class="muted">…</p>;
  return (
    <I18nContext.Provider value={i18n}>
      {beforeGate}
      <VaultGate>{children}</VaultGate>
    </I18nContext.Provider>
  );
}
