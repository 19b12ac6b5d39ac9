import { useEffect, useState } from 'preact/hooks';
import { useI18n } from '../i18n-context';
import { CasesView } from './cases-view';
import { CustodyView } from './custody-view';
import { PersonsView } from './persons-view';
import { SettingsView } from './settings-view';

const VIEWS = {
  cases: { label: 'navCases', View: CasesView },
  persons: { label: 'navPersons', View: PersonsView },
  custody: { label: 'navCustody', View: CustodyView },
  settings: { label: 'navSettings', View: SettingsView },
} as const;
type ViewName = keyof typeof VIEWS;

function viewFromHash(): ViewName {
  const name = location.hash.replace(/^#\/?/, '').split('/')[0] as ViewName;
  return name in VIEWS ? name : 'cases';
}

/** The dashboard: one view at a time, chosen by the URL hash so views can be linked to. */
export function DashboardApp() {
  const { t } = useI18n();
  const [view, setView] = useState<ViewName>(viewFromHash);
  useEffect(() => {
    const onHash = () => setView(viewFromHash());
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  const { View } = VIEWS[view];
  return (
    <div class="dashboard">
      <nav class="sidebar" aria-label="Dalel">
        <h1>{t('appTitle')}</h1>
        <ul>
          {(Object.keys(VIEWS) as ViewName[]).map((name) => (
            <li key={name}>
              <a href={`#${name}`} aria-current={name === view ? 'page' : undefined}>
                {t(VIEWS[name].label)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <main class="content">
        <View />
      </main>
    </div>
  );
}
