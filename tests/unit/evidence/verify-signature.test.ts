import { beforeAll, describe, expect, it } from 'vitest';
import { canonicalBytes } from '../../../lib/evidence/canonical-json';
import { Handovers } from '../../../lib/evidence/key-rotation';
import type { Manifest } from '../../../lib/evidence/manifest';
import { sha256RefOf } from '../../../lib/evidence/sha256';
import { generateSigningKey, publicKeyPem, type SigningKey } from '../../../lib/evidence/signing';
import {
  buildStatement,
  STATEMENT_TYPE,
  statementBytes,
  type Statement,
} from '../../../lib/evidence/statement';
import { checkSignature, confirmSigner, type Signer } from '../../../lib/evidence/verify-signature';
import { CheckList } from '../../../lib/evidence/verify-report';

// The signature chain alone (statement.sig over statement.json by signer.pem, the statement's
// fields against the manifest) and whom it is from (the pinned fingerprint, handovers): each
// outcome with the file it is reported on.

const encode = (s: string) => new TextEncoder().encode(s);
const hash = (c: string) => `sha256:${c.repeat(64)}` as const;

let key: SigningKey;
let other: SigningKey;
let manifestBytes: Uint8Array;
let manifest: Manifest;
let statement: Statement;

beforeAll(async () => {
  key = await generateSigningKey();
  other = await generateSigningKey();
  manifestBytes = encode('{"the":"manifest bytes"}');
  // Only the fields the statement repeats are read.
  manifest = {
    packageId: 'pkg_01',
    created: '2026-12-05T10:00:00.000Z',
    signer: { fingerprint: key.fingerprint },
    custody: { checkpoint: { size: 7, head: hash('a'), root: hash('b') } },
  } as unknown as Manifest;
  statement = {
    type: STATEMENT_TYPE,
    manifest: await sha256RefOf(manifestBytes),
    packageId: 'pkg_01',
    created: '2026-12-05T10:00:00.000Z',
    keyId: key.fingerprint,
    custodyCheckpoint: { size: 7, head: hash('a'), root: hash('b') },
  };
});

async function signed(
  body: Uint8Array,
  by: SigningKey = key,
  overrides: Partial<Parameters<typeof checkSignature>[0]> = {},
) {
  const checks = new CheckList();
  const signer = await checkSignature(
    {
      manifest,
      manifestBytes,
      statementBytes: body,
      signature: await by.sign(body),
      pem: encode(publicKeyPem(by.publicKeyRaw)),
      ...overrides,
    },
    checks,
  );
  const codes = (list: typeof checks.passed) => list.map((c) => `${c.file}: ${c.code}`);
  return { signer, checks, failed: codes(checks.failures), passed: codes(checks.passed) };
}

describe('checkSignature', () => {
  it('a sound statement: signature, key, manifest hash and fields each pass, in that order', async () => {
    const { signer, failed, passed, checks } = await signed(statementBytes(statement));
    expect(failed).toEqual([]);
    expect(passed).toEqual([
      'statement.sig: signature_ok',
      'statement.json: statement_key_ok',
      'manifest.json: manifest_hash_ok',
      'manifest.json: statement_fields_ok',
    ]);
    expect(checks.passed[0]!.params).toEqual({ fingerprint: key.fingerprint });
    expect(signer).toEqual({ fingerprint: key.fingerprint, raw: key.publicKeyRaw, valid: true });
  });

  it('nothing to check without the statement, its signature or the key', async () => {
    const body = statementBytes(statement);
    for (const missing of ['statementBytes', 'signature', 'pem'] as const) {
      const { signer, failed, passed } = await signed(body, key, { [missing]: null });
      expect(signer, missing).toBeNull();
      expect([...failed, ...passed], missing).toEqual([]);
    }
  });

  it('signer.pem must be exactly the canonical PEM: a trailing newline or a comment is refused', async () => {
    const body = statementBytes(statement);
    const pem = publicKeyPem(key.publicKeyRaw);
    for (const text of [`${pem}\n`, `# key\n${pem}`, pem.replace(/\n/g, '\r\n')]) {
      const { signer, failed } = await signed(body, key, { pem: encode(text) });
      expect(signer).toBeNull();
      expect(failed).toEqual(['signer.pem: pem_not_canonical']);
    }
    const { failed } = await signed(body, key, { pem: encode('not a key') });
    expect(failed).toEqual(['signer.pem: pem_not_base64']);
  });

  it('a signature by another key, or over other bytes: signature_bad and nothing further', async () => {
    const body = statementBytes(statement);
    const wrong = await signed(body, key, { signature: await other.sign(body) });
    expect(wrong.failed).toEqual(['statement.sig: signature_bad']);
    expect(wrong.passed).toEqual([]);
    expect(wrong.signer).toEqual({
      fingerprint: key.fingerprint,
      raw: key.publicKeyRaw,
      valid: false,
    });
  });

  it('a signed statement that is not canonical JSON, or not a statement, is named', async () => {
    const loose = await signed(encode(JSON.stringify(statement, null, 1)));
    expect(loose.failed).toEqual(['statement.json: json_not_canonical']);
    expect(loose.signer?.valid).toBe(true);
    const { type: _type, ...untyped } = statement;
    const shapeless = await signed(canonicalBytes(untyped));
    expect(shapeless.failed).toEqual(['statement.json: shape_missing']);
    expect(shapeless.passed).toEqual(['statement.sig: signature_ok']);
    expect(shapeless.signer?.valid).toBe(true);
  });

  it('a statement naming another key than the one that signed it', async () => {
    const named = { ...statement, keyId: other.fingerprint };
    const { failed, checks } = await signed(statementBytes(named));
    expect(failed).toEqual([
      'statement.json: statement_key_mismatch',
      'manifest.json: statement_fields_bad',
    ]);
    expect(checks.failures[0]!.params).toEqual({
      named: other.fingerprint,
      fingerprint: key.fingerprint,
    });
  });

  it('a manifest whose bytes are not the ones the statement hashes', async () => {
    const { failed, checks } = await signed(statementBytes(statement), key, {
      manifestBytes: encode('{"the":"other bytes"}'),
    });
    expect(failed).toEqual(['manifest.json: manifest_hash_bad']);
    expect(checks.failures[0]!.params).toEqual({
      hash: await sha256RefOf(encode('{"the":"other bytes"}')),
      signed: statement.manifest,
    });
  });

  it('each field the statement repeats must equal the manifest’s', async () => {
    const changes: Partial<Statement>[] = [
      { packageId: 'pkg_02' },
      { created: '2026-12-05T10:00:01.000Z' },
      { custodyCheckpoint: { ...statement.custodyCheckpoint, size: 8 } },
      { custodyCheckpoint: { ...statement.custodyCheckpoint, head: hash('c') } },
      { custodyCheckpoint: { ...statement.custodyCheckpoint, root: hash('c') } },
    ];
    for (const change of changes) {
      const { failed } = await signed(statementBytes({ ...statement, ...change }));
      expect(failed, JSON.stringify(change)).toEqual(['manifest.json: statement_fields_bad']);
    }
    // The manifest naming another signer than the statement's key.
    const { failed } = await signed(statementBytes(statement), key, {
      manifest: { ...manifest, signer: { fingerprint: other.fingerprint } } as Manifest,
    });
    expect(failed).toEqual(['manifest.json: statement_fields_bad']);
  });

  it('without the manifest or its bytes, those checks are left to the caller', async () => {
    const { failed, passed } = await signed(statementBytes(statement), key, {
      manifest: null,
      manifestBytes: null,
    });
    expect(failed).toEqual([]);
    expect(passed).toEqual(['statement.sig: signature_ok', 'statement.json: statement_key_ok']);
  });
});

describe('buildStatement', () => {
  it('repeats the manifest’s id, time, key and checkpoint and hashes its exact bytes', async () => {
    expect(await buildStatement(manifest, manifestBytes)).toEqual(statement);
    // The hash is of the bytes given, not of the manifest object re-serialised.
    const other = await buildStatement(manifest, encode('{"the": "manifest bytes"}'));
    expect(other.manifest).not.toBe(statement.manifest);
    expect(other.manifest).toBe(await sha256RefOf(encode('{"the": "manifest bytes"}')));
  });

  it('the statement it builds verifies against the manifest it came from', async () => {
    const { failed } = await signed(statementBytes(await buildStatement(manifest, manifestBytes)));
    expect(failed).toEqual([]);
  });
});

describe('confirmSigner', () => {
  const signer = (valid = true): Signer => ({
    fingerprint: 'aaaa-bbbb-cccc-dddd-eeee-ffff-0000-1111',
    raw: new Uint8Array(32),
    valid,
  });
  const confirm = (s: Signer | null, expected: string | undefined, handovers = new Handovers()) => {
    const checks = new CheckList();
    const pinned = confirmSigner(s, expected, handovers, checks);
    const all = [...checks.failures, ...checks.passed, ...checks.notes];
    return {
      pinned,
      all: all.map((c) => ({ ok: c.ok, file: c.file, code: c.code, params: c.params })),
    };
  };

  it('an invalid or missing signature is never pinned, whatever was expected', () => {
    expect(confirm(null, signer().fingerprint)).toEqual({ pinned: 'unpinned', all: [] });
    expect(confirm(signer(false), signer().fingerprint)).toEqual({ pinned: 'unpinned', all: [] });
  });

  it('nobody said whom to expect: a note, not a failure', () => {
    for (const expected of [undefined, '', '   '])
      expect(confirm(signer(), expected)).toEqual({
        pinned: 'unpinned',
        all: [
          {
            ok: true,
            file: 'signer.pem',
            code: 'signer_unconfirmed',
            params: { fingerprint: signer().fingerprint },
          },
        ],
      });
  });

  it('the expected fingerprint however typed; a malformed one fails', () => {
    expect(confirm(signer(), 'AAAA BBBB:CCCC-DDDD EEEE FFFF 0000 1111')).toEqual({
      pinned: 'match',
      all: [
        {
          ok: true,
          file: 'signer.pem',
          code: 'pin_match',
          params: { fingerprint: signer().fingerprint },
        },
      ],
    });
    expect(confirm(signer(), 'aaaa-bbbb')).toEqual({
      pinned: 'mismatch',
      all: [{ ok: false, file: null, code: 'pin_bad', params: {} }],
    });
  });

  it('another key: a mismatch, unless handovers lead from the expected key to it', () => {
    const pinned = '1111-2222-3333-4444-5555-6666-7777-8888';
    expect(confirm(signer(), pinned)).toEqual({
      pinned: 'mismatch',
      all: [
        {
          ok: false,
          file: 'signer.pem',
          code: 'pin_mismatch',
          params: { fingerprint: signer().fingerprint, pinned },
        },
      ],
    });
    const handovers = new Handovers();
    handovers.add(pinned, '9999-9999-9999-9999-9999-9999-9999-9999');
    handovers.add('9999-9999-9999-9999-9999-9999-9999-9999', signer().fingerprint);
    expect(confirm(signer(), pinned, handovers)).toEqual({
      pinned: 'rotated',
      all: [
        {
          ok: true,
          file: 'signer.pem',
          code: 'pin_via_rotation',
          params: { fingerprint: signer().fingerprint, pinned, steps: 2 },
        },
      ],
    });
  });
});
