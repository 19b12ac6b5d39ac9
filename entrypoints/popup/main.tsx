import '../../lib/zod-config';
import { render } from 'preact';
import '../../components/styles.css';
import { AppRoot } from '../../components/app-root';
import { PopupApp } from '../../components/popup/popup-app';

render(
  <AppRoot>
    <PopupApp />
  </AppRoot>,
  document.getElementById('app')!,
);
