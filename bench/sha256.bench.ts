import { createHash } from 'node:crypto';
import { nodeDigests } from '../cli/node/digests';
import { jsDigests } from '../lib/evidence/digests';
import { sha256, sha256OfStream } from '../lib/evidence/sha256';
import { measure, median, shell } from './measure';
import type { Benchmark } from './types';

const CHUNK = 1024 * 1024;

function chunkStream(buffer: Uint8Array): ReadableStream<Uint8Array> {
  let at = 0;
  return new ReadableStream({
    pull(controller) {
      if (at >= buffer.length) return controller.close();
      controller.enqueue(buffer.subarray(at, at + CHUNK));
      at += CHUNK;
    },
  });
}

async function opensslMbps(): Promise<number> {
  const { stdout } = await shell('openssl speed -seconds 2 -bytes 16384 -evp sha256 2>/dev/null');
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
    const buffer = new Uint8Array(mb * 1e6);
    for (let i = 0; i < buffer.length; i += 4096) buffer[i] = i & 0xff;
    const runs: number[] = [];
    for (let r = 0; r < 3; r++) {
      const { seconds } = await measure(() => sha256OfStream(chunkStream(buffer), nodeDigests));
      runs.push(mb / seconds);
    }
    const baseline = await opensslMbps();
    const js =
      (mb /
        (await measure(() => sha256OfStream(chunkStream(buffer.subarray(0, 64e6)), jsDigests)))
          .seconds) *
      (64 / mb);
    const oneShot = (await measure(() => sha256(buffer.subarray(0, 64e6)))).seconds;
    createHash('sha256'); // keep node:crypto warm for the next benchmark
    return [
      {
        name: 'sha256 (Node, streamed, 1 MiB chunks)',
        ours: median(runs),
        baseline,
        baselineName: 'openssl speed -evp sha256',
        goal: 0.9,
        extraMemoryMb: null,
        memoryLimitMb: null,
      },
      {
        name: 'sha256 (pure JS fallback, browser streams)',
        ours: js,
        baseline,
        baselineName: 'openssl speed -evp sha256',
        goal: 0,
        extraMemoryMb: null,
        memoryLimitMb: null,
        notes: 'informational',
      },
      {
        name: 'sha256 (WebCrypto one-shot 64 MB)',
        ours: 64 / oneShot,
        baseline,
        baselineName: 'openssl speed -evp sha256',
        goal: 0,
        extraMemoryMb: null,
        memoryLimitMb: null,
        notes: 'informational',
      },
    ];
  },
};
