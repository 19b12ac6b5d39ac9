import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Bidi } from './bidi';

export const FIREFOX = process.env.DALEL_FIREFOX ?? '/usr/bin/firefox-esr';

/** Dalel's id (wxt.config.ts) and the fixed UUID its pages get, so their URLs are known ahead. */
export const ADDON_ID = 'dalel@dalel.evidence';
export const ADDON_UUID = 'd41e1000-0000-4000-8000-00000000da1e';
export const EXTENSION_ORIGIN = `moz-extension://${ADDON_UUID}`;
/** Firefox's id for Dalel's widgets (toolbar button, menu items): `makeWidgetId(ADDON_ID)`. */
export const WIDGET_ID = ADDON_ID.toLowerCase().replace(/[^a-z0-9_-]/g, '_');

export interface FirefoxOptions {
  /** Reuse a profile (a restart); a fresh one is made otherwise. */
  profileDir?: string;
  /** The fixture site's proxy port: every request of the browser goes there. */
  proxyPort: number;
  /** Permanent private browsing: Tor Browser's default, Firefox's "Never remember history". */
  privateBrowsing?: boolean;
  /** More prefs (e.g. privacy.resistFingerprinting). */
  prefs?: Record<string, string | number | boolean>;
}

export interface RunningFirefox {
  bidi: Bidi;
  profileDir: string;
  /** Everything Firefox printed (stdout and stderr), for a failing test's report. */
  output: string[];
  close(): Promise<void>;
}

function prefsFor(options: FirefoxOptions): Record<string, string | number | boolean> {
  return {
    // Every request through the fixture site's proxy, HTTPS included; no proxy bypass.
    'network.proxy.type': 1,
    'network.proxy.http': '127.0.0.1',
    'network.proxy.http_port': options.proxyPort,
    'network.proxy.ssl': '127.0.0.1',
    'network.proxy.ssl_port': options.proxyPort,
    'network.proxy.no_proxies_on': '',
    'network.proxy.allow_hijacking_localhost': false,
    'network.dns.disablePrefetch': true,
    'network.http.speculative-parallel-limit': 0,
    'network.http.http3.enable': false,
    'network.trr.mode': 5,
    // The unsigned build installs permanently (ESR allows it with this pref).
    'xpinstall.signatures.required': false,
    'extensions.autoDisableScopes': 0,
    'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: ADDON_UUID }),
    // Quiet Firefox's own services (their requests would only get the proxy's 404).
    'app.update.disabledForTesting': true,
    'browser.shell.checkDefaultBrowser': false,
    'datareporting.policy.dataSubmissionEnabled': false,
    'toolkit.telemetry.reportingpolicy.firstRun': false,
    'browser.aboutwelcome.enabled': false,
    // Extension pages and the browser's own messages in the output, for failing tests.
    'devtools.console.stdout.chrome': true,
    'devtools.console.stdout.content': true,
    ...(options.privateBrowsing ? { 'browser.privatebrowsing.autostart': true } : {}),
    ...options.prefs,
  };
}

/**
 * Starts Debian's Firefox ESR headless with a profile set up for the tests and opens a WebDriver
 * BiDi session. `--remote-allow-system-access` lets the session reach extension pages and the
 * browser window (the toolbar, the context menu, native key events).
 */
export async function launchFirefox(options: FirefoxOptions): Promise<RunningFirefox> {
  if (!existsSync(FIREFOX))
    throw new Error(
      `No Firefox at ${FIREFOX}: apt-get install firefox-esr (or set DALEL_FIREFOX).`,
    );
  const profileDir = options.profileDir ?? mkdtempSync(path.join(os.tmpdir(), 'dalel-ff-'));
  const userJs = Object.entries(prefsFor(options))
    .map(([k, v]) => `user_pref(${JSON.stringify(k)}, ${JSON.stringify(v)});`)
    .join('\n');
  writeFileSync(path.join(profileDir, 'user.js'), `${userJs}\n`);
  const child: ChildProcess = spawn(
    FIREFOX,
    [
      '--headless',
      '--no-remote',
      '--profile',
      profileDir,
      '--remote-debugging-port=0',
      '--remote-allow-system-access',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, MOZ_CRASHREPORTER_DISABLE: '1' } },
  );
  const output: string[] = [];
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`Firefox did not start:\n${output.join('')}`)),
      30_000,
    );
    const read = (chunk: Buffer) => {
      const text = String(chunk);
      output.push(text);
      const found = /WebDriver BiDi listening on (ws:\/\/\S+)/.exec(output.join(''));
      if (found) {
        clearTimeout(timer);
        resolve(found[1]!);
      }
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Firefox exited (${code}) before listening:\n${output.join('')}`));
    });
  });
  const bidi = await Bidi.connect(`${url.replace(/\/$/, '')}/session`);
  await bidi.send('session.new', {
    capabilities: { alwaysMatch: { acceptInsecureCerts: true, unhandledPromptBehavior: 'ignore' } },
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    bidi,
    profileDir,
    output,
    async close() {
      // browser.close lets Firefox shut down cleanly (the profile and its storage are flushed).
      await Promise.race([
        bidi.send('browser.close').catch(() => undefined),
        new Promise((r) => setTimeout(r, 10_000)),
      ]);
      bidi.close();
      const killer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(killer);
    },
  };
}
