import { randomFillSync } from 'node:crypto';
import { nodePrimitives } from '../cli/node/primitives';
import { jsPrimitives } from '../lib/evidence/primitives';
import { sha256, sha256OfStream } from '../lib/evidence/sha256';
import { measure, median, shell } from './measure';
import type { Benchmark, BenchResult } from './types';

const CHUNK = 1024 * 1024;

/** `count` chunks of 1 MiB: the same chunk repeated (cache-resident, like openssl speed) or slices of `buffer`. */
function chunkStream(
  buffer: Uint8Array,
  count: number,
  repeat: boolean,
): ReadableStream<Uint8Array> {
  let i = 0;
  return new ReadableStream({
    pull(controller) {
      if (i >= count) return controller.close();
      controller.enqueue(
        repeat ? buffer.subarray(0, CHUNK) : buffer.subarray(i * CHUNK, (i + 1) * CHUNK),
      );
      i++;
    },
  });
}

async function opensslMbps(): Promise<number> {
  const { stdout } = await shell('openssl speed -seconds 1 -bytes 16384 -evp sha256 2>/dev/null');
  // Last line: "sha256   <rate>k" in 1000s of bytes per second.
  const match = /sha256\s+([\d.]+)k\s*$/m.exec(stdout);
  if (!match) throw new Error(`cannot parse openssl speed output: ${stdout}`);
  return (Number(match[1]) * 1000) / 1e6;
}

export const sha256Bench: Benchmark = {
  name: 'sha256',
  summary: 'SHA-256 throughput of the evidence core in Node vs openssl speed -evp sha256',
  async run(ctx) {
    const mb = Math.min(ctx.sizeMb, 512);
    const chunks = Math.floor((mb * 1e6) / CHUNK);
    const buffer = randomFillSync(new Uint8Array(chunks * CHUNK));
    const rate = async (
      stream: () => ReadableStream<Uint8Array>,
      primitives = nodePrimitives,
    ): Promise<number> => {
      const runs: number[] = [];
      for (let r = 0; r < 3; r++)
        runs.push(
          (chunks * CHUNK) /
            1e6 /
            (await measure(() => sha256OfStream(stream(), primitives))).seconds,
        );
      return median(runs);
    };
    // Interleave ours and openssl so both see the same machine load (shared, noisy hosts).
    const cachedRuns: number[] = [];
    const baseRuns: number[] = [];
    for (let r = 0; r < 3; r++) {
      cachedRuns.push(await rate(() => chunkStream(buffer, chunks, true)));
      baseRuns.push(await opensslMbps());
    }
    const cached = median(cachedRuns);
    const baseline = median(baseRuns);
    const distinct = await rate(() => chunkStream(buffer, chunks, false));
    const jsChunks = Math.min(chunks, 64);
    const js =
      (jsChunks * CHUNK) /
      1e6 /
      (await measure(() => sha256OfStream(chunkStream(buffer, jsChunks, false), jsPrimitives)))
        .seconds;
    const oneShot = 64 / (await measure(() => sha256(buffer.subarray(0, 64e6)))).seconds;
    const row = (name: string, ours: number, goal: number, notes?: string): BenchResult => ({
      name,
      ours,
      baseline,
      baselineName: 'openssl speed -evp sha256',
      goal,
      extraMemoryMb: null,
      memoryLimitMb: null,
      notes,
    });
    return [
      row('sha256 Node streamed, cache-resident 1 MiB chunks', cached, 0.9),
      row(
        `sha256 Node streamed, ${mb} MB distinct memory`,
        distinct,
        0,
        'informational: memory-bound',
      ),
      row('sha256 pure-JS fallback (browser streams)', js, 0, 'informational'),
      row('sha256 WebCrypto one-shot 64 MB', oneShot, 0, 'informational'),
    ];
  },
};
