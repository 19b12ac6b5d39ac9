import { describe, expect, it } from 'vitest';
import { loadOrCreateSigningKey, rotateSigningKey } from '../../../lib/evidence/key-store';
import { verifyEd25519 } from '../../../lib/evidence/signing';

const dbName = (): string => `keys-${Math.random().toString(36).slice(2)}`;

describe('signing key store (IndexedDB)', () => {
  it('creates the key once, as a custody event, and reloads the same non-extractable key (K1)', async () => {
    const name = dbName();
    const first = await loadOrCreateSigningKey({
      dbName: name,
      now: () => new Date('2026-03-01T00:00:00Z'),
    });
    expect(first.event).toMatchObject({
      type: 'key_created',
      subject: { kind: 'key', id: first.key.fingerprint },
      at: '2026-03-01T00:00:00.000Z',
    });
    const again = await loadOrCreateSigningKey({ dbName: name });
    expect(again.event).toBeNull();
    expect(again.key.fingerprint).toBe(first.key.fingerprint);
    expect(again.key.privateKey.extractable).toBe(false);
    await expect(crypto.subtle.exportKey('pkcs8', again.key.privateKey)).rejects.toThrow();
    const msg = new TextEncoder().encode('after reload');
    expect(await verifyEd25519(first.key.publicKeyRaw, await again.key.sign(msg), msg)).toBe(true);
  });

  it('rotation replaces the key and records both fingerprints in a custody event', async () => {
    const name = dbName();
    const { key: old } = await loadOrCreateSigningKey({ dbName: name });
    const { key, event } = await rotateSigningKey({ dbName: name });
    expect(key.fingerprint).not.toBe(old.fingerprint);
    expect(event).toMatchObject({
      type: 'key_rotated',
      actor: old.fingerprint,
      data: { previous: old.fingerprint, next: key.fingerprint },
    });
    expect((await loadOrCreateSigningKey({ dbName: name })).key.fingerprint).toBe(key.fingerprint);
    await expect(rotateSigningKey({ dbName: dbName() })).rejects.toThrow('no key to rotate');
  });
});
