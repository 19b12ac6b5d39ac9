import { createHash } from 'node:crypto';
import { crc32 } from 'node:zlib';
import type { Digests } from '../../lib/evidence/digests';

/** node:crypto SHA-256 and zlib CRC-32: native speed for the CLI and benchmarks. */
export const nodeDigests: Digests = {
  sha256: () => {
    const hash = createHash('sha256');
    return {
      update: (data) => void hash.update(data),
      digest: () => new Uint8Array(hash.digest()),
    };
  },
  crc32: (data, previous) => crc32(data, previous),
  native: true,
};
