import { redactionSchema, type Redaction } from '../../model/redaction';
import type { StoreContext } from '../context';
import { blobForStorage } from '../encryption/blobs';
import { CustodyRepo } from './custody-repo';

/**
 * Redacted working copies (derived artifacts). A redaction is added with its bytes and a
 * `redacted` custody event in one transaction; the original artifact is never touched. A newer
 * redaction of the same original (the monitor adjusted the regions) supersedes the older one,
 * which stays on record.
 */
export class RedactionsRepo {
  private readonly custody: CustodyRepo;
  constructor(private readonly ctx: StoreContext) {
    this.custody = new CustodyRepo(ctx);
  }

  async add(redaction: Redaction, bytes: Blob): Promise<Redaction> {
    const parsed = redactionSchema.parse(redaction);
    if (bytes.size !== parsed.derived.size)
      throw new Error(
        `redaction ${parsed.id}: ${bytes.size} bytes, record says ${parsed.derived.size}`,
      );
    const { db, cipher } = this.ctx;
    const blob = await blobForStorage(cipher, parsed.derived.sha256, bytes);
    const storedAt = this.ctx.now().toISOString();
    await db.transaction(
      'rw',
      [db.captures, db.artifacts, db.redactions, ...db.custodyLog],
      async () => {
        const capture = await db.captures.get(parsed.captureId);
        if (!capture) throw new Error(`no capture ${parsed.captureId}`);
        if (!capture.artifacts.some((a) => a.sha256 === parsed.original.sha256))
          throw new Error(`capture ${parsed.captureId} has no artifact ${parsed.original.sha256}`);
        if (!(await db.artifacts.get(parsed.derived.sha256)))
          await db.artifacts.add({
            sha256: parsed.derived.sha256,
            blob,
            size: bytes.size,
            mediaType: parsed.derived.mediaType,
            storedAt,
          });
        await db.redactions.add(parsed);
        await this.custody.append({
          type: 'redacted',
          subject: { kind: 'capture', id: parsed.captureId },
          data: {
            redaction: parsed.id,
            seal: parsed.seal,
            original: parsed.original.sha256,
            derived: parsed.derived.sha256,
            regions: parsed.regions.length,
          },
        });
      },
    );
    return parsed;
  }

  async forCapture(captureId: string): Promise<Redaction[]> {
    const rows = await this.ctx.db.redactions.where('captureId').equals(captureId).toArray();
    return rows.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
  }

  /** The redaction in force for each original of a capture: the newest, by original hash. */
  async current(captureId: string): Promise<Map<string, Redaction>> {
    const superseded = new Set<string>();
    const all = await this.forCapture(captureId);
    for (const r of all) if (r.supersedes) superseded.add(r.supersedes);
    const out = new Map<string, Redaction>();
    for (const r of all) if (!superseded.has(r.id)) out.set(r.original.sha256, r);
    return out;
  }
}
