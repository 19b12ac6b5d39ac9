import { migrations } from '../migrations/index';

/** How one table is stored when sealed. */
export interface TableSpec {
  primaryKey: string;
  /** Blind the primary key too (artifact hashes would reveal which public posts were captured). */
  blindPrimaryKey: boolean;
  /** Indexed fields whose values are replaced by blind indices (dotted paths allowed). */
  indexed: { path: string; multi: boolean }[];
  /** Fields kept out of the sealed JSON: blobs (sealed separately) and CryptoKeys (in the vault). */
  detached: string[];
}

/** Tables never encrypted: the vault record itself (wrapped keys only). */
export const PLAIN_TABLES = new Set(['vault']);

/**
 * Tables that exist only encrypted: credentials (an S3 secret key). Turning the lock off deletes
 * their rows instead of writing them back in plaintext, and nothing writes them while unsealed.
 */
export const SEALED_ONLY_TABLES = new Set(['secrets']);

const DETACHED: Record<string, string[]> = {
  artifacts: ['blob'],
  keys: ['privateKey', 'publicKey'],
};
const BLIND_PRIMARY = new Set(['artifacts']);

/** Derived from the latest schema, so a new index is blinded without anyone remembering to. */
export function tableSpecs(): Map<string, TableSpec> {
  const latest: Record<string, string | null> = {};
  for (const m of migrations) Object.assign(latest, m.stores);
  const specs = new Map<string, TableSpec>();
  for (const [table, spec] of Object.entries(latest)) {
    if (spec === null || PLAIN_TABLES.has(table)) continue;
    const [pk, ...rest] = spec
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    if (!pk || /[[+&]/.test(pk)) throw new Error(`table ${table}: unsupported primary key "${pk}"`);
    const indexed = rest.map((index) => {
      if (/[[+&]/.test(index))
        throw new Error(`table ${table}: compound/unique index "${index}" cannot be blinded`);
      return { path: index.replace(/^\*/, ''), multi: index.startsWith('*') };
    });
    specs.set(table, {
      primaryKey: pk,
      blindPrimaryKey: BLIND_PRIMARY.has(table),
      indexed,
      detached: DETACHED[table] ?? [],
    });
  }
  return specs;
}
