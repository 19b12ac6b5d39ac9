import { GENESIS_HASH } from '../evidence/custody';
import type { CustodyEvent } from '../model/custody';
import type { Damage } from './report';

/**
 * Verifies a run of custody events (sorted by `seq`) that starts at `from`: sequence numbers are
 * contiguous, each `prevHash` is the hash of the event before (the genesis value for seq 0, or
 * `prevHashOfFirst` for a tail), and each `hash` is recomputed. Every fault is named by its seq.
 * Deleting the newest events is invisible here; it is caught against an exported checkpoint.
 */
export function verifyCustodyRun(
  events: readonly CustodyEvent[],
  hashEvent: (event: Omit<CustodyEvent, 'hash'>) => string,
  from = 0,
  prevHashOfFirst: string | null = from === 0 ? GENESIS_HASH : null,
): Damage[] {
  const damage: Damage[] = [];
  let expectedSeq = from;
  let prev = prevHashOfFirst;
  for (const event of events) {
    const id = String(event.seq);
    if (event.seq !== expectedSeq)
      damage.push({
        kind: 'custody_gap',
        id,
        reason: `expected event ${expectedSeq}, found ${event.seq}: events are missing`,
      });
    if (prev !== null && event.prevHash !== prev)
      damage.push({
        kind: 'custody_link_broken',
        id,
        reason: `prevHash does not match the hash of event ${expectedSeq - 1}`,
      });
    const { hash, ...unhashed } = event;
    if (hashEvent(unhashed) !== hash)
      damage.push({
        kind: 'custody_hash_mismatch',
        id,
        reason: 'the event was changed after it was written',
      });
    expectedSeq = event.seq + 1;
    prev = hash;
  }
  return damage;
}
