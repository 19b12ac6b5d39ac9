import { jsPrimitives, type Primitives } from './primitives';
import { toHex } from './hex';

/** `sha256:<64 lower-case hex>`: the only hash format the package accepts. */
export type Sha256Ref = `sha256:${string}`;
export const SHA256_REF = /^sha256:[0-9a-f]{64}$/;

/**
 * Bytes up to this size may be read whole and hashed in one WebCrypto call; larger ones stream
 * through the incremental hasher, so memory stays bounded (bench/chromium-hash.bench.ts).
 */
export const ONE_SHOT_LIMIT = 64 * 1024 * 1024;

/**
 * The one choice between hashing `size` bytes in one WebCrypto call (read whole into memory,
 * ~3x faster than the pure-JS incremental hash) and streaming them through `primitives.sha256()`:
 * one shot only when the incremental hasher is not native-fast (Node injects node:crypto) and the
 * bytes fit under the limit. Export, import, the verifier and the store's integrity check ask it.
 */
export function hashInOneShot(
  size: number,
  primitives: Pick<Primitives, 'native'>,
  limit = ONE_SHOT_LIMIT,
): boolean {
  return !primitives.native && size <= limit;
}

export function sha256Ref(digest: Uint8Array): Sha256Ref {
  return `sha256:${toHex(digest)}`;
}

/** SHA-256 of bytes via WebCrypto. */
export async function sha256(bytes: Uint8Array): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>));
}

/** `sha256:<hex>` of bytes. */
export async function sha256RefOf(bytes: Uint8Array): Promise<Sha256Ref> {
  return sha256Ref(await sha256(bytes));
}

/** `sha256:<hex>` and size of a byte stream, chunk by chunk (never the whole stream in memory). */
export async function sha256OfStream(
  stream: ReadableStream<Uint8Array>,
  primitives: Primitives = jsPrimitives,
): Promise<{ sha256: Sha256Ref; size: number }> {
  const hasher = primitives.sha256();
  let size = 0;
  const reader = stream.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    hasher.update(value);
    size += value.length;
  }
  return { sha256: sha256Ref(hasher.digest()), size };
}

/** `sha256:<hex>` of a Blob: one native call when small, streamed when large. */
export async function sha256OfBlob(
  blob: Blob,
  primitives: Primitives = jsPrimitives,
  oneShotLimit = ONE_SHOT_LIMIT,
): Promise<Sha256Ref> {
  if (hashInOneShot(blob.size, primitives, oneShotLimit))
    return sha256RefOf(new Uint8Array(await blob.arrayBuffer()));
  return (await sha256OfStream(blob.stream(), primitives)).sha256;
}
