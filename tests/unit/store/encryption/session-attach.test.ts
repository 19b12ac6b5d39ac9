// The cipher session and how it is attached (lib/store/encryption/{cipher-session,attach,blobs}.ts):
// closing zeroes the subkeys, the layer must be installed before the database opens and replaces
// an earlier one rather than stacking, and a sealed blob without a session is a clear error.
import { describe, expect, it } from 'vitest';
import { DalelDb } from '../../../../lib/store/db';
import { attachCipher } from '../../../../lib/store/encryption/attach';
import { blobFromStorage } from '../../../../lib/store/encryption/blobs';
import { CipherSession, SEALED_BLOB_TYPE } from '../../../../lib/store/encryption/cipher-session';
import { VaultLockedError } from '../../../../lib/vault/errors';
import { deriveSubkeys } from '../../../../lib/vault/subkeys';

let n = 0;
const dbName = () => `session-attach-${process.pid}-${++n}`;

describe('the cipher session', () => {
  it('close zeroes the subkeys it held and forgets them', () => {
    const s = new CipherSession();
    const keys = deriveSubkeys(new Uint8Array(32).fill(5));
    s.open(keys);
    expect(s.unlocked).toBe(true);
    s.close();
    for (const key of Object.values(keys) as Uint8Array[])
      expect(key.every((b) => b === 0)).toBe(true);
    expect(s.unlocked).toBe(false);
    expect(() => s.keys()).toThrow(VaultLockedError);
  });
});

describe('attachCipher', () => {
  it('refuses a database that is already open', async () => {
    const db = new DalelDb(dbName());
    await db.open();
    expect(() => attachCipher(db)).toThrow('attachCipher must run before the database opens');
    db.close();
  });

  it('attached again, the new session replaces the old layer instead of stacking on it', async () => {
    const db = new DalelDb(dbName());
    attachCipher(db, new CipherSession()); // plain, never unlocked
    const session = attachCipher(db, new CipherSession());
    session.open(deriveSubkeys(new Uint8Array(32).fill(6)));
    session.mode = 'sealed';
    await db.persons.put({ id: 'per_1', name: 'Aigerim', aliases: [] } as never);
    // Two layers would leave the sealed row to the locked session below, which cannot open it.
    expect(await db.persons.get('per_1')).toMatchObject({ id: 'per_1', name: 'Aigerim' });
    db.close();
  });
});

describe('blobFromStorage', () => {
  it('a sealed blob without a vault session is a clear error; a plain one passes', async () => {
    const sealed = new Blob(['x'], { type: SEALED_BLOB_TYPE });
    await expect(blobFromStorage(undefined, 'sha256:ab', sealed, 'image/png')).rejects.toThrow(
      'artifact sha256:ab is encrypted and no vault session is open',
    );
    const plain = new Blob(['y'], { type: 'image/png' });
    expect(await blobFromStorage(undefined, 'sha256:cd', plain, 'image/png')).toBe(plain);
  });
});
