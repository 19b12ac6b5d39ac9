import { describe, expect, it } from 'vitest';
import { generateSigningKey } from '../../../lib/evidence/signing';
import type { PackageFacts } from '../../../lib/locker/metadata';
import { packageKey } from '../../../lib/locker/object-key';
import {
  indexKeyOf,
  packageKeyOfIndex,
  readTeamIndex,
  signTeamIndex,
} from '../../../lib/locker/team-index';

async function facts(signer: string): Promise<PackageFacts> {
  return {
    packageId: 'a'.repeat(32),
    created: '2026-11-30T21:15:00.000Z',
    signer,
    sha256: 'b'.repeat(64),
    kind: 'capture',
    captures: 1,
    cases: [{ id: 'case_1', title: 'Дело № 12 — «экстремизм» / Іс' }],
  };
}

describe('the team index: a signed JSON object next to each package', () => {
  it('keys sit next to the package and map back to it; anything else is not an index', () => {
    const pkg = packageKey(
      '3f2a-9c01-0b1c-2d3e-4f50-6172-8394-a5b6',
      '2026-11-30T21:15:00Z',
      'a'.repeat(32),
    );
    const index = indexKeyOf(pkg);
    expect(index).toBe(pkg.replace(/\.zip$/, '.index.json'));
    expect(packageKeyOfIndex(index)).toBe(pkg);
    expect(packageKeyOfIndex(pkg)).toBeNull();
    expect(packageKeyOfIndex('dalel/x/2026-11-30/y.index.json')).toBeNull();
    expect(() => indexKeyOf('dalel/other.zip')).toThrow();
  });

  it('reads back what the monitor signed, case titles in any script included', async () => {
    const key = await generateSigningKey();
    const f = await facts(key.fingerprint);
    const text = await signTeamIndex(f, 12345, key);
    const at = indexKeyOf(packageKey(key.fingerprint, f.created, f.packageId));
    const check = await readTeamIndex(at, text);
    expect(check).toMatchObject({
      ok: true,
      index: {
        signer: key.fingerprint,
        sha256: f.sha256,
        size: 12345,
        captures: 1,
        cases: f.cases,
      },
    });
  });

  it("a changed byte, a stranger's key, or another package's place is refused, with the reason", async () => {
    const key = await generateSigningKey();
    const f = await facts(key.fingerprint);
    const text = await signTeamIndex(f, 10, key);
    const at = indexKeyOf(packageKey(key.fingerprint, f.created, f.packageId));

    // Edited after signing (more captures claimed).
    const edited = JSON.parse(text) as { signed: string; signature: string };
    edited.signed = edited.signed.replace('"captures":1', '"captures":9');
    expect(await readTeamIndex(at, JSON.stringify(edited))).toEqual({
      ok: false,
      problem: 'bad_signature',
    });

    // A valid index by another key, put under this monitor's prefix.
    const stranger = await generateSigningKey();
    const forged = await signTeamIndex({ ...f, signer: stranger.fingerprint }, 10, stranger);
    expect(await readTeamIndex(at, forged)).toEqual({
      ok: false,
      problem: 'other_monitor',
    });

    // This monitor's genuine index copied next to another package.
    const elsewhere = indexKeyOf(packageKey(key.fingerprint, f.created, 'c'.repeat(32)));
    expect(await readTeamIndex(elsewhere, text)).toEqual({
      ok: false,
      problem: 'other_package',
    });

    // Names a public key that is not the signer it claims.
    const swapped = JSON.parse(text) as { signed: string; signature: string };
    swapped.signed = swapped.signed.replace(
      /"publicKey":"[^"]+"/,
      `"publicKey":"${Buffer.from(stranger.publicKeyRaw).toString('base64')}"`,
    );
    expect(await readTeamIndex(at, JSON.stringify(swapped))).toEqual({
      ok: false,
      problem: 'key_mismatch',
    });

    expect(await readTeamIndex(at, 'not json')).toEqual({
      ok: false,
      problem: 'malformed',
    });
  });
});
