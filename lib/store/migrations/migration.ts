import type { Transaction } from 'dexie';

/** One schema version: the Dexie `stores` spec and, from v2 on, how to rewrite older rows. */
export interface Migration {
  version: number;
  stores: Record<string, string | null>;
  upgrade?: (tx: Transaction) => Promise<void>;
}
