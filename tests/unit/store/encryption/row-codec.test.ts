// The row codec (lib/store/encryption/row-codec.ts) on its own: what counts as a sealed row, which
// index values are blinded (never a missing or null one), the refusal to store a blob that is not
// sealed, and the clear errors on a malformed row or a signing key that is not loaded.
import { describe, expect, it } from 'vitest';
import { CipherSession, SEALED_BLOB_TYPE } from '../../../../lib/store/encryption/cipher-session';
import { isSealedRow, openRow, sealRow } from '../../../../lib/store/encryption/row-codec';
import type { TableSpec } from '../../../../lib/store/encryption/table-specs';
import { VaultDataError } from '../../../../lib/vault/errors';
import { deriveSubkeys } from '../../../../lib/vault/subkeys';

function session(): CipherSession {
  const s = new CipherSession();
  s.open(deriveSubkeys(new Uint8Array(32).fill(7)));
  s.mode = 'sealed';
  return s;
}

const spec = (over: Partial<TableSpec> = {}): TableSpec => ({
  primaryKey: 'id',
  blindPrimaryKey: false,
  indexed: [],
  detached: [],
  ...over,
});

describe('isSealedRow', () => {
  it('is true only for an object carrying $e, and never throws on other values', () => {
    expect(isSealedRow({ $e: new Uint8Array(1) })).toBe(true);
    expect(isSealedRow({ id: 'x' })).toBe(false);
    expect(isSealedRow(null)).toBe(false);
    expect(isSealedRow(undefined)).toBe(false);
    expect(isSealedRow('$e')).toBe(false);
    expect(isSealedRow(42)).toBe(false);
  });
});

describe('sealRow', () => {
  it('blinds present index values and leaves missing or null ones out', () => {
    const s = session();
    const stored = sealRow(
      s,
      'custody',
      spec({
        primaryKey: 'seq',
        indexed: [
          { path: 'type', multi: false },
          { path: 'subject.id', multi: false },
          { path: 'at', multi: false },
          { path: 'note', multi: false },
        ],
      }),
      { seq: 1, type: null, at: '2026-05-01', other: 'x' },
    );
    expect(Object.keys(stored).sort()).toEqual(['$e', 'at', 'seq']);
    expect(stored.at).not.toBe('2026-05-01');
    expect(stored.seq).toBe(1);
    // The whole row, null fields included, comes back.
    expect(openRow(s, 'custody', spec({ primaryKey: 'seq' }), stored)).toEqual({
      seq: 1,
      type: null,
      at: '2026-05-01',
      other: 'x',
    });
  });

  it('blinds a dotted index path when present', () => {
    const s = session();
    const sp = spec({ primaryKey: 'seq', indexed: [{ path: 'subject.id', multi: false }] });
    const stored = sealRow(s, 'custody', sp, { seq: 2, subject: { id: 'per_1' } });
    expect(typeof (stored.subject as { id: unknown }).id).toBe('string');
    expect((stored.subject as { id: unknown }).id).not.toBe('per_1');
  });

  it('refuses a blob that is not sealed, whatever it pretends to be', () => {
    const s = session();
    const sp = spec({ primaryKey: 'sha256', blindPrimaryKey: true, detached: ['blob'] });
    const plain = new Blob(['bytes'], { type: 'image/png' });
    expect(() => sealRow(s, 'artifacts', sp, { sha256: 'sha256:a', blob: plain })).toThrow(
      'artifacts sha256:a: refusing to store an unencrypted blob',
    );
    // Not a Blob at all, though typed as a sealed one.
    const fake = { type: SEALED_BLOB_TYPE, size: 5 };
    expect(() => sealRow(s, 'artifacts', sp, { sha256: 'sha256:b', blob: fake })).toThrow(
      /refusing to store an unencrypted blob/,
    );
    const sealed = new Blob(['x'], { type: SEALED_BLOB_TYPE });
    const stored = sealRow(s, 'artifacts', sp, { sha256: 'sha256:c', blob: sealed });
    expect(stored.blob).toBe(sealed);
    expect(stored.sha256).not.toBe('sha256:c');
  });
});

describe('openRow', () => {
  it('refuses a row whose $e is not ciphertext bytes, with a clear error', () => {
    const s = session();
    const open = () => openRow(s, 'persons', spec(), { id: 'per_1', $e: 'not bytes' });
    expect(open).toThrow(VaultDataError);
    expect(open).toThrow('persons: malformed sealed row');
  });

  it('a signing key row opens only when its public key is loaded, or while keys are loading', () => {
    const s = session();
    const sp = spec({ detached: ['privateKey', 'publicKey'] });
    const stored = sealRow(s, 'keys', sp, { id: 'key_1', fingerprint: 'f' });
    const open = () => openRow(s, 'keys', sp, stored);
    expect(open).toThrow(VaultDataError);
    expect(open).toThrow('signing key key_1 is not loaded');
    s.loadingKeys = true;
    expect(open()).toEqual({
      id: 'key_1',
      fingerprint: 'f',
      publicKey: undefined,
      privateKey: null,
    });
  });
});
