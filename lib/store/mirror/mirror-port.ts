/**
 * Where the mirrored store keeps its rows: `storage.local` in the browser (the only storage
 * Firefox leaves an extension in permanent private browsing), a Map in tests. One `write` call
 * must be atomic — Firefox's `storage.local.set` writes all its keys in one IndexedDB
 * transaction of its own — so a capture and its custody event land together or not at all.
 */
export interface MirrorPort {
  /** Every stored entry (the caller picks its own keys by prefix). */
  load(): Promise<Record<string, unknown>>;
  /** Sets all these keys at once, or none. */
  write(entries: Record<string, unknown>): Promise<void>;
  remove(keys: string[]): Promise<void>;
}

/** Keys of the mirrored store in `storage.local`: `dalel.db:<table>:<JSON of the primary key>`. */
export const MIRROR_PREFIX = 'dalel.db:';
/** `{ version, createdAt }`: the schema version the rows were written with. */
export const MIRROR_META = 'dalel.db.meta';

export interface MirrorMeta {
  version: number;
  createdAt: string;
}

export function rowKey(table: string, key: unknown): string {
  if (typeof key !== 'string' && typeof key !== 'number')
    throw new Error(`table ${table}: only string and number keys can be mirrored`);
  return `${MIRROR_PREFIX}${table}:${JSON.stringify(key)}`;
}

export function parseRowKey(storageKey: string): { table: string; key: string | number } | null {
  if (!storageKey.startsWith(MIRROR_PREFIX)) return null;
  const rest = storageKey.slice(MIRROR_PREFIX.length);
  const colon = rest.indexOf(':');
  if (colon <= 0) return null;
  try {
    const key = JSON.parse(rest.slice(colon + 1)) as unknown;
    if (typeof key !== 'string' && typeof key !== 'number') return null;
    return { table: rest.slice(0, colon), key };
  } catch {
    return null;
  }
}

/**
 * The stored rows grouped by table. A deleted row is a `null` tombstone (a delete must commit in
 * the same atomic write as the rest of its transaction); tombstones are listed for clean-up.
 */
export function groupRows(entries: Record<string, unknown>): {
  tables: Map<string, unknown[]>;
  tombstones: string[];
  meta: MirrorMeta | null;
} {
  const tables = new Map<string, unknown[]>();
  const tombstones: string[] = [];
  for (const [storageKey, value] of Object.entries(entries)) {
    const parsed = parseRowKey(storageKey);
    if (!parsed) continue;
    if (value === null || value === undefined) {
      tombstones.push(storageKey);
      continue;
    }
    const rows = tables.get(parsed.table) ?? [];
    rows.push(value);
    tables.set(parsed.table, rows);
  }
  const meta = entries[MIRROR_META] as MirrorMeta | undefined;
  return { tables, tombstones, meta: meta && typeof meta.version === 'number' ? meta : null };
}

/** A port over a Map, for tests: `failNext` makes the next write fail (a full disk, a crash). */
export class MemoryMirrorPort implements MirrorPort {
  readonly entries = new Map<string, unknown>();
  writes = 0;
  failNext: Error | null = null;

  async load() {
    return Object.fromEntries(this.entries);
  }

  async write(entries: Record<string, unknown>) {
    if (this.failNext) {
      const error = this.failNext;
      this.failNext = null;
      throw error;
    }
    this.writes++;
    for (const [k, v] of Object.entries(entries)) this.entries.set(k, structuredClone(v));
  }

  async remove(keys: string[]) {
    for (const k of keys) this.entries.delete(k);
  }
}
