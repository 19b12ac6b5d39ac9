import Dexie, { type EntityTable } from 'dexie';
import { migrations } from './migrations/index';
import type {
  ArtifactRow,
  CaptureRow,
  CaseRow,
  CustodyRow,
  CustodyTreeRow,
  KeyRow,
  LinkRow,
  ListingRow,
  PersonRow,
  LockerRow,
  SecretRow,
  SettingRow,
  StampJobRow,
} from './rows';
import type { VaultRecord } from '../vault/record';
import type { Redaction } from '../model/redaction';
import type { QueueItem } from '../locker/queue-item';

export const DEFAULT_DB_NAME = 'dalel';

/**
 * The IndexedDB database. Only lib/store/repositories touch it. The name is a parameter so
 * each test gets its own database.
 */
export class DalelDb extends Dexie {
  persons!: EntityTable<PersonRow, 'id'>;
  cases!: EntityTable<CaseRow, 'id'>;
  captures!: EntityTable<CaptureRow, 'id'>;
  artifacts!: EntityTable<ArtifactRow, 'sha256'>;
  links!: EntityTable<LinkRow, 'id'>;
  custody!: EntityTable<CustodyRow, 'seq'>;
  custodyTree!: EntityTable<CustodyTreeRow, 'id'>;
  keys!: EntityTable<KeyRow, 'id'>;
  settings!: EntityTable<SettingRow, 'key'>;
  vault!: EntityTable<VaultRecord, 'id'>;
  listings!: EntityTable<ListingRow, 'id'>;
  stampQueue!: EntityTable<StampJobRow, 'id'>;
  redactions!: EntityTable<Redaction, 'id'>;
  locker!: EntityTable<LockerRow, 'id'>;
  lockerQueue!: EntityTable<QueueItem, 'id'>;
  secrets!: EntityTable<SecretRow, 'id'>;

  /** The tables a custody append writes: every transaction that appends must include both. */
  get custodyLog() {
    return [this.custody, this.custodyTree];
  }

  constructor(name: string = DEFAULT_DB_NAME, options?: ConstructorParameters<typeof Dexie>[1]) {
    // Strict durability: a sealed capture must be on disk when we say it is (integrity.md D3).
    super(name, { chromeTransactionDurability: 'strict', ...options });
    for (const migration of migrations) {
      const version = this.version(migration.version).stores(migration.stores);
      if (migration.upgrade) version.upgrade(migration.upgrade);
    }
  }
}
