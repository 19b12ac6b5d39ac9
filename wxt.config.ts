import { defineConfig } from 'wxt';
import { HOST_PERMISSIONS } from './lib/platforms/hosts';

/**
 * Hosts the monitor may configure (a time-stamping authority, the team locker's S3 endpoint and
 * presigning service), each origin granted one at a time at run time, never at install.
 */
const USER_ORIGINS = ['http://*/*', 'https://*/*'] as const;

const ICONS = Object.fromEntries([16, 32, 48, 96, 128].map((s) => [String(s), `icon/${s}.png`]));

// The manifest is least privilege by design; every permission is justified in ARCHITECTURE.md
// ("Permissions"). tests/meta/manifest.test.ts pins the list so a new one cannot slip in.
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  imports: false,
  manifest: ({ browser, manifestVersion }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // public/icon/<size>.png (scripts/make-icons.ts); WXT lists them as `icons`, and the toolbar
    // button gets them too (Firefox shows a blank puzzle piece without its own default_icon).
    ...(browser === 'firefox'
      ? { browser_action: { default_icon: ICONS } }
      : { action: { default_icon: ICONS } }),
    permissions: [
      'activeTab',
      'scripting',
      'storage',
      'unlimitedStorage',
      // Firefox: `menus`, the only permission under which content scripts get
      // `menus.getTargetElement`, the element a context menu was opened on ("Capture this post");
      // the same menu API, no install prompt in either browser.
      browser === 'firefox' ? 'menus' : 'contextMenus',
      'alarms',
      'notifications',
      ...(browser === 'firefox' ? [] : ['pageCapture']),
    ],
    host_permissions: [...HOST_PERMISSIONS],
    // A time-stamping authority the monitor adds in Settings: its one host is requested then
    // (lib/permissions/origin-permission.ts), never at install. `history` is asked for only when
    // the monitor chooses "remove captured pages from this browser's history" for the panic wipe
    // (Security screen). MV2 Firefox lists hosts among optional_permissions; WXT drops
    // optional_host_permissions from MV2 manifests.
    ...(browser === 'firefox'
      ? { optional_permissions: ['history', ...USER_ORIGINS] }
      : { optional_permissions: ['history'], optional_host_permissions: [...USER_ORIGINS] }),
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
