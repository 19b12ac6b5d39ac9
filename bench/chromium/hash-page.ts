// The in-page half of the Chromium hashing benchmark, bundled by vite and loaded into a plain
// page (see page-harness.ts). Each call times one operation and returns its digest so the Node
// side can check ours and the bare digest agree.
import { sha256 as nobleSha256 } from '@noble/hashes/sha2.js';
import { jsPrimitives } from '../../lib/evidence/primitives';
import { toHex } from '../../lib/evidence/hex';
import { sha256OfBlob, sha256OfStream, sha256RefOf } from '../../lib/evidence/sha256';

const MIB = 1024 * 1024;
let bytes = new Uint8Array(0);
let blob = new Blob([]);

function gc(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/** 1 MiB chunks of the first `mib` MiB of the buffer, as a stream (like a Blob's or a file's). */
function chunks(mib: number): ReadableStream<Uint8Array> {
  let i = 0;
  return new ReadableStream({
    pull(controller) {
      if (i >= mib) return controller.close();
      controller.enqueue(bytes.subarray(i * MIB, (i + 1) * MIB));
      i++;
    },
  });
}

const bare = async (data: Uint8Array) =>
  `sha256:${toHex(new Uint8Array(await crypto.subtle.digest('SHA-256', data as Uint8Array<ArrayBuffer>)))}`;

const operations = {
  /** Bare WebCrypto one-shot of bytes already in memory. */
  'bare-bytes': (mib: number) => bare(bytes.subarray(0, mib * MIB)),
  /** Ours on the same bytes: sha256RefOf (capture pipeline, records). */
  'ours-bytes': (mib: number) => sha256RefOf(bytes.subarray(0, mib * MIB)),
  /** Bare: read the Blob whole, then one WebCrypto call. */
  'bare-blob': async () => bare(new Uint8Array(await blob.arrayBuffer())),
  /** Ours on a Blob (store integrity check): one shot up to ONE_SHOT_LIMIT, streamed above. */
  'ours-blob': () => sha256OfBlob(blob),
  /** Ours incremental over in-memory chunks, with the primitives the extension uses (jsPrimitives). */
  'ours-stream': async (mib: number) => (await sha256OfStream(chunks(mib), jsPrimitives)).sha256,
  /** @noble/hashes incremental over the same chunks (a pure-JS alternative in node_modules). */
  'noble-stream': async (mib: number) => {
    const hasher = nobleSha256.create();
    for (let i = 0; i < mib; i++) hasher.update(bytes.subarray(i * MIB, (i + 1) * MIB));
    return `sha256:${toHex(hasher.digest())}`;
  },
} satisfies Record<string, (mib: number) => Promise<string>>;

export type HashOperation = keyof typeof operations;

const api = {
  /** Fills `mib` MiB with random bytes (WebCrypto gives at most 64 KiB per call). */
  fill(mib: number): void {
    bytes = new Uint8Array(mib * MIB);
    for (let at = 0; at < bytes.length; at += 65536)
      crypto.getRandomValues(bytes.subarray(at, at + 65536));
    gc();
  },
  /** A Blob of `mib` MiB made of the buffer repeated (Blob storage holds it, not the JS heap). */
  makeBlob(mib: number): void {
    const parts: Uint8Array[] = [];
    const per = bytes.length / MIB;
    for (let left = mib; left > 0; left -= per)
      parts.push(bytes.subarray(0, Math.min(per, left) * MIB));
    blob = new Blob(parts as Uint8Array<ArrayBuffer>[]);
    gc();
  },
  dropBytes(): void {
    bytes = new Uint8Array(0);
    gc();
  },
  async time(op: HashOperation, mib: number): Promise<{ ms: number; ref: string }> {
    gc();
    const start = performance.now();
    const ref = await operations[op](mib);
    const ms = performance.now() - start;
    gc();
    return { ms, ref };
  },
};

export type HashPageApi = typeof api;
(globalThis as unknown as { dalelBench: HashPageApi }).dalelBench = api;
