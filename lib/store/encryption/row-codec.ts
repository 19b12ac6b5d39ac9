import { openJson, sealJson } from '../../vault/aead';
import { blindIndex } from '../../vault/blind-index';
import { VaultDataError } from '../../vault/errors';
import type { CipherSession } from './cipher-session';
import { SEALED_BLOB_TYPE } from './cipher-session';
import type { TableSpec } from './table-specs';

/** The field of a stored row that holds the sealed JSON of the whole row. */
export const SEALED_FIELD = '$e';

type Row = Record<string, unknown>;

export function isSealedRow(value: unknown): value is Row {
  return typeof value === 'object' && value !== null && SEALED_FIELD in value;
}

function getPath(row: Row, path: string): unknown {
  return path.split('.').reduce<unknown>((v, k) => (v as Row | undefined)?.[k], row);
}

function setPath(row: Row, path: string, value: unknown): void {
  const keys = path.split('.');
  let at = row;
  for (const k of keys.slice(0, -1)) at = (at[k] ??= {}) as Row;
  at[keys[keys.length - 1]!] = value;
}

const aadOf = (table: string, key: unknown) => `dalel/row/v1/${table}/${JSON.stringify(key)}`;

/** The blind form of an indexed value (each element of a multi-entry array on its own). */
export function blindValue(session: CipherSession, table: string, path: string, value: unknown) {
  const key = session.keys().index;
  if (Array.isArray(value)) return value.map((v) => blindIndex(key, table, path, v));
  return blindIndex(key, table, path, value);
}

/**
 * The stored form of a row: primary key (blinded for artifacts), blind indices, detached fields
 * (an already sealed blob), and `$e` = AES-GCM of the row's JSON bound to table and key.
 */
export function sealRow(session: CipherSession, table: string, spec: TableSpec, value: Row): Row {
  const keys = session.keys();
  const pk = value[spec.primaryKey];
  const inner: Row = { ...value };
  const stored: Row = {};
  for (const field of spec.detached) {
    if (field === 'blob') {
      const blob = value.blob as Blob;
      if (!(blob instanceof Blob) || blob.type !== SEALED_BLOB_TYPE)
        throw new Error(`${table} ${String(pk)}: refusing to store an unencrypted blob`);
      stored.blob = blob;
    }
    // CryptoKeys are never serialised: the vault record holds the wrapped private key, and a
    // non-extractable key from before the lock is dropped here on purpose (shredded; see
    // ARCHITECTURE.md, Security).
    delete inner[field];
  }
  stored[spec.primaryKey] = spec.blindPrimaryKey
    ? blindValue(session, table, spec.primaryKey, pk)
    : pk;
  for (const { path } of spec.indexed) {
    const v = getPath(value, path);
    if (v !== undefined && v !== null) setPath(stored, path, blindValue(session, table, path, v));
  }
  stored[SEALED_FIELD] = sealJson(keys.rows, inner, aadOf(table, stored[spec.primaryKey]));
  return stored;
}

/** The row as the repositories know it; plaintext rows (no lock, or mid-migration) pass through. */
export function openRow(
  session: CipherSession,
  table: string,
  spec: TableSpec,
  stored: unknown,
): unknown {
  if (!isSealedRow(stored)) return stored;
  const keys = session.keys();
  const sealed = stored[SEALED_FIELD];
  if (!(sealed instanceof Uint8Array)) throw new VaultDataError(`${table}: malformed sealed row`);
  // Bound to the stored key (blinded for artifacts): a row moved under another key fails to open.
  const probe = openJson<Row>(keys.rows, sealed, aadOf(table, stored[spec.primaryKey]));
  if (spec.detached.includes('blob')) probe.blob = stored.blob;
  if (table === 'keys') {
    const id = String(probe.id);
    const publicKey = session.publicKeys.get(id);
    if (!publicKey && !session.loadingKeys)
      throw new VaultDataError(`signing key ${id} is not loaded`);
    probe.publicKey = publicKey;
    probe.privateKey = session.privateKeys.get(id) ?? null;
  }
  return probe;
}
