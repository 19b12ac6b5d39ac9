import { defineConfig } from 'wxt';
import { PLATFORM_HOST_PERMISSIONS } from './lib/platforms/hosts';

/** Origins a user may grant one at a time, at run time (never at install). */
const OPTIONAL_ORIGINS = ['https://*/*', 'http://*/*'];

// The manifest is least privilege by design; every permission is justified in ARCHITECTURE.md
// ("Permissions"). tests/meta/manifest.test.ts pins the list so a new one cannot slip in.
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  imports: false,
  manifest: ({ browser, manifestVersion }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: [
      'activeTab',
      'scripting',
      'storage',
      'unlimitedStorage',
      'contextMenus',
      'alarms',
      'notifications',
      ...(browser === 'firefox' ? [] : ['pageCapture']),
    ],
    host_permissions: [...PLATFORM_HOST_PERMISSIONS],
    // Nothing at install: the one origin of a team locker (its S3 endpoint, and the
    // organisation's presigning service) is asked for when the monitor sets it up in Settings.
    // Manifest V2 (Firefox) lists optional origins among optional_permissions.
    ...(browser === 'firefox'
      ? { optional_permissions: [...OPTIONAL_ORIGINS] }
      : { optional_host_permissions: [...OPTIONAL_ORIGINS] }),
    commands: {
      // The popup's command has a different name per manifest version: MV2 (Firefox) maps only
      // `_execute_browser_action`; `_execute_action` there would be an ordinary command nobody runs.
      [manifestVersion === 2 ? '_execute_browser_action' : '_execute_action']: {
        suggested_key: { default: 'Alt+Shift+D' },
        description: '__MSG_commandOpenPopup__',
      },
      'capture-page': {
        suggested_key: { default: 'Alt+Shift+S' },
        description: '__MSG_commandCapture__',
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'dalel@dalel.evidence',
              // 140: Ed25519 in WebCrypto and data_collection_permissions; Tor Browser 15 is ESR 140.
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            // Firefox for Android reads data_collection_permissions from 142 on.
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
  zip: {
    // `wxt zip -b firefox` also packs sources and ignores .gitignore: keep test output, keys and
    // fixtures out of what is published.
    excludeSources: [
      'test-results/**',
      'playwright-report/**',
      'bench-results/**',
      '.tmp/**',
      'tests/**',
      '**/*.log',
    ],
  },
});
