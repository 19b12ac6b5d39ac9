// A package read by code that shares nothing with ours: JSZip (an independent ZIP reader in
// JavaScript, CRC-32 checked) and Node's own SHA-256 and Ed25519. What a lawyer's tools would
// see must be what our verifier sees: every entry listed, every hash right, the signature valid
// over the statement that names the manifest's hash.
import { createHash, verify } from 'node:crypto';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { LAYOUT, UNLISTED, type Manifest } from '../../../lib/evidence/manifest';
import { demoPackage } from './package-fixture';

let files: Map<string, Uint8Array>;

beforeAll(async () => {
  const { zip } = await demoPackage();
  const archive = await JSZip.loadAsync(zip, { checkCRC32: true });
  files = new Map();
  for (const entry of Object.values(archive.files))
    if (!entry.dir) files.set(entry.name, await entry.async('uint8array'));
});

const sha256 = (bytes: Uint8Array) => `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
const json = <T>(name: string): T => JSON.parse(new TextDecoder().decode(files.get(name)!)) as T;

describe('a package read by JSZip and Node crypto', () => {
  it('holds exactly the files the manifest lists, plus the signature files', () => {
    const manifest = json<Manifest>(LAYOUT.manifest);
    expect([...files.keys()].sort()).toEqual(
      [...manifest.files.map((f) => f.path), ...UNLISTED].sort(),
    );
  });

  it('every listed file has the size and SHA-256 the manifest says', () => {
    const manifest = json<Manifest>(LAYOUT.manifest);
    expect(manifest.files.length).toBeGreaterThan(5);
    for (const f of manifest.files) {
      const bytes = files.get(f.path)!;
      expect({ path: f.path, size: bytes.length, sha256: sha256(bytes) }).toEqual({
        path: f.path,
        size: f.size,
        sha256: f.sha256,
      });
    }
  });

  it('the statement names the manifest bytes and its Ed25519 signature verifies with signer.pem', () => {
    const statement = json<{ manifest: string }>(LAYOUT.statement);
    expect(statement.manifest).toBe(sha256(files.get(LAYOUT.manifest)!));
    const pem = new TextDecoder().decode(files.get(LAYOUT.publicKey)!);
    const signature = files.get(LAYOUT.signature)!;
    expect(verify(null, files.get(LAYOUT.statement)!, pem, signature)).toBe(true);
    const altered = files.get(LAYOUT.statement)!.slice();
    altered[10]! ^= 1;
    expect(verify(null, altered, pem, signature)).toBe(false);
  });

  it('SHA256SUMS (for sha256sum -c) agrees with the bytes', () => {
    const sums = files.get(LAYOUT.sums);
    expect(sums, 'the package carries SHA256SUMS').toBeDefined();
    const lines = new TextDecoder().decode(sums!).trim().split('\n');
    expect(lines.length).toBeGreaterThan(5);
    for (const line of lines) {
      const [hex, name] = line.split(/ [ *]/) as [string, string];
      expect(files.has(name), name).toBe(true);
      expect(`sha256:${hex}`, name).toBe(sha256(files.get(name)!));
    }
  });
});
