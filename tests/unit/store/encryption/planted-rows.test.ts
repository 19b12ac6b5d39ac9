// Unencrypted rows planted in an encrypted store (lib/store/encryption/middleware.ts): each is
// noted once under its own table/key for the integrity check (at most 1000 notes, so a flood of
// planted rows cannot grow the session without bound), a cursor stops at one with a clear error,
// and a key that simply is not there is not mistaken for one.
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { VaultDataError } from '../../../../lib/vault/errors';
import { createVaultStore } from '../vault-store';

const PASS = 'көк аспан 2026';

async function plant(name: string, rows: object[]) {
  const raw = new Dexie(name);
  await raw.open();
  await raw.table('persons').bulkPut(rows);
  raw.close();
}

describe('planted unencrypted rows', () => {
  it('are noted under their table and key, each once', async () => {
    const s = createVaultStore();
    await s.vault.enable(PASS);
    await s.store.persons.create({ name: 'Aigerim' });
    await plant(s.name, [
      { id: 'per_x', name: 'X', aliases: [] },
      { id: 'per_y', name: 'Y', aliases: [] },
    ]);
    expect((await s.store.persons.list()).map((p) => p.name)).toEqual(['Aigerim']);
    await s.store.persons.list();
    expect([...s.session.refused.entries()]).toEqual([
      ['persons/per_x', { table: 'persons', key: 'per_x' }],
      ['persons/per_y', { table: 'persons', key: 'per_y' }],
    ]);
  });

  it('are noted at most a thousand times', async () => {
    const s = createVaultStore();
    await s.vault.enable(PASS);
    const rows = Array.from({ length: 1005 }, (_, i) => ({
      id: `per_${String(i).padStart(4, '0')}`,
      name: 'P',
      aliases: [],
    }));
    await plant(s.name, rows);
    expect(await s.store.persons.list()).toEqual([]);
    expect(s.session.refused.size).toBe(1000);
  });

  it('stop a cursor with a clear error', async () => {
    const s = createVaultStore();
    await s.vault.enable(PASS);
    await plant(s.name, [{ id: 'per_x', name: 'X', aliases: [] }]);
    const walk = s.db.persons.each(() => undefined);
    await expect(walk).rejects.toBeInstanceOf(VaultDataError);
    await expect(s.db.persons.each(() => undefined)).rejects.toThrow(
      'persons: an unencrypted row in an encrypted store was refused',
    );
    expect([...s.session.refused.keys()]).toEqual(['persons/per_x']);
  });

  it('a missing key is just missing, not a planted row', async () => {
    const s = createVaultStore();
    await s.vault.enable(PASS);
    expect(await s.store.persons.get('per_nobody')).toBeUndefined();
    expect(await s.db.persons.bulkGet(['per_nobody'])).toEqual([undefined]);
    expect(s.session.refused.size).toBe(0);
  });
});
