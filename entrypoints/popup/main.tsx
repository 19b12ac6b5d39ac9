import '../../lib/zod-config';
import { render } from 'preact';
import '../../components/styles.css';
import { AppRoot } from '../../components/app-root';
import { LastFailure } from '../../components/popup/last-failure';
import { PopupApp } from '../../components/popup/popup-app';

render(
  <AppRoot beforeGate={<LastFailure />}>
    <PopupApp />
  </AppRoot>,
  document.getElementById('app')!,
);
