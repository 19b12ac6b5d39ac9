// rewriteAll (lib/store/encryption/rewrite.ts), the re-encryption under the lock being turned on
// or off: it counts what it rewrote, a second run finds nothing left to do (resumable, loses
// nothing), and credentials, which exist only encrypted, are deleted rather than written back in
// plaintext when the lock goes off (and kept while it stays on).
import { describe, expect, it } from 'vitest';
import { rewriteAll } from '../../../../lib/store/encryption/rewrite';
import { deriveSubkeys } from '../../../../lib/vault/subkeys';
import { sampleCapture } from '../sample-capture';
import { createVaultStore, rawDump } from '../vault-store';

const SECRET = 'AKIA-very-secret-key';

async function plainStore() {
  const s = createVaultStore();
  await s.store.persons.create({ name: 'Aigerim Tleuzhan' });
  const { capture, artifacts } = sampleCapture('cap_1');
  await s.store.captures.seal(capture, artifacts);
  s.session.open(deriveSubkeys(new Uint8Array(32).fill(9)));
  return s;
}

describe('rewriteAll', () => {
  it('seals every row and blob once; a second run rewrites the rows and no blob again', async () => {
    const s = await plainStore();
    const rows = (await rawDump(s.name)).text;
    expect(rows).toContain('Aigerim Tleuzhan');
    const before = await s.store.persons.list();
    s.session.mode = 'sealed';
    s.session.migrating = true;
    const first = await rewriteAll(s.db, s.session);
    expect(first.blobs).toBe(2);
    expect(first.rows).toBeGreaterThanOrEqual(4); // a person, a capture, a listing, custody
    expect(await rewriteAll(s.db, s.session)).toEqual({ rows: first.rows, blobs: 0 });
    expect((await rawDump(s.name)).text).not.toContain('Aigerim Tleuzhan');
    s.session.migrating = false;
    expect(await s.store.persons.list()).toEqual(before);
  });

  it('keeps credentials while sealed and deletes them, not writes them plain, when the lock goes off', async () => {
    const s = await plainStore();
    s.session.mode = 'sealed';
    s.session.migrating = true;
    await rewriteAll(s.db, s.session);
    await s.db.table('secrets').put({ id: 'locker', secretAccessKey: SECRET });
    await rewriteAll(s.db, s.session);
    expect(await s.db.table('secrets').get('locker')).toEqual({
      id: 'locker',
      secretAccessKey: SECRET,
    });

    s.session.mode = 'plain';
    const off = await rewriteAll(s.db, s.session);
    expect(off.blobs).toBe(2);
    expect(await s.db.table('secrets').count()).toBe(0);
    const dump = await rawDump(s.name);
    expect(dump.text).not.toContain(SECRET);
    expect(dump.text).toContain('Aigerim Tleuzhan');
  });
});
