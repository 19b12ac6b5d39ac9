// Reads while the lock is half turned on (lib/store/encryption/middleware.ts): an interrupted
// re-encryption leaves some artifacts under their blind key and some under their plain one, and
// every lookup (one key or many) must still find each of them: nothing is lost in between.
import { describe, expect, it } from 'vitest';
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
