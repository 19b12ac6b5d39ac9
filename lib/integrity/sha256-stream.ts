import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';

/**
 * `sha256:<hex>` of a blob, read as a stream so a large video is never held in memory at once
 * (WebCrypto has no incremental digest). The one place the integrity check hashes bytes: swap
 * it for the evidence core's hasher when that lands.
 */
export async function sha256OfBlob(blob: Blob): Promise<string> {
  const hash = sha256.create();
  const reader = blob.stream().getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    hash.update(value);
  }
  return `sha256:${bytesToHex(hash.digest())}`;
}
