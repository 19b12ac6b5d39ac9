/** What kind of damage the integrity check found. */
export type DamageKind =
  | 'artifact_corrupt'
  | 'artifact_missing'
  | 'artifact_unreadable'
  | 'link_dangling'
  | 'custody_gap'
  | 'custody_link_broken'
  | 'custody_hash_mismatch'
  | 'custody_tree_mismatch'
  /** A capture's record no longer hashes to its seal (edited after sealing). */
  | 'capture_seal_mismatch'
  /** A capture's seal is not the one its `captured`/`imported` event recorded (edited and re-sealed). */
  | 'capture_event_mismatch'
  /** The log is shorter than it was last seen: records were lost (storage wiped or damaged). */
  | 'archive_lost'
  /** The log no longer contains the event last seen at its position: it was replaced. */
  | 'archive_replaced'
  /** A row without encryption in a store under the lock: planted, never written by Dalel; refused. */
  | 'unencrypted_row';

export interface Damage {
  kind: DamageKind;
  /** The record concerned: an artifact hash, a capture, link or custody sequence number. */
  id: string;
  reason: string;
  /** For `archive_lost` / `archive_replaced`: what was last seen, and what is there now. */
  witnessed?: { events: number; at: string; found: number };
}

export interface IntegrityReport {
  ok: boolean;
  /** `false`: the cheap startup form (counts, recent events and captures); `true`: everything. */
  full: boolean;
  checkedAt: string;
  checked: {
    artifacts: number;
    artifactsRehashed: number;
    captures: number;
    links: number;
    custodyEvents: number;
  };
  damage: Damage[];
}
