import { captureSchema, type Capture } from '../../model/capture';
import type { StoreContext } from '../context';
import { blobForStorage } from '../encryption/blobs';
import type { ArtifactRow } from '../rows';
import { CustodyRepo } from './custody-repo';
import { isStorageFull, StoreFullError } from '../storage-full';

/** Bytes to store with a capture, already hashed: the key is the hash of exactly this Blob. */
export interface ArtifactBytes {
  sha256: string;
  blob: Blob;
  mediaType: string;
}

/** Sealed captures. There is no update: a re-capture is a new capture linked to the earlier ones. */
export class CapturesRepo {
  private readonly custody: CustodyRepo;
  constructor(private readonly ctx: StoreContext) {
    this.custody = new CustodyRepo(ctx);
  }

  /**
   * Stores a sealed capture, its artifacts and its `captured` custody event in one transaction,
   * or nothing at all. Hashing and serialising happen before, in the caller.
   */
  async seal(capture: Capture, artifacts: readonly ArtifactBytes[]): Promise<Capture> {
    const parsed = captureSchema.parse(capture);
    const bytes = new Map(artifacts.map((a) => [a.sha256, a]));
    for (const ref of parsed.artifacts) {
      const stored = bytes.get(ref.sha256);
      if (!stored) throw new Error(`artifact ${ref.name} (${ref.sha256}) has no bytes`);
      if (stored.blob.size !== ref.size)
        throw new Error(
          `artifact ${ref.name}: ${stored.blob.size} bytes, manifest says ${ref.size}`,
        );
    }
    const { db, cipher } = this.ctx;
    const storedAt = this.ctx.now().toISOString();
    // Encryption is WebCrypto (async): done before the transaction, which must not await it.
    const stored = new Map<string, Blob>();
    for (const a of bytes.values())
      stored.set(a.sha256, await blobForStorage(cipher, a.sha256, a.blob));
    try {
      await db.transaction('rw', [db.captures, db.artifacts, ...db.custodyLog], async () => {
        if (await db.captures.get(parsed.id))
          throw new Error(`capture ${parsed.id} already sealed`);
        const known = new Set(
          (await db.artifacts.bulkGet([...bytes.keys()])).flatMap((row) =>
            row ? [row.sha256] : [],
          ),
        );
        // Content-addressed: bytes already stored under this hash are identical; never rewrite them.
        const fresh: ArtifactRow[] = [...bytes.values()]
          .filter((a) => !known.has(a.sha256))
          .map((a) => ({
            sha256: a.sha256,
            blob: stored.get(a.sha256)!,
            size: a.blob.size,
            mediaType: a.mediaType,
            storedAt,
          }));
        if (fresh.length) await db.artifacts.bulkAdd(fresh);
        await db.captures.add(parsed);
        await this.custody.append({
          type: 'captured',
          subject: { kind: 'capture', id: parsed.id },
          data: { seal: parsed.seal, url: parsed.url, artifacts: parsed.artifacts.length },
        });
      });
    } catch (error) {
      if (isStorageFull(error)) throw new StoreFullError(error);
      throw error;
    }
    return parsed;
  }

  get(id: string): Promise<Capture | undefined> {
    return this.ctx.db.captures.get(id);
  }

  async list(): Promise<Capture[]> {
    // Sorted here, not by the index: under the lock the index holds blind values.
    const rows = await this.ctx.db.captures.toArray();
    return rows.sort((a, b) => b.sealedAt.localeCompare(a.sealedAt));
  }

  /** Captures of one account, oldest first: the account-state timeline. */
  async byAccount(accountKey: string): Promise<Capture[]> {
    const rows = await this.ctx.db.captures.where('accountKey').equals(accountKey).toArray();
    return rows.sort((a, b) => a.sealedAt.localeCompare(b.sealedAt));
  }

  /** Earlier captures of the same URL, newest first. */
  async byUrl(url: string): Promise<Capture[]> {
    const rows = await this.ctx.db.captures.where('url').equals(url).toArray();
    return rows.sort((a, b) => b.sealedAt.localeCompare(a.sealedAt));
  }

  count(): Promise<number> {
    return this.ctx.db.captures.count();
  }

  /** Every capture id (primary keys only: cheap at 10,000 captures, and never blinded). */
  async ids(): Promise<string[]> {
    return (await this.ctx.db.captures.toCollection().primaryKeys()) as string[];
  }
}
