import { readFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../../support/shared-fixtures';
// Helpers to build a demo package in memory and to take it apart and put it back together the
// way an attacker (or a buggy tool) would.
import { buildDemoInput } from '../../../lib/demo/demo-input';
import { canonicalBytes } from '../../../lib/evidence/canonical-json';
import { jsPrimitives } from '../../../lib/evidence/primitives';
import { concatBytes } from '../../../lib/evidence/hex';
import { LAYOUT, type Manifest } from '../../../lib/evidence/manifest';
import type { PackageInput, PackageOptions } from '../../../lib/evidence/package-input';
import { writePackage } from '../../../lib/evidence/package-writer';
import { redactionSeal } from '../../../lib/evidence/redaction-seal';
import { sha256RefOf } from '../../../lib/evidence/sha256';
import { generateSigningKey, publicKeyPem, type SigningKey } from '../../../lib/evidence/signing';
import { buildStatement, statementBytes } from '../../../lib/evidence/statement';
import { verifyPackage, type VerifyOptions } from '../../../lib/evidence/verify';
import type { VerifyReport } from '../../../lib/evidence/verify-report';
import { openZip, readEntryBytes } from '../../../lib/evidence/zip/reader';
import { bytesSource } from '../../../lib/evidence/zip/source';
import { ZipWriter } from '../../../lib/evidence/zip/writer';
import type { Redaction } from '../../../lib/model/redaction';

export interface Entry {
  name: string;
  data: Uint8Array;
}

export const NOW = new Date('2026-03-02T12:00:00.000Z');

export async function writeToBytes(
  input: PackageInput,
  options: PackageOptions = {},
): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  await writePackage(input, async (c) => void parts.push(c.slice()), options);
  return concatBytes(parts);
}

/** The font the extension gives report.pdf (public/fonts), read from the repository. */
export const reportFont = async () =>
  new Uint8Array(readFileSync(path.join(repoRoot, 'public/fonts/dejavu-sans-dalel.ttf')));

/** A package of the demo data as the extension makes it: with report.html and report.pdf. */
export async function demoPackage(
  options: PackageOptions = {},
): Promise<{ zip: Uint8Array; key: SigningKey; input: PackageInput }> {
  const key = await generateSigningKey();
  const input = await buildDemoInput(key, NOW);
  return { zip: await writeToBytes(input, { reportFont, ...options }), key, input };
}

export async function unpack(zip: Uint8Array): Promise<Entry[]> {
  const archive = await openZip(bytesSource(zip));
  const out: Entry[] = [];
  for (const e of archive.entries)
    out.push({ name: e.name, data: await readEntryBytes(bytesSource(zip), e, jsPrimitives, 1e8) });
  return out;
}

export async function repack(entries: Entry[]): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  const writer = new ZipWriter(async (c) => void parts.push(c.slice()), {
    primitives: jsPrimitives,
    modified: NOW,
  });
  for (const e of entries)
    await writer.add({
      name: e.name,
      data: e.data,
      compress: /\.(json|jsonl|html|txt)$/.test(e.name),
    });
  await writer.finish();
  return concatBytes(parts);
}

export const get = (entries: Entry[], name: string): Uint8Array =>
  entries.find((e) => e.name === name)!.data;
export const set = (entries: Entry[], name: string, data: Uint8Array): Entry[] =>
  entries.map((e) => (e.name === name ? { name, data } : e));
export const manifestOf = (entries: Entry[]): Manifest =>
  JSON.parse(new TextDecoder().decode(get(entries, LAYOUT.manifest))) as Manifest;

/**
 * Re-create manifest, statement and signature over the entries as they are now, signed by `key`:
 * what a forger holding a key, or a buggy tool, would produce. `edit` may change the manifest.
 */
export async function resign(
  entries: Entry[],
  key: SigningKey,
  edit: (m: Manifest) => void = () => {},
  rawManifest?: (bytes: Uint8Array) => Uint8Array,
): Promise<Entry[]> {
  const manifest = manifestOf(entries);
  manifest.signer.fingerprint = key.fingerprint;
  for (const f of manifest.files) {
    const data = entries.find((e) => e.name === f.path)?.data;
    if (data) Object.assign(f, { sha256: await sha256RefOf(data), size: data.length });
  }
  edit(manifest);
  let manifestBytes = canonicalBytes(manifest);
  if (rawManifest) manifestBytes = rawManifest(manifestBytes);
  const statement = await buildStatement(manifest, manifestBytes);
  const signed = statementBytes(statement);
  let out = set(entries, LAYOUT.manifest, manifestBytes);
  out = set(out, LAYOUT.statement, signed);
  out = set(out, LAYOUT.signature, await key.sign(signed));
  return set(out, LAYOUT.publicKey, new TextEncoder().encode(publicKeyPem(key.publicKeyRaw)));
}

export function verifyBytes(zip: Uint8Array, options: VerifyOptions = {}): Promise<VerifyReport> {
  return verifyPackage(bytesSource(zip), options);
}

export const failureFiles = (r: VerifyReport): (string | null)[] => r.failures.map((f) => f.file);
export const failureText = (r: VerifyReport): string =>
  r.failures.map((f) => `${f.file}: ${f.message}`).join('\n');

/** The demo input with a redacted copy of the first capture's viewport screenshot. */
export async function redactedInput(key: SigningKey, withholdRedactedOriginals = false) {
  const base = await buildDemoInput(key, NOW);
  const capture = base.captures[0]!;
  const shot = capture.artifacts.find((a) => a.role === 'screenshot')!;
  const copy = new TextEncoder().encode('a redacted PNG stands here');
  const unsealed = {
    id: 'red_0123456789abcdef01234567',
    captureId: capture.id,
    createdAt: NOW.toISOString(),
    original: { name: shot.name, sha256: shot.sha256 },
    derived: {
      name: `redacted/${shot.name}`,
      sha256: await sha256RefOf(copy),
      size: copy.length,
      mediaType: 'image/png',
    },
    method: 'opaque boxes',
    regions: [
      {
        x: 10,
        y: 8,
        width: 120,
        height: 40,
        label: 'account menu',
        source: 'detected' as const,
        element: 0,
      },
    ],
    supersedes: null,
  };
  const redaction: Redaction = { ...unsealed, seal: await redactionSeal(unsealed) };
  const input: PackageInput = {
    ...base,
    redactions: [redaction],
    withholdRedactedOriginals,
    openArtifact: async (sha) =>
      sha === redaction.derived.sha256 ? new Blob([copy]) : base.openArtifact(sha),
  };
  return { input, capture, shot, redaction };
}
