import { createHash } from 'node:crypto';
import type { Hashers } from '../../lib/locker/digest';

/** node:crypto's native SHA-256 and MD5 for the locker's digests in Node (CLI, tests, bench). */
export const nodeHashers: Hashers = {
  sha256: () => {
    const hash = createHash('sha256');
    return {
      update: (data) => void hash.update(data),
      digest: () => new Uint8Array(hash.digest()),
    };
  },
  md5: () => {
    const hash = createHash('md5');
    return {
      update: (data: Uint8Array) => hash.update(data),
      digest: () => new Uint8Array(hash.digest()),
    };
  },
};
