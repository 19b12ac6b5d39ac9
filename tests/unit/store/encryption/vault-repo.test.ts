// VaultRepo (lib/store/repositories/vault-repo.ts) beyond the round trips of vault.test.ts: the
// write mode and migration flag it restores after a restart, its refusals (lock already on, lock
// off, no encryption layer, a signing key without a private half), that the data key it hands
// back is the real one, that unlocking leaves the archive's bytes alone, and when it flushes.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createKeyRow } from '../../../../lib/background/signing-key';
import { VaultRepo } from '../../../../lib/store/repositories/vault-repo';
import { createTestStore } from '../test-store';
import { createVaultStore, rawDump, TEST_KDF_COST } from '../vault-store';

const PASS = 'ақ бұлт 2026';

afterEach(() => vi.unstubAllGlobals());

describe('VaultRepo', () => {
  it('restores the write mode and the migration flag from the record after a restart', async () => {
    const s = createVaultStore();
    await s.vault.prepare();
    expect([s.session.mode, s.session.migrating]).toEqual(['plain', false]);
    await s.vault.enable(PASS);
    const ready = createVaultStore(s.name);
    await ready.vault.prepare();
    expect([ready.session.mode, ready.session.migrating]).toEqual(['sealed', false]);
    await s.db.vault.update('vault', { state: 'decrypting' });
    const decrypting = createVaultStore(s.name);
    await decrypting.vault.prepare();
    expect([decrypting.session.mode, decrypting.session.migrating]).toEqual(['plain', true]);
    await s.db.vault.update('vault', { state: 'encrypting' });
    const encrypting = createVaultStore(s.name);
    await encrypting.vault.prepare();
    expect([encrypting.session.mode, encrypting.session.migrating]).toEqual(['sealed', true]);
  });

  it('refuses to turn the lock on twice, and to open a key when the lock is off', async () => {
    const s = createVaultStore();
    await expect(s.vault.openWithDataKey(new Uint8Array(32).fill(1))).rejects.toMatchObject({
      reason: { key: 'fail_lock_off' },
    });
    await s.vault.enable(PASS);
    await expect(s.vault.enable(PASS)).rejects.toMatchObject({
      reason: { key: 'fail_lock_already_on' },
    });
  });

  it('needs the encryption layer', async () => {
    const { store } = createTestStore();
    const vault = new VaultRepo(store.ctx, (x) => createKeyRow(store.ctx.now(), x), TEST_KDF_COST);
    await expect(vault.prepare()).rejects.toThrow(
      'the store was opened without the encryption layer',
    );
  });

  it('refuses a new signing key that has no private half', async () => {
    const s = createVaultStore();
    const vault = new VaultRepo(
      s.store.ctx,
      async (x) => ({ ...(await createKeyRow(s.store.ctx.now(), x)), privateKey: null }),
      TEST_KDF_COST,
    );
    await expect(vault.enable(PASS)).rejects.toThrow('a new signing key has no private key');
  });

  it('unlock hands back the data key itself, and leaves the stored rows and the wrap alone', async () => {
    const s = createVaultStore();
    await s.store.persons.create({ name: 'Aigerim' });
    const enabled = await s.vault.enable(PASS);
    s.vault.lock();
    const record = (await s.vault.record())!;
    const before = await rawDump(s.name);
    const key = await s.vault.unlock(PASS);
    expect(key.some((b) => b !== 0)).toBe(true);
    expect(key).toEqual(enabled);
    expect(key).toEqual(await s.vault.dataKeyFor(PASS));
    expect(s.session.loadingKeys).toBe(false);
    // Already Argon2id and ready: nothing is re-wrapped or re-encrypted.
    expect(await s.vault.record()).toEqual(record);
    const after = await rawDump(s.name);
    expect(after.bytes).toEqual(before.bytes);
    expect(await s.vault.assertOpen()).toBeUndefined();
    s.vault.lock();
    await expect(s.vault.assertOpen()).rejects.toMatchObject({ name: 'VaultLockedError' });
  });

  it('once the lock is off, the session is plain and settled: a missing artifact is just missing', async () => {
    const s = createVaultStore();
    await s.vault.enable(PASS);
    await s.vault.disable(PASS);
    expect([s.session.mode, s.session.migrating, s.session.unlocked]).toEqual([
      'plain',
      false,
      false,
    ]);
    expect(await s.db.artifacts.get(`sha256:${'0'.repeat(64)}`)).toBeUndefined();
  });

  it('the panic wipe works on a store without the encryption layer', async () => {
    const { store, db } = createTestStore();
    await store.persons.create({ name: 'A' });
    const vault = new VaultRepo(store.ctx, (x) => createKeyRow(store.ctx.now(), x), TEST_KDF_COST);
    await vault.shred();
    expect(await db.keys.count()).toBe(0);
    expect(await db.vault.count()).toBe(0);
  });

  it('flushes only in Chromium', async () => {
    const s = createVaultStore();
    vi.stubGlobal('navigator', { userAgent: 'Node.js/22' });
    const spy = vi.fn();
    const db = { table: spy } as never;
    await s.vault.flush(db);
    expect(spy).not.toHaveBeenCalled();
    vi.stubGlobal('navigator', { userAgent: 'Mozilla/5.0 Chrome/131.0' });
    await expect(s.vault.flush(db)).rejects.toThrow();
    expect(spy).toHaveBeenCalledWith('vault');
  });
});
