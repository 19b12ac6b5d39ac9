import type {
  DBCore,
  DBCoreCursor,
  DBCoreKeyRange,
  DBCoreMutateRequest,
  DBCoreQuery,
  DBCoreTable,
  Middleware,
} from 'dexie';
import { VaultDataError, VaultLockedError } from '../../vault/errors';
import type { CipherSession } from './cipher-session';
import { blindValue, isSealedRow, openRow, sealRow } from './row-codec';
import { tableSpecs, type TableSpec } from './table-specs';

const EQUAL = 1 as const;
const ANY = 3 as const;

/**
 * A Dexie DBCore middleware, the lowest in the stack (next to IndexedDB): rows are sealed on the
 * way down and opened on the way up, so repositories keep their API and never see ciphertext.
 * Everything here is synchronous (noble AES-GCM, HMAC): it runs inside transactions.
 * Equality lookups on an index are rewritten to the blind index; ordered scans (`orderBy`) come
 * back in blind order, so repositories sort in memory; true range queries on an encrypted index
 * are refused rather than silently answered wrong.
 */
export function encryptionMiddleware(session: CipherSession): Middleware<DBCore> {
  const specs = tableSpecs();
  return {
    stack: 'dbcore',
    name: 'DalelEncryption',
    level: -10,
    create: (down) => ({
      ...down,
      table: (name) => {
        const table = down.table(name);
        const spec = specs.get(name);
        return spec ? encryptedTable(session, table, spec) : table;
      },
    }),
  };
}

function encryptedTable(session: CipherSession, table: DBCoreTable, spec: TableSpec): DBCoreTable {
  const name = table.name;
  const sealed = () => session.mode === 'sealed';
  const open = (v: unknown) => (v === undefined ? v : openRow(session, name, spec, v));
  // A plaintext row in a sealed store was not written by Dalel (every write is sealed): refuse it.
  const planted = (v: unknown) => v !== undefined && !isSealedRow(v) && session.refusesPlain();
  const refuse = (v: unknown) => {
    const key = String((v as Record<string, unknown>)?.[spec.primaryKey]);
    if (session.refused.size < 1000) session.refused.set(`${name}/${key}`, { table: name, key });
  };
  /** Opens a row, or undefined (and a note for the integrity check) for a planted one. */
  const openOrRefuse = (v: unknown) => {
    if (!planted(v)) return open(v);
    refuse(v);
    return undefined;
  };
  const outerKey = (row: unknown) =>
    (row as Record<string, unknown> | undefined)?.[spec.primaryKey];
  const innerKey = (key: unknown) =>
    sealed() && spec.blindPrimaryKey ? blindValue(session, name, spec.primaryKey, key) : key;
  // Mid-migration a row may still be stored under the other form of its key.
  const otherKey = (key: unknown) =>
    sealed() ? key : blindValue(session, name, spec.primaryKey, key);
  const bothForms = () => spec.blindPrimaryKey && session.migrating;

  function translateRange(path: string | null, range: DBCoreKeyRange): DBCoreKeyRange {
    if (!sealed()) return range;
    const blinded = path === null ? spec.blindPrimaryKey : true;
    if (!blinded || range.type === ANY) return range;
    if (range.type === EQUAL) {
      const v = blindValue(session, name, path ?? spec.primaryKey, range.lower) as string;
      return { ...range, lower: v, upper: v };
    }
    if (range.type === 4) return range;
    throw new Error(`range query on the encrypted index ${name}.${path ?? spec.primaryKey}`);
  }
  const translateQuery = (q: DBCoreQuery): DBCoreQuery => {
    const keyPath = q.index.keyPath;
    if (Array.isArray(keyPath)) throw new Error(`compound index on ${name} cannot be encrypted`);
    return { ...q, range: translateRange(q.index.isPrimaryKey ? null : keyPath, q.range) };
  };

  return {
    ...table,
    async mutate(req: DBCoreMutateRequest) {
      if (req.type === 'add' || req.type === 'put') {
        if (!sealed()) return table.mutate(req);
        if (req.keys && spec.blindPrimaryKey === false && table.schema.primaryKey.outbound)
          throw new Error(`${name}: outbound keys are not supported encrypted`);
        const values = req.values.map((v) =>
          sealRow(session, name, spec, v as Record<string, unknown>),
        );
        const keys = req.keys?.map(innerKey);
        const res = await table.mutate({ ...req, values, ...(keys ? { keys } : {}) });
        // Callers get back the keys they know, not blind ones.
        return {
          ...res,
          results: req.values.map(outerKey),
          lastResult: outerKey(req.values.at(-1)),
        };
      }
      if (req.type === 'delete') {
        const keys = req.keys.flatMap((k) =>
          bothForms() ? [innerKey(k), otherKey(k)] : [innerKey(k)],
        );
        return table.mutate({ ...req, keys });
      }
      return table.mutate({ ...req, range: translateRange(null, req.range) });
    },
    async get(req) {
      let row = await table.get({ ...req, key: innerKey(req.key) });
      if (row === undefined && bothForms())
        row = await table.get({ ...req, key: otherKey(req.key) });
      return openOrRefuse(row);
    },
    async getMany(req) {
      const rows = await table.getMany({ ...req, keys: req.keys.map(innerKey) });
      if (bothForms()) {
        const missing = rows.flatMap((r, i) => (r === undefined ? [i] : []));
        const again = await table.getMany({
          ...req,
          keys: missing.map((i) => otherKey(req.keys[i])),
        });
        missing.forEach((i, j) => (rows[i] = again[j]));
      }
      return rows.map(openOrRefuse);
    },
    async query(req) {
      const query = translateQuery(req.query);
      // Blind primary keys cannot be inverted: read the rows to answer with the real keys.
      const needValues = req.values || (spec.blindPrimaryKey && (sealed() || session.migrating));
      const res = await table.query({
        ...req,
        query,
        values: needValues || session.refusesPlain(),
      });
      // Planted plaintext rows are left out of every answer (keys-only answers too).
      const kept = session.refusesPlain()
        ? res.result.filter((r) => (planted(r) ? (refuse(r), false) : true))
        : res.result;
      if (req.values) return { result: kept.map(open) };
      if (needValues) return { result: kept.map((r) => outerKey(open(r))) };
      if (session.refusesPlain()) return { result: kept.map((r) => outerKey(open(r))) };
      return res;
    },
    async openCursor(req) {
      const cursor = await table.openCursor({ ...req, query: translateQuery(req.query) });
      return (
        cursor &&
        openingCursor(cursor, (v) => {
          if (planted(v)) {
            refuse(v);
            throw new VaultDataError(
              `${name}: an unencrypted row in an encrypted store was refused`,
            );
          }
          return open(v);
        })
      );
    },
    count(req) {
      return table.count({ ...req, query: translateQuery(req.query) });
    },
  };
}

/**
 * A cursor whose `value` is opened lazily (Dexie reads it only for value iteration). It inherits
 * Dexie's own fields and bound methods from the cursor, but `key` and `primaryKey` are native
 * IDBCursor accessors that throw "Illegal invocation" when read through another object, so they
 * are read from the cursor itself (fake-indexeddb's do not check, so only Chromium showed it).
 */
export function openingCursor(cursor: DBCoreCursor, open: (v: unknown) => unknown): DBCoreCursor {
  let cached: { raw: unknown; value: unknown } | null = null;
  return Object.create(cursor, {
    key: { get: () => cursor.key },
    primaryKey: { get: () => cursor.primaryKey },
    value: {
      get() {
        const raw = cursor.value;
        if (!cached || cached.raw !== raw) cached = { raw, value: open(raw) };
        return cached.value;
      },
    },
  }) as DBCoreCursor;
}

export { VaultLockedError };
