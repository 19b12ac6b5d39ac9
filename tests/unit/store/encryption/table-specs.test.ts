// tableSpecs (lib/store/encryption/table-specs.ts), derived from the schema: what each table
// blinds and detaches, that the vault record and dropped tables get no spec, which table exists
// only sealed, and that a schema the layer could not encrypt (compound or unique keys and
// indices) is refused at once.
import { afterEach, describe, expect, it, vi } from 'vitest';

afterEach(() => {
  vi.doUnmock('../../../../lib/store/migrations/index');
  vi.resetModules();
});

/**
 * The module loaded afresh inside the test: its table lists are module-level constants, which
 * a test checks only if it evaluates them itself (Stryker's static mutants).
 */
async function freshModule() {
  vi.resetModules();
  return import('../../../../lib/store/encryption/table-specs');
}

/** tableSpecs over a made-up schema history. */
async function specsOf(...stores: Record<string, string | null>[]) {
  vi.resetModules();
  vi.doMock('../../../../lib/store/migrations/index', () => ({
    migrations: stores.map((s, i) => ({ version: i + 1, stores: s })),
  }));
  const mod = await import('../../../../lib/store/encryption/table-specs');
  return mod.tableSpecs();
}

describe('tableSpecs of the real schema', () => {
  it('blinds every index, the artifact hash too, and detaches blobs and CryptoKeys', async () => {
    const specs = (await freshModule()).tableSpecs();
    expect(specs.get('persons')).toEqual({
      primaryKey: 'id',
      blindPrimaryKey: false,
      indexed: [
        { path: 'name', multi: false },
        { path: 'aliases', multi: true },
        { path: 'accountKeys', multi: true },
        { path: 'updatedAt', multi: false },
      ],
      detached: [],
    });
    expect(specs.get('artifacts')).toMatchObject({ blindPrimaryKey: true, detached: ['blob'] });
    expect(specs.get('keys')?.detached).toEqual(['privateKey', 'publicKey']);
    expect(specs.get('custody')?.indexed.map((i) => i.path)).toContain('subject.id');
    expect(specs.has('vault')).toBe(false);
    expect(specs.get('captures')).toMatchObject({ blindPrimaryKey: false, detached: [] });
  });

  it('keeps only the credentials sealed-only, and only the vault record plain', async () => {
    const { PLAIN_TABLES, SEALED_ONLY_TABLES, tableSpecs } = await freshModule();
    expect([...PLAIN_TABLES]).toEqual(['vault']);
    expect([...SEALED_ONLY_TABLES]).toEqual(['secrets']);
    expect(tableSpecs().has('secrets')).toBe(true);
  });
});

describe('tableSpecs of a schema history', () => {
  it('leaves out a dropped table and tolerates stray commas and spaces', async () => {
    const specs = await specsOf(
      { old: 'id, a', notes: 'id' },
      { old: null, notes: ' id , *tags ,' },
    );
    expect(specs.has('old')).toBe(false);
    expect(specs.get('notes')?.indexed).toEqual([{ path: 'tags', multi: true }]);
  });

  it('refuses a compound, auto-incremented or missing primary key, naming the table', async () => {
    await expect(specsOf({ t: '[a+b], c' })).rejects.toThrow(
      'table t: unsupported primary key "[a+b]"',
    );
    await expect(specsOf({ t: '++id' })).rejects.toThrow(/table t: unsupported primary key/);
    await expect(specsOf({ t: '&id' })).rejects.toThrow(/table t: unsupported primary key/);
    await expect(specsOf({ t: ' , ' })).rejects.toThrow(
      'table t: unsupported primary key "undefined"',
    );
  });

  it('refuses a compound or unique index, naming it', async () => {
    await expect(specsOf({ t: 'id, [a+b]' })).rejects.toThrow(
      'table t: compound/unique index "[a+b]" cannot be blinded',
    );
    await expect(specsOf({ t: 'id, &email' })).rejects.toThrow(/compound\/unique index "&email"/);
  });
});
