import '../../lib/zod-config';
import { render } from 'preact';
import '../../components/styles.css';
import { AppRoot } from '../../components/app-root';
import { LastFailure } from '../../components/popup/last-failure';
import { PopupApp } from '../../components/popup/popup-app';

// Opened as a page (a detached popup, keyboard users, tests) it follows the window's width.
if (new URLSearchParams(location.search).has('tabId'))
  document.documentElement.classList.add('popup-page');

render(
  <AppRoot beforeGate={<LastFailure />}>
    <PopupApp />
  </AppRoot>,
  document.getElementById('app')!,
);
