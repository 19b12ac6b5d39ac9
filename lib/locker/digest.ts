import { jsPrimitives, type Sha256Hasher } from '../evidence/primitives';
import { toBase64, toHex } from '../evidence/hex';
import { Md5 } from './md5';

/** S3 allows 10,000 parts of at least 5 MiB (the last may be smaller). */
export const MIN_PART_SIZE = 5 * 1024 * 1024;
export const MAX_PARTS = 10_000;
/**
 * 16 MiB parts: progress moves every 16 MiB, an interrupted upload loses at most that much, and a
 * package up to 156 GiB fits in 10,000 parts. A package of one part is sent with a single PUT.
 */
export const DEFAULT_PART_SIZE = 16 * 1024 * 1024;

/** What the upload needs to prove every byte arrived: sizes and checksums, computed once. */
export interface PackageDigest {
  size: number;
  /** SHA-256 of the whole file, hex: the package's identity in the custody log and metadata. */
  sha256: string;
  partSize: number;
  /** Base64 MD5 of each `partSize` slice (Content-MD5 of each part; of the whole when one part). */
  parts: string[];
}

export interface Hashers {
  sha256(): Sha256Hasher;
  md5(): { update(data: Uint8Array): unknown; digest(): Uint8Array };
}

/** Pure JS everywhere (the extension); Node injects node:crypto (cli/node/locker-hashers.ts). */
export const jsHashers: Hashers = { sha256: () => jsPrimitives.sha256(), md5: () => new Md5() };

/**
 * Hashes bytes as they stream past (while a package is written, or read back once): SHA-256 of
 * the whole and MD5 of each part, cutting parts exactly at `partSize` boundaries.
 */
export class Digester {
  private readonly hashers: Hashers;
  private readonly sha: Sha256Hasher;
  private part: ReturnType<Hashers['md5']>;
  private partUsed = 0;
  private size = 0;
  private readonly parts: string[] = [];
  readonly partSize: number;

  constructor(hashers: Hashers = jsHashers, partSize = DEFAULT_PART_SIZE) {
    if (partSize < MIN_PART_SIZE) throw new Error(`parts must be at least ${MIN_PART_SIZE} bytes`);
    this.hashers = hashers;
    this.partSize = partSize;
    this.sha = hashers.sha256();
    this.part = hashers.md5();
  }

  update(chunk: Uint8Array): void {
    this.sha.update(chunk);
    this.size += chunk.length;
    let at = 0;
    while (at < chunk.length) {
      const take = Math.min(this.partSize - this.partUsed, chunk.length - at);
      this.part.update(chunk.subarray(at, at + take));
      this.partUsed += take;
      at += take;
      if (this.partUsed === this.partSize) {
        this.parts.push(toBase64(this.part.digest()));
        this.part = this.hashers.md5();
        this.partUsed = 0;
      }
    }
  }

  finish(): PackageDigest {
    if (this.partUsed > 0 || this.parts.length === 0) this.parts.push(toBase64(this.part.digest()));
    if (this.parts.length > MAX_PARTS)
      throw new Error(
        `a package of ${this.size} bytes needs more than ${MAX_PARTS} parts of ${this.partSize}`,
      );
    return {
      size: this.size,
      sha256: toHex(this.sha.digest()),
      partSize: this.partSize,
      parts: [...this.parts],
    };
  }
}

/** Reads a Blob once, in slices, through a Digester. */
export async function digestBlob(
  blob: Blob,
  hashers: Hashers = jsHashers,
  partSize = DEFAULT_PART_SIZE,
): Promise<PackageDigest> {
  const digester = new Digester(hashers, partSize);
  const SLICE = 8 * 1024 * 1024;
  for (let at = 0; at < blob.size; at += SLICE)
    digester.update(
      new Uint8Array(await blob.slice(at, Math.min(blob.size, at + SLICE)).arrayBuffer()),
    );
  return digester.finish();
}

/** Byte range of part `index` (0-based). */
export function partRange(digest: PackageDigest, index: number): { start: number; end: number } {
  const start = index * digest.partSize;
  return { start, end: Math.min(digest.size, start + digest.partSize) };
}
