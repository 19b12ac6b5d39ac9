import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { repoRoot } from '../../support/shared-fixtures';
import { createSite, type SitePage } from '../../e2e/support/site';
import { installAddon, packXpi } from './addon';
import type { Bidi } from './bidi';
import { DalelPage, activate, openTab } from './dalel';
import { launchFirefox, type RunningFirefox } from './firefox';
import { startSiteProxy, type SiteProxy } from './proxy';

export interface SessionOptions {
  privateBrowsing?: boolean;
  prefs?: Record<string, string | number | boolean>;
  extraPages?: SitePage[];
}

/**
 * One Firefox with Dalel installed permanently and the offline fixture site behind its proxy: the
 * starting point of every Firefox end-to-end test. `restart()` quits Firefox and starts it again
 * on the same profile (the add-on and its storage stay, as after a reboot).
 */
export class FirefoxSession {
  private constructor(
    readonly options: SessionOptions,
    readonly proxy: SiteProxy,
    private firefox: RunningFirefox,
    public dalel: DalelPage,
  ) {}

  static async start(options: SessionOptions = {}): Promise<FirefoxSession> {
    const proxy = await startSiteProxy(createSite(options.extraPages));
    const firefox = await launchFirefox({
      proxyPort: proxy.port,
      privateBrowsing: options.privateBrowsing,
      prefs: options.prefs,
    });
    try {
      await installAddon(firefox.bidi, packXpi(), { privateBrowsing: options.privateBrowsing });
      const dalel = await DalelPage.open(firefox.bidi);
      await dalel.ok({ type: 'ping' });
      return new FirefoxSession(options, proxy, firefox, dalel);
    } catch (error) {
      await firefox.close();
      await proxy.close();
      throw error;
    }
  }

  get bidi(): Bidi {
    return this.firefox.bidi;
  }

  get profileDir(): string {
    return this.firefox.profileDir;
  }

  /** Everything Firefox printed so far (attach it to a failing test). */
  get output(): string {
    return this.firefox.output.join('');
  }

  /** Opens a fixture page in a new tab in front and returns its browsing context. */
  async openPage(url: string): Promise<string> {
    const context = await openTab(this.bidi, url);
    await activate(this.bidi, context);
    return context;
  }

  async restart(): Promise<void> {
    await this.firefox.close();
    this.firefox = await launchFirefox({
      profileDir: this.firefox.profileDir,
      proxyPort: this.proxy.port,
      privateBrowsing: this.options.privateBrowsing,
      prefs: this.options.prefs,
    });
    this.dalel = await DalelPage.open(this.firefox.bidi);
  }

  async close(): Promise<void> {
    await this.firefox.close().catch(() => undefined);
    await this.proxy.close();
  }
}

/**
 * Exports a scope as a signed package the way the dashboard does (`export.run`, then the file
 * from OPFS — or, in permanent private browsing, from the background page's memory) and returns
 * its bytes.
 */
export async function exportPackage(
  dalel: DalelPage,
  scope: { kind: 'case' | 'person' | 'selection'; ids: string[] },
): Promise<{ bytes: Buffer; fingerprint: string; counts: Record<string, number> }> {
  const result = await dalel.ok({ type: 'export.run', scope });
  const base64 = await dalel.eval<string>(
    `async (name) => {
      let blob;
      try {
        const root = await navigator.storage.getDirectory();
        blob = await (await (await root.getDirectoryHandle('exports')).getFileHandle(name)).getFile();
      } catch {
        const page = await browser.runtime.getBackgroundPage();
        blob = new Blob(page.__dalelMemoryFiles.get(name));
      }
      const bytes = new Uint8Array(await blob.arrayBuffer());
      let s = '';
      for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
      return btoa(s);
    }`,
    result.file,
  );
  return {
    bytes: Buffer.from(base64, 'base64'),
    fingerprint: result.fingerprint,
    counts: result.counts,
  };
}

/** `dalel verify <package> --key <fingerprint>` as a lawyer runs it: exit code and output. */
export function dalelVerify(
  bytes: Buffer,
  fingerprint: string,
): { status: number; output: string } {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'dalel-pkg-')), 'package.zip');
  writeFileSync(file, bytes);
  const run = spawnSync(
    process.execPath,
    [path.join(repoRoot, 'bin/dalel.mjs'), 'verify', file, '--key', fingerprint],
    { encoding: 'utf8', cwd: repoRoot },
  );
  return { status: run.status ?? -1, output: `${run.stdout}${run.stderr}` };
}
