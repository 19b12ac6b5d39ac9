import '../../lib/zod-config';
import { render } from 'preact';
import '../../components/styles.css';
import { AppRoot } from '../../components/app-root';
import { DashboardApp } from '../../components/dashboard/dashboard-app';

render(
  <AppRoot>
    <DashboardApp />
  </AppRoot>,
  document.getElementById('app')!,
);
