import { crc32Js } from './crc32';
import { JsSha256 } from './sha256-js';

/** An incremental SHA-256. */
export interface Sha256Hasher {
  update(data: Uint8Array): void;
  /** The 32-byte digest; the hasher cannot be used afterwards. */
  digest(): Uint8Array;
}

/**
 * The incremental primitives the evidence core needs and WebCrypto lacks. The pure default works
 * everywhere; Node (CLI, benchmarks) injects node:crypto and zlib, which are ~10x faster.
 */
export interface Digests {
  sha256(): Sha256Hasher;
  crc32(data: Uint8Array, previous: number): number;
  /** True when the incremental hash is native-fast (prefer it over one-shot WebCrypto). */
  native?: boolean;
}

export const jsDigests: Digests = {
  sha256: () => new JsSha256(),
  crc32: crc32Js,
};
