import { readFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../support/shared-fixtures';
import { describe, expect, it } from 'vitest';
import config from '../../wxt.config';

type ManifestFn = (env: {
  browser: string;
  manifestVersion: number;
  mode: string;
  command: string;
}) => Record<string, unknown>;
const manifest = (browser: string) =>
  (config.manifest as ManifestFn)({
    browser,
    manifestVersion: browser === 'firefox' ? 2 : 3,
    mode: 'production',
    command: 'build',
  });

/**
 * Pins the permissions. Adding one is a decision: justify it in ARCHITECTURE.md ("Permissions")
 * and update this list in the same commit.
 */
describe('manifest permissions', () => {
  it('asks Chrome for exactly the justified permissions', () => {
    expect(manifest('chrome').permissions).toEqual([
      'activeTab',
      'scripting',
      'storage',
      'unlimitedStorage',
      'contextMenus',
      'alarms',
      'notifications',
      'pageCapture',
    ]);
  });

  it('never asks for all sites, cookies, history, web requests or debugger at install', () => {
    for (const browser of ['chrome', 'firefox']) {
      const m = manifest(browser);
      const all = [...(m.permissions as string[]), ...(m.host_permissions as string[])];
      for (const forbidden of [
        '<all_urls>',
        '*://*/*',
        'cookies',
        'history',
        'webRequest',
        'debugger',
        'tabs',
      ])
        expect(all, `${browser} ${forbidden}`).not.toContain(forbidden);
    }
  });

  it('gives Firefox an id and declares that no data is collected', () => {
    const gecko = (
      manifest('firefox').browser_specific_settings as { gecko: Record<string, unknown> }
    ).gecko;
    expect(gecko.id).toMatch(/@/);
    expect(gecko.data_collection_permissions).toEqual({ required: ['none'] });
    expect(manifest('chrome').browser_specific_settings).toBeUndefined();
  });
});

describe('icon', () => {
  it('both builds name the icon at every size, for the extension and its toolbar button', () => {
    const sizes = ['16', '32', '48', '96', '128'];
    const chrome = manifest('chrome') as { action: { default_icon: Record<string, string> } };
    const firefox = manifest('firefox') as {
      browser_action: { default_icon: Record<string, string> };
    };
    for (const icons of [chrome.action.default_icon, firefox.browser_action.default_icon]) {
      expect(Object.keys(icons)).toEqual(sizes);
      for (const [size, file] of Object.entries(icons)) {
        // WXT lists public/icon/<size>.png as `icons` too; each is a PNG of its size.
        const png = readFileSync(path.join(repoRoot, 'public', file));
        expect(png.subarray(1, 4).toString(), file).toBe('PNG');
        expect([png.readUInt32BE(16), png.readUInt32BE(20)], file).toEqual([
          Number(size),
          Number(size),
        ]);
      }
    }
  });
});

/** Alt+Shift+D opens the popup: the reserved command's name depends on the manifest version. */
describe('manifest commands per browser', () => {
  it('names the popup command _execute_action in Chrome (MV3)', () => {
    const commands = manifest('chrome').commands as Record<string, unknown>;
    expect(Object.keys(commands).sort()).toEqual(['_execute_action', 'capture-page']);
  });

  it('names the popup command _execute_browser_action in Firefox (MV2)', () => {
    const commands = manifest('firefox').commands as Record<
      string,
      { suggested_key: { default: string } }
    >;
    expect(Object.keys(commands).sort()).toEqual(['_execute_browser_action', 'capture-page']);
    expect(commands._execute_browser_action!.suggested_key.default).toBe('Alt+Shift+D');
    expect(commands['capture-page']!.suggested_key.default).toBe('Alt+Shift+S');
  });
});
