import type { StoreContext } from '../context';
import { blobFromStorage } from '../encryption/blobs';
import type { ArtifactRow } from '../rows';

/**
 * Read-only access to artifact bytes; they are written only by `CapturesRepo.seal` and an import
 * (`ImportsRepo.storeArtifact`).
 */
export class ArtifactsRepo {
  constructor(private readonly ctx: StoreContext) {}

  /** The stored row; under the lock its `blob` is still the encrypted form (see `blob()`). */
  get(sha256: string): Promise<ArtifactRow | undefined> {
    return this.ctx.db.artifacts.get(sha256);
  }

  /** The artifact's bytes, decrypted when the store is locked with a passphrase. */
  async blob(sha256: string): Promise<Blob> {
    const row = await this.get(sha256);
    if (!row) throw new Error(`artifact ${sha256} is missing from the store`);
    return blobFromStorage(this.ctx.cipher, sha256, row.blob, row.mediaType);
  }

  keys(): Promise<string[]> {
    return this.ctx.db.artifacts.toCollection().primaryKeys();
  }
}
