// The browser hashes a large artifact (a long video) chunk by chunk with the JS SHA-256; from
// 512 MiB (2^32 bits) on, its length needs 33 bits. Its own file: the mutation runs leave it out
// (vitest.mutate.config.ts), where instrumented it takes minutes; the padding it depends on is
// tested directly in sha256.test.ts.
import { describe, expect, it } from 'vitest';
import { toHex } from '../../../lib/evidence/hex';
import { JsSha256 } from '../../../lib/evidence/sha256-js';

describe('the JS SHA-256 of 512 MiB', () => {
  it('is the digest sha256sum gives for 512 MiB of zeros', () => {
    const h = new JsSha256();
    const chunk = new Uint8Array(1 << 24);
    for (let i = 0; i < 32; i++) h.update(chunk);
    expect(toHex(h.digest())).toBe(
      '9acca8e8c22201155389f65abbf6bc9723edc7384ead80503839f49dcc56d767',
    );
  });
});
