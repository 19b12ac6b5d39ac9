import { fileURLToPath } from 'node:url';
import type { HashOperation, HashPageApi } from './chromium/hash-page';
import { openBenchPage, type BenchPage } from './chromium/page-harness';
import { browserPid, peakGrowthMb } from './process-memory';
import type { Benchmark, BenchResult } from './types';
import { ONE_SHOT_LIMIT } from '../lib/evidence/sha256';

const RUNS = 3;
const MIB = 1024 * 1024;
const ENTRY = fileURLToPath(new URL('./chromium/hash-page.ts', import.meta.url));

type Api = { dalelBench: HashPageApi };
type Rate = { mbps: number; ref: string };

function pageApi(bench: BenchPage) {
  const pid = browserPid(bench.profileDir);
  const time = (op: HashOperation, mib: number) =>
    bench.page.evaluate(([o, m]) => (globalThis as unknown as Api).dalelBench.time(o, m), [
      op,
      mib,
    ] as const);
  return {
    fill: (mib: number) =>
      bench.page.evaluate((m) => (globalThis as unknown as Api).dalelBench.fill(m), mib),
    makeBlob: (mib: number) =>
      bench.page.evaluate((m) => (globalThis as unknown as Api).dalelBench.makeBlob(m), mib),
    dropBytes: () =>
      bench.page.evaluate(() => (globalThis as unknown as Api).dalelBench.dropBytes()),
    /**
     * MB/s of `ours` and `base` over `mib` MiB, run alternately (so both see the same load on a
     * shared machine), the best of `runs` each (the run least disturbed by other load; both sides
     * alike), with the primitives they gave.
     */
    async pair(
      ours: HashOperation,
      base: HashOperation,
      mib: number,
      runs = RUNS,
    ): Promise<[Rate, Rate]> {
      const rates: [number[], number[]] = [[], []];
      const refs = ['', ''];
      for (let r = 0; r < runs; r++) {
        for (const [i, op] of [ours, base].entries()) {
          const t = await time(op, mib);
          rates[i]!.push((mib * MIB) / 1e6 / (t.ms / 1000));
          refs[i] = t.ref;
        }
      }
      return [
        { mbps: Math.max(...rates[0]), ref: refs[0]! },
        { mbps: Math.max(...rates[1]), ref: refs[1]! },
      ];
    },
    /** Peak growth of the whole browser's RSS (MB) during one run of `op`. */
    async memory(op: HashOperation, mib: number): Promise<number | null> {
      if (pid === null) return null;
      return (await peakGrowthMb(pid, () => time(op, mib))).peakMb;
    },
  };
}

/**
 * OUR hashing (lib/evidence/sha256.ts with the primitives the extension uses) in real Chromium
 * against a bare `crypto.subtle.digest` of the same bytes in the same page and run. The page is a
 * plain http://127.0.0.1 page (a secure context) running the lib module bundled by vite: an
 * extension page's CSP forbids injected scripts, and what is measured — V8 running our JS and
 * WebCrypto's BoringSSL SHA-256 — is the same browser binary the extension runs in. Rows: one-shot
 * bytes (16 MiB, 64 MiB = ONE_SHOT_LIMIT); the incremental hasher over 1 MiB chunks (what export,
 * import and verify use for entries above their one-shot limits); a Blob at the one-shot limit;
 * and a Blob too large for one shot (streamed), whose memory is printed next to the bare
 * one-shot's: streaming trades speed for bounded memory.
 */
export const chromiumHashBench: Benchmark = {
  name: 'chromium-hash',
  summary: 'our SHA-256 (bytes, Blobs, streams) in Chromium vs a bare crypto.subtle.digest',
  async run(ctx) {
    const bench = await openBenchPage(ENTRY, ctx.dir);
    const results: BenchResult[] = [];
    const limitMib = ONE_SHOT_LIMIT / MIB;
    const largeMib = Math.min(512, Math.max(2 * limitMib, Math.round(ctx.sizeMb / 4)));
    try {
      const api = pageApi(bench);
      await api.fill(limitMib);
      const row = (
        name: string,
        ours: Rate,
        base: Rate,
        baselineName: string,
        goal: number,
        extra: Partial<BenchResult> = {},
      ): BenchResult => {
        if (ours.ref !== base.ref) throw new Error(`${name}: ${ours.ref} != ${base.ref}`);
        return {
          name,
          ours: ours.mbps,
          baseline: base.mbps,
          baselineName,
          goal,
          extraMemoryMb: null,
          memoryLimitMb: null,
          ...extra,
        };
      };
      for (const mib of [16, limitMib]) {
        await api.pair('ours-bytes', 'bare-bytes', mib, 1); // warm-up
        const [ours, base] = await api.pair('ours-bytes', 'bare-bytes', mib, 5);
        results.push(row(`sha256RefOf ${mib} MiB`, ours, base, 'bare subtle.digest', 0.8));
      }
      const [stream, bare64] = await api.pair('ours-stream', 'bare-bytes', limitMib);
      results.push(
        row(
          `sha256OfStream ${limitMib} MiB, 1 MiB chunks (entries over the one-shot limit)`,
          stream,
          bare64,
          'bare one-shot subtle.digest',
          0.8,
        ),
      );
      const [noble, bare64b] = await api.pair('noble-stream', 'bare-bytes', limitMib, 1);
      results.push(
        row(
          `@noble/hashes incremental ${limitMib} MiB`,
          noble,
          bare64b,
          'bare one-shot subtle.digest',
          0,
          { notes: 'informational: alternative pure-JS hasher' },
        ),
      );

      await api.makeBlob(limitMib);
      const [blobOurs, blobBase] = await api.pair('ours-blob', 'bare-blob', limitMib);
      const blobMem = await api.memory('ours-blob', limitMib);
      results.push(
        row(
          `sha256OfBlob ${limitMib} MiB (one shot)`,
          blobOurs,
          blobBase,
          'bare arrayBuffer + subtle.digest',
          0.8,
          { extraMemoryMb: blobMem },
        ),
      );

      // The large Blob: the JS buffer is dropped first so only Blob storage holds the bytes.
      await api.makeBlob(largeMib);
      await api.dropBytes();
      const [largeOurs, largeBase] = await api.pair('ours-blob', 'bare-blob', largeMib);
      const baseMem = await api.memory('bare-blob', largeMib);
      const oursMem = await api.memory('ours-blob', largeMib);
      ctx.log(
        `${largeMib} MiB Blob: streamed ${largeOurs.mbps.toFixed(0)} MB/s, +${oursMem?.toFixed(0)} MB; ` +
          `bare one-shot ${largeBase.mbps.toFixed(0)} MB/s, +${baseMem?.toFixed(0)} MB`,
      );
      results.push(
        row(
          `sha256OfBlob ${largeMib} MiB (streamed)`,
          largeOurs,
          largeBase,
          'bare arrayBuffer + subtle.digest',
          0.8,
          {
            extraMemoryMb: oursMem,
            notes: `bare one-shot takes +${baseMem?.toFixed(0) ?? '?'} MB`,
          },
        ),
      );
    } finally {
      await bench.close();
    }
    return results;
  },
};
