import { concatBytes, randomIv, utf8 } from './bytes';
import { VaultDataError } from './errors';

/** 1 MiB plaintext per chunk: bounded memory for large videos and MHTML. */
export const BLOB_CHUNK = 1 << 20;
const MAGIC = utf8('DLB1');
const HEADER = MAGIC.length + 8; // magic, chunk size (u32), chunk count (u32)
const TAG = 16;

const aad = (blobId: string, index: number, count: number) =>
  utf8(`dalel/vault/v1/blob/${blobId}/${index}/${count}`);

function importKey(key: Uint8Array, usage: 'encrypt' | 'decrypt') {
  return crypto.subtle.importKey('raw', new Uint8Array(key), 'AES-GCM', false, [usage]);
}

/**
 * Encrypts a blob in 1 MiB chunks, each with its own random IV and, as additional data, the blob
 * id, its index and the chunk count: chunks cannot be reordered, dropped or moved to another blob.
 * Layout: `DLB1 ‖ chunkSize ‖ count ‖ (iv ‖ ciphertext ‖ tag)*`.
 */
export async function encryptBlob(blobsKey: Uint8Array, blob: Blob, blobId: string): Promise<Blob> {
  const key = await importKey(blobsKey, 'encrypt');
  const count = Math.max(1, Math.ceil(blob.size / BLOB_CHUNK));
  const header = new Uint8Array(HEADER);
  header.set(MAGIC);
  new DataView(header.buffer).setUint32(4, BLOB_CHUNK);
  new DataView(header.buffer).setUint32(8, count);
  const parts: BlobPart[] = [header];
  for (let i = 0; i < count; i++) {
    const plain = new Uint8Array(
      await blob.slice(i * BLOB_CHUNK, (i + 1) * BLOB_CHUNK).arrayBuffer(),
    );
    const iv = randomIv();
    const sealed = await crypto.subtle.encrypt(
      { name: 'AES-GCM', iv, additionalData: aad(blobId, i, count) },
      key,
      plain,
    );
    parts.push(concatBytes(iv, new Uint8Array(sealed)));
  }
  return new Blob(parts, { type: 'application/octet-stream' });
}

/** Decrypts what `encryptBlob` produced for the same id; any change throws VaultDataError. */
export async function decryptBlob(
  blobsKey: Uint8Array,
  sealed: Blob,
  blobId: string,
  mediaType = '',
): Promise<Blob> {
  const head = new Uint8Array(await sealed.slice(0, HEADER).arrayBuffer());
  if (head.length < HEADER || !MAGIC.every((b, i) => head[i] === b))
    throw new VaultDataError(`blob ${blobId}: not an encrypted blob`);
  const view = new DataView(head.buffer);
  const chunk = view.getUint32(4);
  const count = view.getUint32(8);
  const key = await importKey(blobsKey, 'decrypt');
  const parts: BlobPart[] = [];
  let at = HEADER;
  for (let i = 0; i < count; i++) {
    const isLast = i === count - 1;
    const size = isLast ? sealed.size - at : 12 + chunk + TAG;
    if (size < 12 + TAG) throw new VaultDataError(`blob ${blobId}: truncated at chunk ${i}`);
    const bytes = new Uint8Array(await sealed.slice(at, at + size).arrayBuffer());
    at += size;
    try {
      const plain = await crypto.subtle.decrypt(
        { name: 'AES-GCM', iv: bytes.subarray(0, 12), additionalData: aad(blobId, i, count) },
        key,
        bytes.subarray(12),
      );
      parts.push(new Uint8Array(plain));
    } catch {
      throw new VaultDataError(`blob ${blobId}: chunk ${i} of ${count} failed authentication`);
    }
  }
  if (at !== sealed.size) throw new VaultDataError(`blob ${blobId}: trailing bytes`);
  return new Blob(parts, { type: mediaType });
}
