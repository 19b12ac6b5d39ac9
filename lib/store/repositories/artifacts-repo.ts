import type { StoreContext } from '../context';
import type { ArtifactRow } from '../rows';

/** Read-only access to artifact bytes; they are written only by `CapturesRepo.seal`. */
export class ArtifactsRepo {
  constructor(private readonly ctx: StoreContext) {}

  get(sha256: string): Promise<ArtifactRow | undefined> {
    return this.ctx.db.artifacts.get(sha256);
  }

  async blob(sha256: string): Promise<Blob> {
    const row = await this.get(sha256);
    if (!row) throw new Error(`artifact ${sha256} is missing from the store`);
    return row.blob;
  }

  keys(): Promise<string[]> {
    return this.ctx.db.artifacts.toCollection().primaryKeys();
  }
}
