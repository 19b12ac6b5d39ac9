import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { zipSync } from 'fflate';
import { repoRoot } from '../../support/shared-fixtures';
import type { Bidi } from './bidi';
import { ADDON_ID, WIDGET_ID } from './firefox';
import { chromeContext } from './gestures';

export const FIREFOX_BUILD = path.join(repoRoot, '.output/firefox-mv2');

function filesUnder(dir: string, prefix = ''): Record<string, Uint8Array> {
  const out: Record<string, Uint8Array> = {};
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    const rel = prefix ? `${prefix}/${name}` : name;
    if (statSync(full).isDirectory()) Object.assign(out, filesUnder(full, rel));
    else out[rel] = readFileSync(full);
  }
  return out;
}

/** The Firefox build (`npm run build:firefox`) packed as an .xpi, as a user would install it. */
export function packXpi(buildDir = FIREFOX_BUILD): string {
  if (!existsSync(path.join(buildDir, 'manifest.json')))
    throw new Error(`No Firefox build at ${buildDir}: run \`npm run build:firefox\` first.`);
  const xpi = path.join(mkdtempSync(path.join(os.tmpdir(), 'dalel-xpi-')), 'dalel.xpi');
  writeFileSync(xpi, zipSync(filesUnder(buildDir)));
  return xpi;
}

/**
 * Installs the add-on permanently (it survives a restart, unlike a temporary add-on), allows it in
 * private windows when asked (as the monitor does in the add-on's settings — needed in Tor Browser
 * and with "Never remember history"), and pins its toolbar button.
 */
export async function installAddon(
  bidi: Bidi,
  xpi: string,
  options: { privateBrowsing?: boolean } = {},
): Promise<void> {
  await bidi.send('webExtension.install', {
    extensionData: { type: 'archivePath', path: xpi },
    'moz:permanent': true,
  });
  const chrome = await chromeContext(bidi);
  await bidi.call(
    chrome,
    `async ({ id, widget, privateBrowsing }) => {
      if (privateBrowsing) {
        const { ExtensionPermissions } = ChromeUtils.importESModule(
          'resource://gre/modules/ExtensionPermissions.sys.mjs');
        const { AddonManager } = ChromeUtils.importESModule(
          'resource://gre/modules/AddonManager.sys.mjs');
        await ExtensionPermissions.add(id, {
          permissions: ['internal:privateBrowsingAllowed'], origins: [] });
        const addon = await AddonManager.getAddonByID(id);
        await addon.reload();
      }
      for (let i = 0; i < 100 && !CustomizableUI.getWidget(widget + '-browser-action')?.forWindow(window)?.node; i++)
        await new Promise((r) => setTimeout(r, 50));
      CustomizableUI.addWidgetToArea(widget + '-browser-action', CustomizableUI.AREA_NAVBAR);
    }`,
    { id: ADDON_ID, widget: WIDGET_ID, privateBrowsing: options.privateBrowsing ?? false },
  );
}
