// The encryption middleware (lib/store/encryption/middleware.ts) over a recording fake DBCore:
// the requests it refuses before anything reaches IndexedDB (outbound keys, compound indices),
// the blinded keys it passes down, an empty ("never") range passed through untouched, and which
// keys-only queries it turns into reads of the rows.
import type { DBCore, DBCoreMutateRequest, DBCoreQueryRequest, DBCoreTable } from 'dexie';
import { describe, expect, it } from 'vitest';
import { CipherSession, SEALED_BLOB_TYPE } from '../../../../lib/store/encryption/cipher-session';
import { encryptionMiddleware } from '../../../../lib/store/encryption/middleware';
import { blindValue } from '../../../../lib/store/encryption/row-codec';
import { deriveSubkeys } from '../../../../lib/vault/subkeys';

function sealedSession(): CipherSession {
  const s = new CipherSession();
  s.open(deriveSubkeys(new Uint8Array(32).fill(3)));
  s.mode = 'sealed';
  return s;
}

/** The middleware over a fake core whose tables record every request they get. */
function over(session: CipherSession, outbound: boolean) {
  const calls: unknown[] = [];
  const down = {
    stack: 'dbcore',
    table: (name: string) =>
      ({
        name,
        schema: { name, primaryKey: { outbound, keyPath: 'id' }, indexes: [] },
        mutate: async (req: DBCoreMutateRequest) => {
          calls.push(req);
          return { numFailures: 0, failures: {}, results: [], lastResult: undefined };
        },
        query: async (req: DBCoreQueryRequest) => {
          calls.push(req);
          return { result: [] };
        },
      }) as unknown as DBCoreTable,
  } as unknown as DBCore;
  const core = encryptionMiddleware(session).create(down) as DBCore;
  return { table: (name: string) => core.table(name), calls };
}

const put = (values: object[], keys?: unknown[]) =>
  ({ type: 'put', trans: {}, values, ...(keys ? { keys } : {}) }) as unknown as DBCoreMutateRequest;

describe('the encryption middleware refuses what it cannot encrypt', () => {
  it('an outbound key on a table whose key stays plain', async () => {
    const { table, calls } = over(sealedSession(), true);
    await expect(table('persons').mutate(put([{ name: 'A' }], ['per_1']))).rejects.toThrow(
      'persons: outbound keys are not supported encrypted',
    );
    expect(calls).toEqual([]);
  });

  it('but not an inbound put with keys, nor an outbound one without keys, nor a blind-keyed table', async () => {
    const inbound = over(sealedSession(), false);
    await inbound.table('persons').mutate(put([{ id: 'per_1', name: 'A' }], ['per_1']));
    expect(inbound.calls).toHaveLength(1);
    const outbound = over(sealedSession(), true);
    await outbound.table('persons').mutate(put([{ id: 'per_2', name: 'B' }]));
    expect(outbound.calls).toHaveLength(1);
    const session = sealedSession();
    const blind = over(session, true);
    const blob = new Blob(['x'], { type: SEALED_BLOB_TYPE });
    await blind.table('artifacts').mutate(put([{ sha256: 'sha256:a', blob }], ['sha256:a']));
    // The key goes down blinded, as the stored row's key is.
    const sent = blind.calls[0] as DBCoreMutateRequest & { keys: unknown[] };
    expect(sent.keys).toEqual([blindValue(session, 'artifacts', 'sha256', 'sha256:a')]);
    expect(sent.keys[0]).not.toBe('sha256:a');
  });

  it('a query on a compound index', async () => {
    const { table, calls } = over(sealedSession(), false);
    const req = {
      trans: {},
      values: true,
      query: {
        index: { keyPath: ['name', 'updatedAt'], isPrimaryKey: false },
        range: { type: 1, lower: ['a', 'b'], upper: ['a', 'b'] },
      },
    } as unknown as DBCoreQueryRequest;
    await expect(table('persons').query(req)).rejects.toThrow(
      'compound index on persons cannot be encrypted',
    );
    expect(calls).toEqual([]);
  });

  it('passes an empty ("never") range on an encrypted index down untouched', async () => {
    const { table, calls } = over(sealedSession(), false);
    const range = { type: 4, lower: undefined, upper: undefined };
    const req = {
      trans: {},
      values: true,
      query: { index: { keyPath: 'name', isPrimaryKey: false }, range },
    } as unknown as DBCoreQueryRequest;
    expect(await table('persons').query(req)).toEqual({ result: [] });
    expect((calls[0] as DBCoreQueryRequest).query.range).toEqual(range);
  });
});

describe('a keys-only query', () => {
  const keysOnly = {
    trans: {},
    values: false,
    query: { index: { keyPath: 'id', isPrimaryKey: true }, range: { type: 3 } },
  } as unknown as DBCoreQueryRequest;

  /** Whether the middleware asks IndexedDB for the rows of `table` in this state of the lock. */
  async function readsRows(table: string, mode: 'plain' | 'sealed', migrating: boolean) {
    const session = sealedSession();
    session.mode = mode;
    session.migrating = migrating;
    const { table: t, calls } = over(session, false);
    await t(table).query(keysOnly);
    return (calls[0] as DBCoreQueryRequest).values;
  }

  it('reads the rows only to invert blind keys or to refuse planted ones', async () => {
    const states = [
      ['plain', false],
      ['plain', true],
      ['sealed', true],
      ['sealed', false],
    ] as const;
    const reads = async (table: string) =>
      Promise.all(states.map(([mode, migrating]) => readsRows(table, mode, migrating)));
    // Persons' ids are plain on disk in every state; only a settled lock reads the rows, to leave
    // out planted plaintext ones.
    expect(await reads('persons')).toEqual([false, false, false, true]);
    // Artifact hashes are blinded under the lock (both forms while it moves): with it off and
    // settled, listing them reads no row (nor its blob).
    expect(await reads('artifacts')).toEqual([false, true, true, true]);
  });
});
