// Entry data that is generated, never stored: 16 MiB chunks cut from (stream, index), which the
// virtual archive records by reference and regenerates on read, so gigabytes are neither written
// to disk nor held in memory.
import { nodePrimitives } from '../../../../cli/node/primitives';
import { sha256OfStream } from '../../../../lib/evidence/sha256';
import type { ZipEntryInput } from '../../../../lib/evidence/zip/writer';
import { MiB } from './constants';

const CHUNK = 16 * MiB;

/** How far apart the windows of generated chunks may start in NOISE. */
const SPAN = MiB;

/** What generated data is cut from: 17 MiB of xorshift noise (incompressible, reproducible). */
const NOISE = ((): Uint8Array => {
  const words = new Uint32Array((CHUNK + SPAN) / 4);
  let x = 0x9e3779b9;
  for (let i = 0; i < words.length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    words[i] = x >>> 0;
  }
  return new Uint8Array(words.buffer);
})();

/** Chunk `index` (16 MiB) of generated stream `stream` (both below 2^16). */
export interface Generated {
  stream: number;
  index: number;
}

/**
 * Bytes [from, to) of a generated chunk: a view of NOISE from a window of its own ((stream,
 * index) times an odd constant mod 2^20: no two chunks share one). Nothing is copied or
 * allocated, and NOISE is never written, so the writer, the sink and the reader may keep any
 * chunk they are handed. (Hashing is what these tests spend their time on, and it runs faster
 * from cache: copying chunks, or windows spread over a larger buffer, were measurably slower.)
 */
export function generatedBytes(g: Generated, from: number, to: number): Uint8Array {
  const window = Math.imul(g.stream * 2 ** 16 + g.index, 0x9e3779b1) & (SPAN - 1);
  return NOISE.subarray(window + from, window + to);
}

/** Generated chunks handed to the writer, so that the virtual archive records them by reference. */
export const generatedChunks = new WeakMap<Uint8Array, Generated>();

/** `size` bytes of `stream`, in 16 MiB chunks. */
export function generatedStream(stream: number, size: number): ReadableStream<Uint8Array> {
  let index = 0;
  return new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        const at = index * CHUNK;
        if (at >= size) return controller.close();
        const g = { stream, index: index++ };
        const chunk = generatedBytes(g, 0, Math.min(CHUNK, size - at));
        generatedChunks.set(chunk, g);
        controller.enqueue(chunk);
      },
    },
    { highWaterMark: 0 },
  );
}

/** SHA-256 of `size` bytes of generated `stream`: one pass over it (about 3 s for 4 GiB). */
export async function generatedDigest(stream: number, size: number): Promise<string> {
  return (await sha256OfStream(generatedStream(stream, size), nodePrimitives)).sha256;
}

/** A stored (not deflated) entry of `size` bytes of generated `stream`. */
export const stored = (name: string, stream: number, size: number): ZipEntryInput => ({
  name,
  data: generatedStream(stream, size),
  size,
  compress: false,
});
