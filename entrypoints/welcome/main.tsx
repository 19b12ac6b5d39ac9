import '../../lib/zod-config';
import { render } from 'preact';
import '../../components/styles.css';
import { AppRoot } from '../../components/app-root';
import { WelcomeApp } from '../../components/welcome/welcome-app';

render(
  <AppRoot>
    <WelcomeApp />
  </AppRoot>,
  document.getElementById('app')!,
);
