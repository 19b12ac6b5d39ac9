import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { generateSigningKey } from '../lib/evidence/signing';
import { sendFrom } from '../tests/e2e/support/fixtures';
import { launchWithExtension } from '../tests/e2e/support/launch';
import { placeImportFile } from './chromium/opfs-import';
import { exportTo } from './export.bench';
import { mixedArtifacts } from './fixtures';
import { median, shell } from './measure';
import { browserPid, peakGrowthMb } from './process-memory';
import type { Benchmark, BenchResult } from './types';

const RUNS = 2;
/** Export runs (each ~10–20 s per GB here); verify needs a page reload per run, so it has RUNS. */
const EXPORT_RUNS = 3;
const LONG = 15 * 60_000;

/** Runs `fn`, returning its seconds and the browser's peak RSS growth (MB; null without a pid). */
async function timed<T>(
  pid: number | null,
  fn: () => Promise<T>,
): Promise<{ value: T; seconds: number; peakMb: number | null }> {
  const start = performance.now();
  if (pid === null) {
    const value = await fn();
    return { value, seconds: (performance.now() - start) / 1000, peakMb: null };
  }
  const { value, peakMb } = await peakGrowthMb(pid, fn);
  return { value, seconds: (performance.now() - start) / 1000, peakMb };
}

/** The dashboard's Import screen: choose the file, press Verify, wait for the verdict. */
async function verifyInDashboard(dash: Page, pkg: string, fingerprint: string): Promise<string> {
  await dash.getByTestId('verify-result').waitFor({ state: 'detached' });
  await dash.getByLabel('Package (.zip)').setInputFiles(pkg);
  await dash.getByLabel('Expected signer (optional)').fill(fingerprint);
  await dash.getByRole('button', { name: 'Verify' }).click();
  const result = dash.getByTestId('verify-result');
  await result.waitFor({ timeout: LONG });
  return (await result.locator('h2').textContent()) ?? '';
}

/**
 * Export and import of ~ctx.sizeMb MB of mixed artifacts INSIDE the extension in Chromium. A
 * package of the export/verify fixture is written in Node (writePackage, the same code path),
 * copied into a fresh profile's OPFS `imports/` as the dashboard does, and imported with
 * `import.run` (verify, re-read and store in IndexedDB). Then: the dashboard's verification of
 * that package (verifyPackage over the File, in the extension page) against
 * `unzip -p | sha256sum`, the import against the same, and `export.run` of everything (streamed
 * into OPFS `exports/`) against `zip -0` of the same artifact files, each with the whole
 * browser's peak extra memory.
 */
export const chromiumExportBench: Benchmark = {
  name: 'chromium-export',
  summary: 'export/import/verify of mixed artifacts in the extension (Chromium) vs zip/unzip',
  async run(ctx) {
    const fixture = await mixedArtifacts(ctx.dir, ctx.sizeMb);
    const key = await generateSigningKey();
    const input = await fixture.input(key);
    const pkg = join(ctx.dir, 'package.zip');
    await exportTo(input, pkg);
    const mb = fixture.bytes / 1e6;
    const pkgSize = (await stat(pkg)).size / 1e6;
    ctx.log(
      `${input.captures.length} captures, ${mb.toFixed(0)} MB of artifacts, package ${pkgSize.toFixed(0)} MB`,
    );
    const unzipRate = async () => pkgSize / (await shell(`unzip -p ${pkg} | sha256sum`)).seconds;

    const launched = await launchWithExtension({ userDataDir: join(ctx.dir, 'profile') });
    const results: BenchResult[] = [];
    try {
      const { context, extensionId } = launched;
      const pid = browserPid(launched.userDataDir);
      const dash = await context.newPage();
      await dash.goto(`chrome-extension://${extensionId}/dashboard.html#import`);

      // Verify in the dashboard page (what a user does before importing).
      const verifyRates: number[] = [];
      const verifyBase: number[] = [];
      let verifyMb: number | null = null;
      for (let r = 0; r < RUNS; r++) {
        if (r > 0) await dash.reload();
        const v = await timed(pid, () => verifyInDashboard(dash, pkg, key.fingerprint));
        if (!v.value.includes('intact')) throw new Error(`dashboard verify: ${v.value}`);
        verifyRates.push(pkgSize / v.seconds);
        verifyMb = Math.max(verifyMb ?? 0, v.peakMb ?? 0);
        verifyBase.push(await unzipRate());
      }
      results.push({
        name: `extension verify (dashboard) ${pkgSize.toFixed(0)} MB package`,
        ours: median(verifyRates),
        baseline: median(verifyBase),
        baselineName: 'unzip -p | sha256sum',
        goal: 2,
        extraMemoryMb: verifyMb,
        memoryLimitMb: 200,
      });

      // Import: copy into OPFS (as the dashboard does), then import.run in the background.
      const copySeconds = await placeImportFile(dash, pkg, 'bench-import.zip');
      const imported = await timed(pid, () =>
        sendFrom(dash, {
          type: 'import.run',
          file: 'bench-import.zip',
          pinnedKey: key.fingerprint,
        }),
      );
      if (!imported.value.ok)
        throw new Error(`import.run failed: ${JSON.stringify(imported.value.error)}`);
      if (imported.value.data.imported.captures !== input.captures.length)
        throw new Error(`import.run imported ${JSON.stringify(imported.value.data.imported)}`);
      const importBase = await unzipRate();
      ctx.log(
        `import: copy into OPFS ${copySeconds.toFixed(1)} s, import.run ${imported.seconds.toFixed(1)} s, browser +${imported.peakMb?.toFixed(0)} MB`,
      );
      results.push({
        name: `extension import.run (verify + store) ${pkgSize.toFixed(0)} MB package`,
        ours: pkgSize / imported.seconds,
        baseline: importBase,
        baselineName: 'unzip -p | sha256sum',
        goal: 0,
        extraMemoryMb: imported.peakMb,
        memoryLimitMb: null,
        notes: `informational; copy into OPFS took ${copySeconds.toFixed(1)} s more`,
      });

      // Export of everything, streamed into OPFS, against zip -0 of the artifact files.
      const exportRates: number[] = [];
      const zipRates: number[] = [];
      let exportMb: number | null = null;
      let size = 0;
      for (let r = 0; r < EXPORT_RUNS; r++) {
        const e = await timed(pid, () =>
          sendFrom(dash, { type: 'export.run', scope: { kind: 'all', ids: [] } }),
        );
        if (!e.value.ok) throw new Error(`export.run failed: ${JSON.stringify(e.value.error)}`);
        if (e.value.data.counts.captures !== input.captures.length)
          throw new Error(`export.run exported ${JSON.stringify(e.value.data.counts)}`);
        size = e.value.data.size;
        exportRates.push(mb / e.seconds);
        exportMb = Math.max(exportMb ?? 0, e.peakMb ?? 0);
        const zip = join(ctx.dir, `base-${r}.zip`);
        zipRates.push(mb / (await shell(`zip -0 -q -r ${zip} .`, fixture.dir)).seconds);
        await shell(`rm -f ${zip}`);
      }
      ctx.log(`export: package ${(size / 1e6).toFixed(0)} MB in OPFS`);
      results.push({
        name: `extension export.run ${mb.toFixed(0)} MB`,
        ours: median(exportRates),
        baseline: median(zipRates),
        baselineName: 'zip -0 -r',
        goal: 0.5,
        extraMemoryMb: exportMb,
        memoryLimitMb: 300,
      });
    } finally {
      await launched.context.close();
    }
    return results;
  },
};
