// Issue 12, rule 6: signer continuity. A lawyer pinned the monitor's fingerprint; the monitor turns
// on the passphrase lock, which replaces the key. Packages signed by the new key are confirmed
// against the old pin only through a handover signed by the old key, and `--earlier` accepts the
// new signer only then. A key change without that signature is reported and confirms nothing.
import { describe, expect, it } from 'vitest';
import { createKeyRow, ensureSigningKey, signerOf } from '../../../lib/background/signing-key';
import { signRotation } from '../../../lib/evidence/key-rotation';
import { exportedEvent, writePackage } from '../../../lib/evidence/package-writer';
import { captureSeal } from '../../../lib/evidence/seal';
import { generateSigningKey, type SigningKey } from '../../../lib/evidence/signing';
import { verifyPackage, type VerifyOptions } from '../../../lib/evidence/verify';
import { bytesSource } from '../../../lib/evidence/zip/source';
import { buildPackageInput } from '../../../lib/services/export-input';
import type { Store } from '../../../lib/store/store';
import { failureText } from './package-fixture';
import { sampleCapture } from '../store/sample-capture';
import { createVaultStore } from '../store/vault-store';

async function exportAll(store: Store, signer: SigningKey): Promise<Uint8Array> {
  const input = await buildPackageInput(
    store,
    { kind: 'all', ids: [] },
    { signer, tool: { name: 'dalel', version: 't' }, now: new Date() },
  );
  const chunks: Uint8Array[] = [];
  const result = await writePackage(input, async (c) => void chunks.push(c.slice()));
  // As the extension does: the export is recorded, so later packages prove they extend it.
  await store.custody.record(exportedEvent(result, signer.fingerprint, new Date()));
  return new Uint8Array(Buffer.concat(chunks));
}

async function capture(store: Store, id: string): Promise<void> {
  const { capture, artifacts } = sampleCapture(id, { url: `https://x.com/a/status/${id}` });
  await store.captures.seal({ ...capture, seal: await captureSeal(capture) }, artifacts);
}

/** A monitor's archive before and after a key change made by `rotate`; packages from each. */
async function history(rotate: (s: ReturnType<typeof createVaultStore>) => Promise<void>) {
  let actor = 'nobody';
  const s = createVaultStore(undefined, () => actor);
  const a = await ensureSigningKey(s.store.keys, s.store.ctx.now);
  actor = a.fingerprint;
  await capture(s.store, 'cap_before');
  const earlier = await exportAll(s.store, a);
  await rotate(s);
  const b = await signerOf((await s.store.keys.active())!);
  actor = b.fingerprint;
  await capture(s.store, 'cap_after');
  const later = await exportAll(s.store, b);
  const old = await verifyPackage(bytesSource(earlier), { pinnedKey: a.fingerprint });
  expect(old.verdict, failureText(old)).toBe('valid');
  const earlierPackage = { checkpoint: old.manifest!.custody.checkpoint, signer: a.fingerprint };
  const verify = (options: VerifyOptions) => verifyPackage(bytesSource(later), options);
  return { a, b, later, earlierPackage, verify };
}

const codes = (r: { failures: { code: string }[] }) => r.failures.map((f) => f.code);

describe('signer continuity across a key change', () => {
  it('turning on the lock: the old key signs the handover; the old pin and --earlier confirm the new key', async () => {
    const { a, b, earlierPackage, verify } = await history(
      async (s) => void (await s.vault.enable('pass phrase 2026')),
    );
    expect(b.fingerprint).not.toBe(a.fingerprint);
    const pinnedOld = await verify({ pinnedKey: a.fingerprint, earlier: [earlierPackage] });
    expect(pinnedOld.verdict, failureText(pinnedOld)).toBe('valid');
    expect(pinnedOld.pinned).toBe('rotated');
    const passed = pinnedOld.passed.map((c) => c.code);
    expect(passed).toEqual(
      expect.arrayContaining([
        'rotation_ok',
        'pin_via_rotation',
        'continuity_rotated',
        'earlier_ok',
      ]),
    );
    // The new key itself is a pin too.
    expect((await verify({ pinnedKey: b.fingerprint })).pinned).toBe('match');
  });

  it('a key change without a handover signed by the old key is reported and confirms nothing', async () => {
    const { a, earlierPackage, verify } = await history(async (s) => {
      await s.store.keys.install(await createKeyRow(new Date()));
    });
    const unpinned = await verify({});
    expect(unpinned.notes.map((n) => n.code)).toContain('rotation_unsigned');
    const pinnedOld = await verify({ pinnedKey: a.fingerprint });
    expect(pinnedOld.verdict).toBe('invalid');
    expect(codes(pinnedOld)).toContain('pin_mismatch');
    const continued = await verify({ earlier: [earlierPackage] });
    expect(continued.verdict).toBe('invalid');
    expect(codes(continued)).toContain('continuity_broken');
  });

  it('a handover signed by another key than the old one fails', async () => {
    const { a, verify } = await history(async (s) => {
      const next = await createKeyRow(new Date());
      const impostor = await generateSigningKey();
      const forged = await signRotation(
        { ...impostor, fingerprint: (await s.store.keys.active())!.fingerprint },
        { publicKeyRaw: Buffer.from(next.publicKeyRaw, 'base64'), fingerprint: next.fingerprint },
        new Date(),
      );
      await s.store.keys.install(next, forged);
    });
    const report = await verify({ pinnedKey: a.fingerprint });
    expect(report.verdict).toBe('invalid');
    expect(codes(report)).toEqual(expect.arrayContaining(['rotation_bad', 'pin_mismatch']));
  });

  it('--earlier with a package of the same key passes; with an unrelated key it fails', async () => {
    const { earlierPackage, verify, b } = await history(
      async (s) => void (await s.vault.enable('pass phrase 2026')),
    );
    const stranger = await generateSigningKey();
    const report = await verify({
      pinnedKey: b.fingerprint,
      earlier: [{ ...earlierPackage, signer: stranger.fingerprint }],
    });
    expect(codes(report)).toContain('continuity_broken');
    const same = await verify({
      pinnedKey: b.fingerprint,
      earlier: [{ ...earlierPackage, signer: b.fingerprint }],
    });
    expect(same.passed.map((c) => c.code)).toContain('continuity_same');
  });
});
