// Reads while the lock is half turned on (lib/store/encryption/middleware.ts): an interrupted
// re-encryption leaves some artifacts under their blind key and some under their plain one, and
// every lookup (one key or many) must still find each of them: nothing is lost in between. After
// a restart while the lock is being turned off, rows already back in plaintext are read without
// the key, and capture ids (plain keys on disk) are listed even from rows still sealed.
import { describe, expect, it } from 'vitest';
import { VaultLockedError } from '../../../../lib/vault/errors';
import { sampleCapture } from '../sample-capture';
import { createVaultStore } from '../vault-store';

const PASS = 'сары күн 2026';

describe('mid-migration lookups', () => {
  it('find artifacts under either form of their key, alone or together', async () => {
    const s = createVaultStore();
    const one = sampleCapture('cap_1');
    const two = sampleCapture('cap_2', { url: 'https://x.com/a/status/2', accountKey: 'x:a' });
    await s.store.captures.seal(one.capture, one.artifacts);
    await s.store.captures.seal(two.capture, two.artifacts);
    const shas = [...one.artifacts, ...two.artifacts].map((a) => a.sha256);
    const add = s.db.artifacts.add.bind(s.db.artifacts);
    let calls = 0;
    s.db.artifacts.add = ((...args: Parameters<typeof add>) => {
      if (++calls === 3) throw new Error('worker killed');
      return add(...args);
    }) as typeof add;
    await expect(s.vault.enable(PASS)).rejects.toThrow('worker killed');
    expect(s.session.migrating).toBe(true);

    const many = await s.db.artifacts.bulkGet([...shas, `sha256:${'0'.repeat(64)}`]);
    expect(many.map((r) => r?.sha256)).toEqual([...shas, undefined]);
    for (const sha of shas) expect((await s.db.artifacts.get(sha))?.sha256).toBe(sha);
    expect((await s.store.artifacts.keys()).sort()).toEqual([...shas].sort());
  });
});

describe('after a restart while the lock is being turned off, before the unlock', () => {
  /** Seals two captures under the lock, then turns it off, stopped by `interrupt`, and restarts. */
  async function interruptedDecryption(
    interrupt: (s: ReturnType<typeof createVaultStore>) => void,
  ) {
    const s = createVaultStore();
    await s.vault.enable(PASS);
    const one = sampleCapture('cap_1');
    const two = sampleCapture('cap_2', { url: 'https://x.com/a/status/2', accountKey: 'x:a' });
    await s.store.captures.seal(one.capture, one.artifacts);
    await s.store.captures.seal(two.capture, two.artifacts);
    interrupt(s);
    await expect(s.vault.disable(PASS)).rejects.toThrow('worker killed');
    const restarted = createVaultStore(s.name);
    await restarted.vault.prepare();
    expect([restarted.session.mode, restarted.session.migrating]).toEqual(['plain', true]);
    expect(restarted.session.unlocked).toBe(false);
    return { restarted, shas: [...one.artifacts, ...two.artifacts].map((a) => a.sha256) };
  }

  it('artifacts already written back in plaintext are found without the key, alone or together', async () => {
    const plain: string[] = [];
    const { restarted, shas } = await interruptedDecryption((s) => {
      const add = s.db.artifacts.add.bind(s.db.artifacts);
      s.db.artifacts.add = ((...args: Parameters<typeof add>) => {
        if (plain.length === 2) throw new Error('worker killed');
        plain.push(args[0].sha256!);
        return add(...args);
      }) as typeof add;
    });
    const many = await restarted.db.artifacts.bulkGet(plain);
    expect(many.map((r) => r?.sha256)).toEqual(plain);
    expect((await restarted.db.artifacts.get(plain[0]!))?.sha256).toBe(plain[0]);
    // One still sealed needs the key.
    const sealed = shas.find((sha) => !plain.includes(sha))!;
    await expect(restarted.db.artifacts.get(sealed)).rejects.toThrow(VaultLockedError);
  });

  it('capture ids are read from the keys alone, even of rows still sealed', async () => {
    const { restarted } = await interruptedDecryption((s) => {
      const table = s.db.table.bind(s.db);
      s.db.table = ((name: string) => {
        if (name === 'captures') throw new Error('worker killed');
        return table(name);
      }) as typeof table;
    });
    expect((await restarted.store.captures.ids()).sort()).toEqual(['cap_1', 'cap_2']);
    await expect(restarted.store.captures.get('cap_1')).rejects.toThrow(VaultLockedError);
  });
});
