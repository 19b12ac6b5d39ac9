import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import {
  crc32,
  createDeflateRaw,
  createInflateRaw,
  type DeflateRaw,
  type InflateRaw,
} from 'node:zlib';
import type { Primitives } from '../../lib/evidence/primitives';
import { TrailingDataError, type Chunks } from '../../lib/evidence/zip/codec';

const ZLIB_CHUNK = 64 * 1024;

/**
 * `input` through a zlib stream (which works on libuv's thread pool, beside the hashing on the
 * main thread). An error on either side destroys both; ending the loop early destroys them too.
 */
async function* throughZlib(
  input: Chunks,
  zlib: DeflateRaw | InflateRaw,
): AsyncGenerator<Uint8Array> {
  const piped = pipeline(Readable.from(input, { objectMode: false }), zlib);
  piped.catch(() => {}); // surfaced by the iteration below
  try {
    for await (const chunk of zlib) yield new Uint8Array(chunk as Buffer);
    await piped;
  } finally {
    // Stopped early or failed: tear both streams down before returning, so the input is closed.
    zlib.destroy();
    await piped.catch(() => {});
  }
}

/**
 * Raw inflate through zlib, refusing input after the end of the DEFLATE stream: zlib stops there
 * and Node drops the rest silently, but `bytesWritten` counts only what the engine consumed.
 */
async function* inflateStrict(input: Chunks): AsyncGenerator<Uint8Array> {
  let fed = 0;
  async function* counted(): AsyncGenerator<Uint8Array> {
    for await (const chunk of input) {
      fed += chunk.length;
      yield chunk;
    }
  }
  const zlib = createInflateRaw({ chunkSize: ZLIB_CHUNK });
  yield* throughZlib(counted(), zlib);
  if (zlib.bytesWritten !== fed) throw new TrailingDataError();
}

/** node:crypto SHA-256, zlib CRC-32 and zlib DEFLATE: native speed for the CLI and benchmarks. */
export const nodePrimitives: Primitives = {
  sha256: () => {
    const hash = createHash('sha256');
    return {
      update: (data) => void hash.update(data),
      digest: () => new Uint8Array(hash.digest()),
    };
  },
  crc32: (data, previous) => crc32(data, previous),
  native: true,
  deflateRaw: (input, level) =>
    throughZlib(input, createDeflateRaw({ level, chunkSize: ZLIB_CHUNK })),
  inflateRaw: inflateStrict,
  findBytes: (haystack, needle, from) =>
    Buffer.from(haystack.buffer, haystack.byteOffset, haystack.byteLength).indexOf(needle, from),
};
