// How the encryption middleware (lib/store/encryption/middleware.ts) answers each kind of Dexie
// request under the lock: equality through blind indices (get, query, count, cursor), the keys
// callers know rather than blind ones, empty ranges, and deletes.
import { describe, expect, it } from 'vitest';
import { sampleCapture } from './sample-capture';
import { createVaultStore } from './vault-store';

const PASS = 'жасыл жапырақ 2026';

async function locked() {
  const s = createVaultStore();
  await s.vault.enable(PASS);
  const one = sampleCapture('cap_1');
  const two = sampleCapture('cap_2', {
    url: 'https://x.com/domarov/status/1',
    accountKey: 'x:domarov',
  });
  await s.store.captures.seal(one.capture, one.artifacts);
  await s.store.captures.seal(two.capture, two.artifacts);
  return { ...s, one, two };
}

describe('the encryption middleware under the lock', () => {
  it('answers equality on a blinded index for query, count and cursor alike', async () => {
    const s = await locked();
    const url = s.two.capture.url;
    expect(await s.db.captures.where('url').equals(url).primaryKeys()).toEqual(['cap_2']);
    expect(await s.db.captures.where('url').equals(url).count()).toBe(1);
    const seen: string[] = [];
    await s.db.captures
      .where('url')
      .equals(url)
      .each((c) => void seen.push(c.id));
    expect(seen).toEqual(['cap_2']);
    expect(await s.db.captures.where('url').equals('https://nowhere.example/').count()).toBe(0);
  });

  it('answers equality on a plain primary key unchanged', async () => {
    const s = await locked();
    expect((await s.db.captures.where('id').equals('cap_1').toArray()).map((c) => c.url)).toEqual([
      s.one.capture.url,
    ]);
  });

  it('an empty anyOf answers nothing (Dexie asks for the empty string, which is blinded)', async () => {
    const s = await locked();
    expect(await s.db.captures.where('url').anyOf([]).toArray()).toEqual([]);
    expect(await s.db.captures.where('url').anyOf([]).count()).toBe(0);
  });

  it('gives back the keys callers know, never the blind ones', async () => {
    const s = await locked();
    const shas = [...s.one.artifacts, ...s.two.artifacts].map((a) => a.sha256).sort();
    expect((await s.db.artifacts.toCollection().primaryKeys()).sort()).toEqual(shas);
    expect((await s.store.artifacts.keys()).sort()).toEqual(shas);
    const row = (await s.db.artifacts.get(shas[0]!))!;
    expect(row.sha256).toBe(shas[0]);
    // A put answers with the real key, also for the blind-keyed artifacts table.
    expect(await s.db.artifacts.put(row)).toBe(shas[0]);
    expect(await s.db.artifacts.bulkPut([row], { allKeys: true })).toEqual([shas[0]]);
    const person = await s.store.persons.create({ name: 'Daniyar Omarov' });
    const stored = (await s.db.persons.get(person.id))!;
    expect(await s.db.persons.put(stored)).toBe(person.id);
  });

  it('deletes by the real key, on plain and blind-keyed tables', async () => {
    const s = await locked();
    const sha = s.one.artifacts[0]!.sha256;
    await s.db.artifacts.delete(sha);
    expect(await s.db.artifacts.get(sha)).toBeUndefined();
    expect(await s.db.artifacts.count()).toBe(3);
    await s.db.listings.clear();
    expect(await s.db.listings.count()).toBe(0);
    await s.db.links.bulkDelete(['nope']);
    expect(await s.db.captures.count()).toBe(2);
  });

  it('getMany finds each row by its real key and leaves unknown keys undefined', async () => {
    const s = await locked();
    const [a, b] = s.one.artifacts;
    const rows = await s.db.artifacts.bulkGet([a!.sha256, `sha256:${'0'.repeat(64)}`, b!.sha256]);
    expect(rows.map((r) => r?.sha256)).toEqual([a!.sha256, undefined, b!.sha256]);
  });
});
