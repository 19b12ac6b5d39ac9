import { parseWitness, witnessDamage, type Witness, type WitnessPort } from '../integrity/witness';
import type { Damage } from '../integrity/report';
import type { Store } from '../store/store';

/**
 * Keeps the witness of the custody log (lib/integrity/witness.ts) in step with the store: it
 * moves forward only while the log extends what it saw, so a lost or replaced log stays reported
 * until the monitor acknowledges it (after restoring a backup, or accepting the loss), which the
 * log itself then records.
 */
export class WitnessKeeper {
  private known: Witness | null | undefined;
  private advancing: Promise<void> = Promise.resolve();

  constructor(
    private readonly store: Store,
    private readonly port: WitnessPort,
  ) {}

  /** The loss, if the log no longer extends the witness; records a first witness otherwise. */
  async check(): Promise<Damage[]> {
    const witness = await this.load();
    const { size, head } = await this.current();
    const damage = await witnessDamage(witness, size, (seq) =>
      this.store.custody.at(seq).then((e) => e?.hash),
    );
    if (damage.length === 0 && head) await this.save({ size, head, at: this.now() });
    return damage;
  }

  /** After a write: moves the witness to the new head if the log extends it. Never throws. */
  advance(): Promise<void> {
    this.advancing = this.advancing.then(() => this.check().then(() => undefined)).catch(() => {});
    return this.advancing;
  }

  /**
   * The monitor has seen the loss (and restored what they could): the log records what was
   * witnessed and what was found, and the witness starts again from the log as it is now.
   */
  async acknowledge(): Promise<{ acknowledged: boolean }> {
    const witness = await this.load();
    const { size } = await this.current();
    const damage = await witnessDamage(witness, size, (seq) =>
      this.store.custody.at(seq).then((e) => e?.hash),
    );
    if (!witness || damage.length === 0) return { acknowledged: false };
    const event = await this.store.custody.record({
      type: 'loss_acknowledged',
      subject: { kind: 'store', id: 'custody' },
      data: {
        witnessed: { size: witness.size, head: witness.head, at: witness.at },
        found: { size },
        kind: damage[0]!.kind,
      },
    });
    await this.save({ size: event.seq + 1, head: event.hash, at: this.now() });
    return { acknowledged: true };
  }

  /** The panic wipe: nothing may say afterwards that an archive existed. */
  async forget(): Promise<void> {
    this.known = null;
    await this.port.clear();
  }

  private async current(): Promise<{ size: number; head: string | null }> {
    const head = await this.store.custody.head();
    return { size: head ? head.seq + 1 : 0, head: head?.hash ?? null };
  }

  private async load(): Promise<Witness | null> {
    if (this.known === undefined) this.known = parseWitness(await this.port.load());
    return this.known;
  }

  private async save(witness: Witness): Promise<void> {
    if (this.known?.size === witness.size && this.known.head === witness.head) return;
    this.known = witness;
    await this.port.save(witness);
  }

  private now(): string {
    return this.store.ctx.now().toISOString();
  }
}
