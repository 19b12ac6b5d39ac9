// The one verifier: used by `dalel verify`, verify.html and import. It trusts nothing in the
// package: the algorithms are fixed here, the manifest must be canonical, every entry must be
// listed and every listed file present, and the signer is compared with a pinned key if given.
import { parseCanonical } from './canonical-json';
import type { Checkpoint } from './custody';
import { jsPrimitives, type Primitives } from './primitives';
import { LAYOUT, manifestSchema, UNLISTED, type Manifest } from './manifest';
import { sha256, sha256Ref } from './sha256';
import { verifyRecords } from './verify-records';
import { checkPin, checkSignature } from './verify-signature';
import { CheckList, type VerifyReport } from './verify-report';
import { checkRevocations, type RevocationNotice } from './revocation-check';
import { isAnnexName } from './timestamp/annex';
import { checkPackageTimestamps } from './timestamp/check-package';
import { shippedAnchors } from './timestamp/known-tsas';
import { MAX_TOKEN_SIZE } from './timestamp/verify-token';
import type { Certificate } from './timestamp/x509';
import { nameProblems } from './zip/names';
import {
  DEFAULT_LIMITS,
  openZip,
  readEntry,
  readEntryBytes,
  ZipError,
  type ZipEntry,
  type ZipLimits,
} from './zip/reader';
import type { ZipSource } from './zip/source';

export interface VerifyOptions {
  /** A fingerprint or a public key (PEM, base64 or raw bytes) the signer must match. */
  pinnedKey?: string | Uint8Array;
  /** Checkpoints from earlier packages of the same log; this package's log must extend each. */
  earlierCheckpoints?: Checkpoint[];
  /** Revocation codes of signing keys, with the date each key was lost (revocation.ts). */
  revocations?: readonly RevocationNotice[];
  /** CAs trusted for time-stamp tokens; default: the roots of the TSAs Dalel offers. */
  tsaAnchors?: readonly Certificate[];
  primitives?: Primitives;
  limits?: ZipLimits;
  onProgress?: (bytesDone: number, bytesTotal: number) => void;
}

/** Files parsed after hashing (records and custody) are kept if at most this size. */
const RECORD_MAX = 64 * 1024 * 1024;
/** Entries up to this size are hashed by one WebCrypto call unless faster incremental primitives are injected. */
const ONE_SHOT = 16 * 1024 * 1024;

export async function verifyPackage(
  source: ZipSource,
  options: VerifyOptions = {},
): Promise<VerifyReport> {
  const primitives = options.primitives ?? jsPrimitives;
  const checks = new CheckList();
  const report = (
    verdict?: VerifyReport['verdict'],
    extra: Partial<VerifyReport> = {},
  ): VerifyReport => ({
    verdict: verdict ?? (checks.failures.length ? 'invalid' : 'valid'),
    failures: checks.failures,
    passed: checks.passed,
    fingerprint: null,
    pinned: 'unpinned',
    manifest: null,
    files: 0,
    bytes: 0,
    timestamps: null,
    revocation: null,
    ...extra,
  });

  let archive;
  try {
    archive = await openZip(source, options.limits ?? DEFAULT_LIMITS);
  } catch (error) {
    if (!(error instanceof ZipError)) throw error;
    checks.fail(error.entry ?? null, error.message.replace(`${error.entry}: `, ''));
    return report(error.kind === 'unreadable' ? 'unreadable' : 'invalid');
  }
  checks.pass(
    null,
    `ZIP structure sound: ${archive.entries.length} entries, no gaps, overlaps or prepended data`,
  );
  const blocked = new Set(archive.problems.map((p) => p.name));
  for (const p of archive.problems) checks.fail(p.name, p.reason);
  const byName = new Map<string, ZipEntry>();
  for (const e of archive.entries) if (!byName.has(e.name)) byName.set(e.name, e);

  const small = async (name: string, max: number): Promise<Uint8Array | null> => {
    const entry = byName.get(name);
    if (!entry) {
      checks.fail(name, name === LAYOUT.manifest ? 'missing' : 'missing (signature stripped?)');
      return null;
    }
    if (blocked.has(name)) return null;
    try {
      return await readEntryBytes(source, entry, primitives, max);
    } catch (error) {
      checks.fail(
        name,
        error instanceof ZipError ? error.message.replace(`${name}: `, '') : String(error),
      );
      return null;
    }
  };
  const manifestBytes = await small(LAYOUT.manifest, RECORD_MAX);
  const statementBytes = await small(LAYOUT.statement, 64 * 1024);
  const signature = await small(LAYOUT.signature, 1024);
  const pem = await small(LAYOUT.publicKey, 16 * 1024);

  const manifest = manifestBytes ? parseManifest(manifestBytes, checks) : null;
  const signer = await checkSignature(
    { manifest, manifestBytes, statementBytes, signature, pem },
    checks,
  );
  const pinned = await checkPin(signer, options.pinnedKey, checks);

  let bytes = 0;
  const kept = new Map<string, Uint8Array>();
  if (manifest) {
    const listed = new Map(manifest.files.map((f) => [f.path, f]));
    for (const p of nameProblems(manifest.files.map((f) => f.path)))
      checks.fail(p.name, `in manifest: ${p.reason}`);
    for (const e of archive.entries) {
      if (!listed.has(e.name) && !UNLISTED.includes(e.name) && !isAnnexName(e.name))
        checks.fail(e.name, 'not listed in the manifest (added?)');
    }
    for (const f of manifest.files)
      if (!byName.has(f.path)) checks.fail(f.path, 'listed in the manifest but missing');
    const toHash = archive.entries
      .filter((e) => listed.has(e.name) && !blocked.has(e.name) && byName.get(e.name) === e)
      .sort((a, b) => a.localOffset - b.localOffset);
    const total = toHash.reduce((n, e) => n + e.size, 0);
    let ok = 0;
    for (const entry of toHash) {
      const expected = listed.get(entry.name)!;
      const keep = entry.size <= RECORD_MAX && /\.(json|jsonl|txt|tsr)$/.test(entry.name);
      try {
        const { hash, data } = await hashEntry(source, entry, primitives, keep);
        if (data) kept.set(entry.name, data);
        if (entry.size !== expected.size) {
          checks.fail(entry.name, `size ${entry.size} bytes, manifest says ${expected.size}`);
        } else if (hash !== expected.sha256) {
          checks.fail(
            entry.name,
            `SHA-256 ${hash} does not match the manifest (${expected.sha256}): altered`,
          );
        } else ok++;
      } catch (error) {
        checks.fail(
          entry.name,
          error instanceof ZipError ? error.message.replace(`${entry.name}: `, '') : String(error),
        );
      }
      bytes += entry.size;
      options.onProgress?.(bytes, total);
    }
    checks.expect(
      ok === manifest.files.length,
      null,
      `all ${ok} listed files present with the right size and SHA-256`,
      `${manifest.files.length - ok} of ${manifest.files.length} listed files failed`,
    );
    await verifyRecords(manifest, kept, checks, options.earlierCheckpoints ?? []);
  }
  // Time-stamp tokens are judged one by one and reported beside the checks, never among them.
  const annex = new Map<string, Uint8Array>();
  for (const e of archive.entries) {
    if (!isAnnexName(e.name) || e.name.endsWith('README') || blocked.has(e.name)) continue;
    const bytes = await small(e.name, MAX_TOKEN_SIZE);
    if (bytes) annex.set(e.name, bytes);
  }
  const timestamps = await checkPackageTimestamps({
    annex,
    listed: kept,
    signature,
    seals: new Map(manifest?.contents.captures.map((c) => [c.id, c.seal]) ?? []),
    created: manifest?.created ?? null,
    anchors: options.tsaAnchors ?? shippedAnchors(),
  });
  const revocation = await checkRevocations(
    signer?.fingerprint ?? null,
    timestamps.earliest,
    options.revocations ?? [],
    checks,
  );
  return report(undefined, {
    timestamps,
    revocation,
    fingerprint: signer?.fingerprint ?? null,
    pinned,
    manifest,
    files: archive.entries.length,
    bytes,
  });
}

function parseManifest(bytes: Uint8Array, checks: CheckList): Manifest | null {
  try {
    const value = parseCanonical(bytes, LAYOUT.manifest);
    const parsed = manifestSchema.safeParse(value);
    if (!parsed.success) {
      for (const issue of parsed.error.issues.slice(0, 20)) {
        checks.fail(LAYOUT.manifest, `${issue.path.join('.') || '(root)'}: ${issue.message}`);
      }
      return null;
    }
    checks.pass(
      LAYOUT.manifest,
      'canonical JSON (RFC 8785) with the expected fields and algorithms',
    );
    return parsed.data;
  } catch (error) {
    checks.fail(LAYOUT.manifest, (error as Error).message.replace(`${LAYOUT.manifest}: `, ''));
    return null;
  }
}

async function hashEntry(
  source: ZipSource,
  entry: ZipEntry,
  primitives: Primitives,
  keep: boolean,
): Promise<{ hash: string; data: Uint8Array | null }> {
  if (keep || (!primitives.native && entry.size <= ONE_SHOT)) {
    const data = await readEntryBytes(source, entry, primitives, Math.max(entry.size, 0));
    return { hash: sha256Ref(await sha256(data)), data: keep ? data : null };
  }
  const hasher = primitives.sha256();
  for await (const chunk of readEntry(source, entry, primitives)) hasher.update(chunk);
  return { hash: sha256Ref(hasher.digest()), data: null };
}
