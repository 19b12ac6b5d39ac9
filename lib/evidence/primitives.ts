import { crc32Js } from './crc32';
import { JsSha256 } from './sha256-js';
import type { RawDeflate, RawInflate } from './zip/codec';
import type { FindBytes } from './zip/descriptor-scan';

/** An incremental SHA-256. */
export interface Sha256Hasher {
  update(data: Uint8Array): void;
  /** The 32-byte digest; the hasher cannot be used afterwards. */
  digest(): Uint8Array;
}

/**
 * The streaming primitives the evidence core needs and WebCrypto lacks: incremental SHA-256,
 * CRC-32 and raw DEFLATE. The pure default works everywhere (inflating through the platform's
 * DecompressionStream where it has one); Node (CLI, benchmarks) injects node:crypto and zlib,
 * which are 4–10x faster.
 */
export interface Primitives {
  sha256(): Sha256Hasher;
  crc32(data: Uint8Array, previous: number): number;
  /** True when the incremental hash is native-fast (prefer it over one-shot WebCrypto). */
  native?: boolean;
  /** Compressor of text entries; fflate when absent (browsers' CompressionStream has no level). */
  deflateRaw?: RawDeflate;
  /** Decompressor of entries; the platform's DecompressionStream, else fflate, when absent. */
  inflateRaw?: RawInflate;
  /** Byte-string search (Node's Buffer.indexOf); a portable one when absent. */
  findBytes?: FindBytes;
}

export const jsPrimitives: Primitives = {
  sha256: () => new JsSha256(),
  crc32: crc32Js,
};
