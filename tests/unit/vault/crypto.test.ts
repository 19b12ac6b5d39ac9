import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openBytes, sealBytes } from '../../../lib/vault/aead';
import { BLOB_CHUNK, decryptBlob, encryptBlob } from '../../../lib/vault/blob-cipher';
import { blindIndex } from '../../../lib/vault/blind-index';
import { createDataKey, unwrapDataKey, wrapDataKey } from '../../../lib/vault/data-key';
import { VaultDataError, WrongPassphraseError } from '../../../lib/vault/errors';
import {
  ARGON2_COST,
  PBKDF2_ITERATIONS,
  newArgon2Params,
  newPbkdf2Params,
} from '../../../lib/vault/kdf';
import { unwrapSigningKey, wrapSigningKey } from '../../../lib/vault/signing-key-wrap';
import { deriveSubkeys } from '../../../lib/vault/subkeys';

const key = () => crypto.getRandomValues(new Uint8Array(32));
/** Argon2id at a test's cost (the derivation is the same code; `npm run bench -- kdf` times the real cost). */
const SMALL = { memoryKiB: 256, passes: 1, parallelism: 1 };

describe('passphrase and data key (K2, K3)', () => {
  it('derives with Argon2id (32 MiB, 2 passes, 1 lane) and a 16-byte random salt', () => {
    const a = newArgon2Params();
    expect(a).toMatchObject({
      name: 'Argon2id',
      version: 0x13,
      memoryKiB: 32768,
      passes: 2,
      parallelism: 1,
    });
    expect(ARGON2_COST.memoryKiB).toBeGreaterThanOrEqual(19 * 1024); // OWASP's floor
    expect(atob(a.salt)).toHaveLength(16);
    expect(newArgon2Params().salt).not.toBe(a.salt);
    expect(() => newArgon2Params({ memoryKiB: 4, passes: 1, parallelism: 1 })).toThrow(/RFC 9106/);
  });

  it('still opens keys wrapped with PBKDF2-SHA256 (at least 600,000 iterations)', async () => {
    const legacy = newPbkdf2Params();
    expect(legacy).toMatchObject({
      name: 'PBKDF2',
      hash: 'SHA-256',
      iterations: PBKDF2_ITERATIONS,
    });
    expect(() => newPbkdf2Params(100_000)).toThrow(/at least 600000/);
    const { dataKey, wrapped } = await createDataKey('correct horse battery', legacy);
    expect(wrapped.kdf.name).toBe('PBKDF2');
    expect(await unwrapDataKey(wrapped, 'correct horse battery')).toEqual(dataKey);
  });

  it('unwraps the data key with the right passphrase and refuses a wrong one (GCM tag)', async () => {
    const { dataKey, wrapped } = await createDataKey(
      'correct horse battery',
      newArgon2Params(SMALL),
    );
    expect(wrapped.kdf.name).toBe('Argon2id');
    expect(await unwrapDataKey(wrapped, 'correct horse battery')).toEqual(dataKey);
    await expect(unwrapDataKey(wrapped, 'correct horse batterz')).rejects.toBeInstanceOf(
      WrongPassphraseError,
    );
    await expect(unwrapDataKey(wrapped, 'correct horse batterz')).rejects.toThrow(
      /Wrong passphrase/,
    );
  });

  it('re-wrapping under a new passphrase keeps the data key and changes the salt', async () => {
    const { dataKey, wrapped } = await createDataKey('first passphrase', newArgon2Params(SMALL));
    const again = await wrapDataKey(dataKey, 'second passphrase', newArgon2Params(SMALL));
    expect(again.kdf.salt).not.toBe(wrapped.kdf.salt);
    expect(await unwrapDataKey(again, 'second passphrase')).toEqual(dataKey);
    await expect(unwrapDataKey(again, 'first passphrase')).rejects.toBeInstanceOf(
      WrongPassphraseError,
    );
  });
});

describe('row encryption (sync AES-256-GCM)', () => {
  it('round-trips any bytes and never reuses an IV (property, K3)', () => {
    const k = key();
    const ivs = new Set<string>();
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), fc.string(), (plain, aad) => {
        const sealed = sealBytes(k, plain, aad);
        const iv = Array.from(sealed.subarray(0, 12)).join(',');
        expect(ivs.has(iv)).toBe(false);
        ivs.add(iv);
        expect(openBytes(k, sealed, aad)).toEqual(plain);
      }),
      { numRuns: 500 },
    );
    // The same plaintext twice gives two different ciphertexts.
    const p = new Uint8Array([1, 2, 3]);
    expect(sealBytes(k, p, 'a')).not.toEqual(sealBytes(k, p, 'a'));
  });

  it('fails on a flipped bit, another key or other additional data', () => {
    const k = key();
    const sealed = sealBytes(k, new TextEncoder().encode('Aigerim Tleuzhan'), 'persons/"per_1"');
    const flipped = sealed.slice();
    flipped[20]! ^= 1;
    expect(() => openBytes(k, flipped, 'persons/"per_1"')).toThrow(VaultDataError);
    expect(() => openBytes(key(), sealed, 'persons/"per_1"')).toThrow(VaultDataError);
    expect(() => openBytes(k, sealed, 'persons/"per_2"')).toThrow(VaultDataError);
  });
});

describe('blob encryption (chunked WebCrypto AES-GCM)', () => {
  const bytes = (n: number) => {
    const b = new Uint8Array(n);
    for (let i = 0; i < n; i++) b[i] = (i * 31 + 7) & 0xff;
    return b;
  };

  it('round-trips empty, small and multi-chunk blobs', async () => {
    const k = key();
    for (const size of [0, 5, BLOB_CHUNK, BLOB_CHUNK * 2 + 17]) {
      const plain = bytes(size);
      const sealed = await encryptBlob(k, new Blob([plain]), 'sha256:ab');
      expect(sealed.size).toBe(12 + Math.max(1, Math.ceil(size / BLOB_CHUNK)) * 28 + size);
      const back = await decryptBlob(k, sealed, 'sha256:ab', 'image/png');
      // Buffer.equals: a deep toEqual over megabytes takes seconds.
      expect(Buffer.from(await back.arrayBuffer()).equals(plain)).toBe(true);
      expect(back.type).toBe('image/png');
    }
  });

  it('refuses chunks swapped, dropped, moved to another blob id, or a flipped byte', async () => {
    const k = key();
    const sealed = await encryptBlob(k, new Blob([bytes(BLOB_CHUNK * 2 + 5)]), 'sha256:aa');
    const all = new Uint8Array(await sealed.arrayBuffer());
    const c = 12 + BLOB_CHUNK + 28;
    const [head, c0, c1, c2] = [
      all.slice(0, 12),
      all.slice(12, c),
      all.slice(c, c + c - 12),
      all.slice(2 * c - 12),
    ];
    const swapped = new Blob([head, c1, c0, c2]);
    await expect(decryptBlob(k, swapped, 'sha256:aa')).rejects.toThrow(/chunk 0 of 3/);
    const dropped = new Blob([head, c0, c1]);
    await expect(decryptBlob(k, dropped, 'sha256:aa')).rejects.toThrow(VaultDataError);
    await expect(decryptBlob(k, sealed, 'sha256:bb')).rejects.toThrow(VaultDataError);
    const flipped = all.slice();
    flipped[all.length - 3]! ^= 0x40;
    await expect(decryptBlob(k, new Blob([flipped]), 'sha256:aa')).rejects.toThrow(/chunk 2/);
    await expect(decryptBlob(key(), sealed, 'sha256:aa')).rejects.toThrow(VaultDataError);
  });
});

describe('blind indices and subkeys', () => {
  it('are deterministic per key, table and field, and reveal nothing of the value', () => {
    const k = key();
    const a = blindIndex(k, 'captures', 'url', 'https://x.com/a');
    expect(a).toMatch(/^b:[0-9a-f]{32}$/);
    expect(blindIndex(k, 'captures', 'url', 'https://x.com/a')).toBe(a);
    expect(blindIndex(k, 'links', 'url', 'https://x.com/a')).not.toBe(a);
    expect(blindIndex(key(), 'captures', 'url', 'https://x.com/a')).not.toBe(a);
    expect(a).not.toContain('x.com');
  });

  it('derives four distinct subkeys from the data key', () => {
    const s = deriveSubkeys(key());
    const hex = Object.values(s).map((k) => Buffer.from(k).toString('hex'));
    expect(new Set(hex).size).toBe(4);
    expect(() => deriveSubkeys(new Uint8Array(16))).toThrow(/32 bytes/);
  });
});

describe('signing key under the lock (K1, K2)', () => {
  it('wraps an extractable key and unwraps it non-extractable; it still signs', async () => {
    const pair = (await crypto.subtle.generateKey({ name: 'Ed25519' }, true, [
      'sign',
      'verify',
    ])) as CryptoKeyPair;
    const sub = deriveSubkeys(key()).signing;
    const wrapped = await wrapSigningKey(pair.privateKey, 'key_1', sub);
    const unwrapped = await unwrapSigningKey(wrapped, 'key_1', sub);
    expect(unwrapped.extractable).toBe(false);
    await expect(crypto.subtle.exportKey('pkcs8', unwrapped)).rejects.toThrow();
    const msg = new TextEncoder().encode('statement');
    const sig = await crypto.subtle.sign('Ed25519', unwrapped, msg);
    expect(await crypto.subtle.verify('Ed25519', pair.publicKey, sig, msg)).toBe(true);
    await expect(unwrapSigningKey(wrapped, 'key_2', sub)).rejects.toThrow(VaultDataError);
  });
});
