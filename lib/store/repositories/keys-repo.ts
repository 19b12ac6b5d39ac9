import type { StoreContext } from '../context';
import type { SignedRotation } from '../../evidence/key-rotation';
import type { KeyRow } from '../rows';
import { CustodyRepo } from './custody-repo';

/** Signing keys. The private key is a non-extractable CryptoKey; only its public half leaves. */
export class KeysRepo {
  private readonly custody: CustodyRepo;
  constructor(private readonly ctx: StoreContext) {
    this.custody = new CustodyRepo(ctx);
  }

  async active(): Promise<KeyRow | undefined> {
    const rows = await this.ctx.db.keys.toArray();
    return rows.find((k) => k.active);
  }

  /**
   * Adds a new active key; an earlier one is retired (kept, so old packages still name it). A
   * handover signed by the earlier key (key-rotation.ts) goes into the `key_rotated` event; it
   * is signed before, outside the transaction, and kept only if it names these two keys.
   */
  async install(key: KeyRow, handover: SignedRotation | null = null): Promise<void> {
    const { db } = this.ctx;
    await db.transaction('rw', [db.keys, ...db.custodyLog], async () => {
      const previous = (await db.keys.toArray()).find((k) => k.active);
      if (previous) await db.keys.update(previous.id, { active: false });
      await db.keys.add({ ...key, active: true });
      await this.custody.append({
        type: previous ? 'key_rotated' : 'key_created',
        subject: { kind: 'key', id: key.id },
        actor: key.fingerprint,
        data: {
          algorithm: key.algorithm,
          fingerprint: key.fingerprint,
          publicKey: key.publicKeyRaw,
          ...(previous ? { previous: previous.fingerprint } : {}),
          ...(previous &&
          handover?.statement.previous === previous.fingerprint &&
          handover.statement.next === key.fingerprint
            ? { rotation: handover }
            : {}),
        },
      });
    });
  }

  list(): Promise<KeyRow[]> {
    return this.ctx.db.keys
      .toArray()
      .then((rows) => rows.sort((a, b) => a.createdAt.localeCompare(b.createdAt)));
  }
}
