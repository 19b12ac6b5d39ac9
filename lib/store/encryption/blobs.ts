import { decryptBlob, encryptBlob } from '../../vault/blob-cipher';
import type { CipherSession } from './cipher-session';
import { SEALED_BLOB_TYPE } from './cipher-session';

/**
 * Encrypts an artifact's bytes for storage when the store is sealed (WebCrypto, so this runs
 * BEFORE the write transaction opens). Bound to the artifact's hash: a blob moved under another
 * key fails to open.
 */
export async function blobForStorage(
  session: CipherSession | undefined,
  sha256: string,
  blob: Blob,
): Promise<Blob> {
  if (!session || session.mode !== 'sealed') return blob;
  const sealed = await encryptBlob(session.keys().blobs, blob, sha256);
  return new Blob([sealed], { type: SEALED_BLOB_TYPE });
}

/** The artifact's plaintext bytes, decrypting when the stored blob is sealed. */
export async function blobFromStorage(
  session: CipherSession | undefined,
  sha256: string,
  stored: Blob,
  mediaType: string,
): Promise<Blob> {
  if (stored.type !== SEALED_BLOB_TYPE) return stored;
  if (!session) throw new Error(`artifact ${sha256} is encrypted and no vault session is open`);
  return decryptBlob(session.keys().blobs, stored, sha256, mediaType);
}
