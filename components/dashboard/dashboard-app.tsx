import type { FunctionComponent } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { useI18n } from '../i18n-context';
import { BulletinView } from './bulletin/bulletin-view';
import { CapturesView } from './captures/captures-view';
import { CasesView } from './cases/cases-view';
import { CustodyView } from './custody-view';
import { ExportView } from './exchange/export-view';
import { ImportView } from './exchange/import-view';
import { LockerView } from './locker/locker-view';
import { PersonsView } from './persons/persons-view';
import { href, useRoute } from './route';
import { SettingsView } from './settings/settings-view';
import { SecurityPanel } from '../vault/security-panel';

const VIEWS: Record<string, { label: string; View: FunctionComponent<{ id: string | null }> }> = {
  captures: { label: 'navCaptures', View: CapturesView },
  cases: { label: 'navCases', View: CasesView },
  persons: { label: 'navPersons', View: PersonsView },
  bulletin: { label: 'navBulletin', View: BulletinView },
  export: { label: 'navExport', View: ExportView },
  import: { label: 'navImport', View: ImportView },
  locker: { label: 'navLocker', View: LockerView },
  custody: { label: 'navCustody', View: CustodyView },
  settings: { label: 'navSettings', View: SettingsView },
  security: { label: 'navSecurity', View: SecurityPanel },
};

/** The dashboard: one view at a time, chosen by the URL hash so views can be linked to. */
export function DashboardApp() {
  const { t } = useI18n();
  const route = useRoute();
  const name = route.view in VIEWS ? route.view : 'captures';
  const { View } = VIEWS[name]!;
  const main = useRef<HTMLElement>(null);
  // A new screen moves focus to its content, as a page load would (screen readers announce it).
  const first = useRef(true);
  useEffect(() => {
    if (first.current) first.current = false;
    else main.current?.focus();
  }, [name, route.id]);
  return (
    <div class="dashboard">
      <a class="skip-link" href="#main">
        {t('skipToContent')}
      </a>
      <nav class="sidebar" aria-label={t('navLabel')}>
        <p class="brand">{t('appTitle')}</p>
        <ul>
          {Object.keys(VIEWS).map((view) => (
            <li key={view}>
              <a href={href(view)} aria-current={view === name ? 'page' : undefined}>
                {t(VIEWS[view]!.label)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <main class="content" id="main" tabIndex={-1} ref={main}>
        <View id={route.id} />
      </main>
    </div>
  );
}
