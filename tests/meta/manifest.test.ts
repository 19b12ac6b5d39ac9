import { readFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../support/shared-fixtures';
import { describe, expect, it } from 'vitest';
import captureScript from '../../entrypoints/capture.content';
import pointerScript from '../../entrypoints/pointer.content';
import { POST_PAGE_MATCHES } from '../../lib/platforms/hosts';
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

  it('asks Firefox for `menus`, not `contextMenus`, and for no MHTML', () => {
    // Only under `menus` may the content script ask `menus.getTargetElement` for the element the
    // menu was opened on (`targetElementId`).
    expect(manifest('firefox').permissions).toEqual([
      'activeTab',
      'scripting',
      'storage',
      'unlimitedStorage',
      'menus',
      'alarms',
      'notifications',
    ]);
  });

  it('holds standing host access only to the media CDNs, over https', () => {
    const expected = [
      'https://*.cdninstagram.com/*',
      'https://*.fbcdn.net/*',
      'https://*.twimg.com/*',
      'https://*.telesco.pe/*',
      'https://*.cdn-telegram.org/*',
      'https://*.tiktokcdn.com/*',
      'https://*.tiktokcdn-us.com/*',
      'https://*.tiktokcdn-eu.com/*',
      'https://*.ytimg.com/*',
      'https://*.ggpht.com/*',
      'https://*.userapi.com/*',
      'https://*.vkuserphoto.ru/*',
      'https://*.vk-cdn.net/*',
      'https://*.vkuservideo.net/*',
      'https://*.mycdn.me/*',
    ];
    for (const browser of ['chrome', 'firefox']) {
      const hosts = manifest(browser).host_permissions as string[];
      expect(hosts, browser).toEqual(expected);
      for (const host of hosts) {
        expect(host, 'https only').toMatch(/^https:\/\//);
        // No main site where the monitor is logged in (their pages come through activeTab).
        expect(host).not.toMatch(
          /\/\/(\*\.)?(instagram|facebook|x|twitter|vk|tiktok|youtube)\.com\/|\/\/t\.me\//,
        );
      }
    }
  });

  it('declares one content script, the pointer listener, on the feed pages only, over https', () => {
    // Chrome counts a declared content script as access to its sites: pinned like a permission.
    expect(pointerScript.matches).toEqual([...POST_PAGE_MATCHES]);
    expect([...POST_PAGE_MATCHES]).toEqual([
      'https://*.instagram.com/*',
      'https://*.facebook.com/*',
      'https://x.com/*',
      'https://*.x.com/*',
      'https://*.twitter.com/*',
      'https://t.me/*',
      'https://*.vk.com/*',
      'https://vk.com/*',
    ]);
    // The capture script is injected through activeTab only: no sites of its own.
    expect(captureScript.registration).toBe('runtime');
    expect(captureScript.matches ?? []).toEqual([]);
  });

  it('asks for history only as an optional permission, at the moment it is used', () => {
    for (const browser of ['chrome', 'firefox'])
      expect(manifest(browser).optional_permissions, browser).toContain('history');
    for (const browser of ['chrome', 'firefox'])
      expect(manifest(browser).permissions, browser).not.toContain('history');
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

  it("asks for a configured TSA's or team locker's host only when it is added: optional, never at install", () => {
    const chrome = manifest('chrome');
    expect(chrome.optional_host_permissions).toEqual(['http://*/*', 'https://*/*']);
    expect(chrome.optional_permissions).toEqual(['history']);
    const firefox = manifest('firefox');
    expect(firefox.optional_permissions).toEqual(['history', 'http://*/*', 'https://*/*']);
    for (const m of [chrome, firefox]) {
      const required = [...(m.permissions as string[]), ...(m.host_permissions as string[])];
      expect(required).not.toContain('http://*/*');
      expect(required).not.toContain('https://*/*');
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
