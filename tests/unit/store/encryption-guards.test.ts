// The encryption middleware's refusals (lib/store/encryption), each of which mutation testing
// showed no test would miss: a range query on a blinded index is refused rather than answered
// wrong, and a sealed row is bound to the key it is stored under.
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { VaultDataError } from '../../../lib/vault/errors';
import { sampleCapture } from './sample-capture';
import { createVaultStore } from './vault-store';

const PASS = 'тас түйін 2026';

async function withCapture(lock: boolean) {
  const s = createVaultStore();
  if (lock) await s.vault.enable(PASS);
  const { capture, artifacts } = sampleCapture('cap_1');
  await s.store.captures.seal(capture, artifacts);
  return { ...s, capture, artifacts };
}

describe('range queries on encrypted indices', () => {
  it('are answered while nothing is encrypted', async () => {
    const s = await withCapture(false);
    expect(await s.db.captures.where('sealedAt').above('2000').primaryKeys()).toEqual(['cap_1']);
    expect(await s.db.captures.where('sealedAt').above('2000').count()).toBe(1);
    expect(await s.db.artifacts.where('sha256').startsWith('sha256:').count()).toBe(
      s.artifacts.length,
    );
  });

  it('are refused under the lock, on an index and on a blinded primary key', async () => {
    const s = await withCapture(true);
    await expect(s.db.captures.where('sealedAt').above('2000').toArray()).rejects.toThrow(
      /range query on the encrypted index captures\.sealedAt/,
    );
    await expect(s.db.captures.where('sealedAt').above('2000').count()).rejects.toThrow(
      /range query on the encrypted index captures\.sealedAt/,
    );
    await expect(s.db.listings.where('sealedAt').below('3000').primaryKeys()).rejects.toThrow(
      /range query on the encrypted index listings\.sealedAt/,
    );
    await expect(s.db.artifacts.where('sha256').startsWith('sha256:').keys()).rejects.toThrow(
      /range query on the encrypted index artifacts\.sha256/,
    );
  });

  it('under the lock, equality still finds rows and a range on a plain primary key still works', async () => {
    const s = await withCapture(true);
    expect(await s.db.captures.where('url').equals(s.capture.url).primaryKeys()).toEqual(['cap_1']);
    expect(await s.db.captures.where('id').between('cap_0', 'cap_2').primaryKeys()).toEqual([
      'cap_1',
    ]);
    // Listing every row (an "any" range) is not a range query on a value.
    expect(await s.db.captures.toCollection().primaryKeys()).toEqual(['cap_1']);
    expect(await s.db.artifacts.count()).toBe(s.artifacts.length);
  });
});

describe('a sealed row is bound to its key', () => {
  it('a row copied under another key does not open there', async () => {
    const s = createVaultStore();
    await s.vault.enable(PASS);
    const a = await s.store.persons.create({ name: 'Aigerim Tleuzhan' });
    const b = await s.store.persons.create({ name: 'Daniyar Omarov' });
    expect((await s.store.persons.get(b.id))?.name).toBe('Daniyar Omarov');

    // Below the middleware (a plain Dexie over the same database, as someone holding the
    // profile would write): B's row gets A's sealed content.
    const raw = new Dexie(s.name);
    await raw.open();
    const rowA = (await raw.table('persons').get(a.id)) as Record<string, unknown>;
    const rowB = (await raw.table('persons').get(b.id)) as Record<string, unknown>;
    expect(rowA.$e).toBeInstanceOf(Uint8Array);
    await raw.table('persons').put({ ...rowB, $e: rowA.$e });
    raw.close();

    await expect(s.store.persons.get(b.id)).rejects.toBeInstanceOf(VaultDataError);
    // A itself still opens: the refusal is about the key, not a broken key set.
    expect((await s.store.persons.get(a.id))?.name).toBe('Aigerim Tleuzhan');
  });

  it('an artifact row moved under another (blinded) key does not open there', async () => {
    const s = await withCapture(true);
    const [first, second] = s.artifacts;
    const raw = new Dexie(s.name);
    await raw.open();
    const rows = (await raw.table('artifacts').toArray()) as Record<string, unknown>[];
    expect(rows.length).toBeGreaterThanOrEqual(2);
    const [r1, r2] = rows as [Record<string, unknown>, Record<string, unknown>];
    await raw.table('artifacts').put({ ...r2, $e: r1.$e });
    raw.close();
    const results = await Promise.allSettled([
      s.store.artifacts.get(first!.sha256),
      s.store.artifacts.get(second!.sha256),
    ]);
    // Exactly the row whose content was replaced fails to open; the other is untouched.
    expect(results.filter((r) => r.status === 'rejected')).toHaveLength(1);
    const failed = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(failed.reason).toBeInstanceOf(VaultDataError);
  });
});
