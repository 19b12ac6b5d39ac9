// The one verifier: used by `dalel verify`, verify.html and import. It trusts nothing in the
// package: the algorithms are fixed here, the ZIP must read the same in every tool, the manifest
// must be canonical, every entry must be listed (or admitted by the one unsigned-annex rule) and
// every listed file present, what was sealed must be what the custody log recorded, and the
// signer is confirmed only against a fingerprint the reader was told over a second channel.
import {
  annexCompressed,
  inAnnex,
  UNSIGNED_ANNEX,
  type AnnexChecker,
  type AnnexFile,
} from './annex';
import { CanonicalJsonError, parseCanonical } from './canonical-json';
import type { Checkpoint } from './custody';
import { LAYOUT, manifestShape, UNLISTED, type Manifest } from './manifest';
import { shouldCompress } from './media-types';
import { jsPrimitives, type Primitives } from './primitives';
import { hashInOneShot, sha256, sha256Ref } from './sha256';
import { parseShape } from './shape';
import { verifyRecords } from './verify-records';
import { checkSignature, confirmSigner } from './verify-signature';
import { CheckList, type VerifyReport } from './verify-report';
import type { FormChange } from './verify-messages';
import { checkRevocations, type RevocationNotice } from './revocation-check';
import { annexTokenNumber } from './timestamp/annex';
import { checkTimestampAnnex } from './timestamp/annex-checker';
import { checkPackageTimestamps, type TimestampReport } from './timestamp/check-package';
import { shippedAnchors } from './timestamp/known-tsas';
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
import { METHOD_DEFLATE } from './zip/format';
import type { ZipSource } from './zip/source';

/** An earlier package of the same monitor: its log must be extended, its signer continued. */
export interface EarlierPackage {
  checkpoint: Checkpoint;
  /** Fingerprint of the key that signed it. */
  signer: string;
}

/** Where `extract` writes one entry's bytes as the verifier reads them. */
export interface ExtractSink {
  write(chunk: Uint8Array): Promise<void>;
  close(): Promise<void>;
}

export interface VerifyOptions {
  /**
   * The signer's fingerprint as the reader was told it over a second channel. A public key taken
   * from the package is not accepted here: whoever altered the package would supply theirs.
   */
  pinnedKey?: string;
  /** Earlier packages of the same log: this package must extend each and continue its signer. */
  earlier?: EarlierPackage[];
  /** SHA-256 (`sha256:…`) of the verify.html this verifier ships; the package's is compared with it. */
  officialVerifier?: string;
  /**
   * Checker of the unsigned annex (annex.ts). Default: the RFC 3161 one (timestamp/annex-checker.ts),
   * which admits only time-stamp tokens and their README; `null`: none, annex files are refused.
   */
  annex?: AnnexChecker | null;
  /** CAs trusted for time-stamp tokens; default: the roots of the TSAs Dalel offers. */
  tsaAnchors?: readonly Certificate[];
  /** Revocation codes of signing keys, with the date each key was lost (revocation.ts). */
  revocations?: readonly RevocationNotice[];
  /** Receives every entry's bytes exactly as they are read and checked (`dalel verify --extract`). */
  extract?: (name: string) => Promise<ExtractSink>;
  primitives?: Primitives;
  limits?: ZipLimits;
  /**
   * Listed files parsed after hashing (the manifest, records, the custody log, capture-time
   * tokens) larger than this are hashed but not parsed. Default 64 MiB.
   */
  maxRecordSize?: number;
  onProgress?: (bytesDone: number, bytesTotal: number) => void;
}

/** Files parsed after hashing (records and custody) are kept if at most this size. */
const RECORD_MAX = 64 * 1024 * 1024;
/** The signature files in the order our writer puts them last. */
const SIGNATURE_TAIL = [LAYOUT.manifest, LAYOUT.statement, LAYOUT.signature, LAYOUT.publicKey];

export async function verifyPackage(
  source: ZipSource,
  options: VerifyOptions = {},
): Promise<VerifyReport> {
  const primitives = options.primitives ?? jsPrimitives;
  const recordMax = options.maxRecordSize ?? RECORD_MAX;
  const checks = new CheckList();
  const report = (extra: Partial<VerifyReport> = {}): VerifyReport => ({
    verdict: 'invalid',
    failures: checks.failures,
    passed: checks.passed,
    notes: checks.notes,
    fingerprint: null,
    pinned: 'unpinned',
    container: null,
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
    checks.failWith(error.entry ?? null, error.outcome);
    return report({ verdict: error.kind === 'unreadable' ? 'unreadable' : 'invalid' });
  }
  checks.pass(null, 'zip_sound', { count: archive.entries.length + archive.directories.length });
  const blocked = new Set(archive.problems.map((p) => p.name));
  for (const p of archive.problems) checks.failWith(p.name, p.outcome);
  const byName = new Map<string, ZipEntry>();
  for (const e of archive.entries) if (!byName.has(e.name)) byName.set(e.name, e);

  const sink = async (name: string) => (options.extract ? options.extract(name) : null);
  const small = async (name: string, max: number): Promise<Uint8Array | null> => {
    const entry = byName.get(name);
    if (!entry) {
      checks.fail(name, name === LAYOUT.manifest ? 'file_missing' : 'signature_file_missing');
      return null;
    }
    if (blocked.has(name)) return null;
    try {
      const bytes = await readEntryBytes(source, entry, primitives, max);
      const out = await sink(name);
      if (out) {
        await out.write(bytes);
        await out.close();
      }
      return bytes;
    } catch (error) {
      if (!(error instanceof ZipError)) throw error;
      checks.failWith(name, error.outcome);
      return null;
    }
  };
  const manifestBytes = await small(LAYOUT.manifest, recordMax);
  const statementBytes = await small(LAYOUT.statement, 64 * 1024);
  const signature = await small(LAYOUT.signature, 1024);
  const pem = await small(LAYOUT.publicKey, 16 * 1024);

  const manifest = manifestBytes ? parseManifest(manifestBytes, checks) : null;
  const signer = await checkSignature(
    { manifest, manifestBytes, statementBytes, signature, pem },
    checks,
  );

  let bytes = 0;
  const kept = new Map<string, Uint8Array>();
  let pinned: VerifyReport['pinned'] = 'unpinned';
  let timestamps: TimestampReport | null = null;
  if (manifest) {
    const listed = new Map(manifest.files.map((f) => [f.path, f]));
    for (const p of nameProblems(manifest.files.map((f) => f.path)))
      checks.failWith(p.name, p.outcome);
    const annex: ZipEntry[] = [];
    for (const e of archive.entries) {
      if (listed.has(e.name) || UNLISTED.includes(e.name)) continue;
      if (inAnnex(e.name)) annex.push(e);
      else checks.fail(e.name, 'file_unlisted');
    }
    for (const f of manifest.files)
      if (!byName.has(f.path)) checks.fail(f.path, 'file_listed_missing');
    const toHash = archive.entries
      .filter((e) => listed.has(e.name) && !blocked.has(e.name) && byName.get(e.name) === e)
      .sort((a, b) => a.localOffset - b.localOffset);
    const total = toHash.reduce((n, e) => n + e.size, 0);
    let ok = 0;
    for (const entry of toHash) {
      const expected = listed.get(entry.name)!;
      const keep = entry.size <= recordMax && /\.(json|jsonl|txt|tsr)$/.test(entry.name);
      try {
        const { hash, data } = await hashEntry(
          source,
          entry,
          primitives,
          keep,
          await sink(entry.name),
        );
        if (data) kept.set(entry.name, data);
        if (entry.size !== expected.size) {
          checks.fail(entry.name, 'file_size', { size: entry.size, listed: expected.size });
        } else if (hash !== expected.sha256) {
          checks.fail(entry.name, 'file_hash', { hash, listed: expected.sha256 });
        } else ok++;
      } catch (error) {
        if (!(error instanceof ZipError)) throw error;
        checks.failWith(entry.name, error.outcome);
      }
      bytes += entry.size;
      options.onProgress?.(bytes, total);
    }
    if (ok === manifest.files.length) checks.pass(null, 'files_ok', { count: ok });
    else
      checks.fail(null, 'files_failed', {
        failed: manifest.files.length - ok,
        count: manifest.files.length,
      });
    const annexFiles = await checkAnnex(annex, source, primitives, options, sink, checks, {
      manifest,
      statement: statementBytes,
      signature,
      checks,
    });
    // Each token is judged on its own and reported beside the checks: a bad or untrusted token is
    // as good as none (it gives no trusted time) and never turns a failed package into a valid one.
    timestamps = await checkPackageTimestamps({
      annex: new Map(
        annexFiles.filter((f) => annexTokenNumber(f.name) !== null).map((f) => [f.name, f.bytes]),
      ),
      listed: kept,
      signature,
      seals: new Map(manifest.contents.captures.map((c) => [c.id, c.seal])),
      created: manifest.created,
      anchors: options.tsaAnchors ?? shippedAnchors(),
    });
    noteTimestamps(timestamps, checks);
    const { handovers } = await verifyRecords(manifest, kept, checks, {
      signer: signer?.valid ? signer.fingerprint : null,
      earlier: (options.earlier ?? []).map((e) => e.checkpoint),
    });
    pinned = confirmSigner(signer, options.pinnedKey, handovers, checks);
    if (signer?.valid)
      for (const e of options.earlier ?? []) {
        const params = { fingerprint: signer.fingerprint, earlier: e.signer };
        const steps = handovers.reaches(e.signer, signer.fingerprint);
        if (steps === 0) checks.pass(null, 'continuity_same', params);
        else if (steps !== null) checks.pass(null, 'continuity_rotated', params);
        else checks.fail(null, 'continuity_broken', params);
      }
    compareVerifier(listed.get(LAYOUT.verifier)?.sha256, options.officialVerifier, checks);
  }
  const revocation = await checkRevocations(
    signer?.fingerprint ?? null,
    timestamps?.earliest ?? null,
    options.revocations ?? [],
    checks,
  );

  const changes = new Set<FormChange>(archive.changes);
  if (manifest) for (const c of formChanges(archive.entries, manifest)) changes.add(c);
  const container = changes.size === 0 ? 'dalel' : 'repacked';
  if (container === 'dalel') checks.pass(null, 'container_dalel');
  else checks.note(null, 'container_repacked', { changes: [...changes] });

  const sound = checks.failures.length === 0;
  return report({
    verdict: !sound
      ? 'invalid'
      : pinned === 'match' || pinned === 'rotated'
        ? 'valid'
        : 'unconfirmed',
    fingerprint: signer?.fingerprint ?? null,
    pinned,
    container,
    manifest,
    files: archive.entries.length,
    bytes,
    timestamps,
    revocation,
  });
}

function parseManifest(bytes: Uint8Array, checks: CheckList): Manifest | null {
  let value: unknown;
  try {
    value = parseCanonical(bytes, LAYOUT.manifest);
  } catch (error) {
    if (!(error instanceof CanonicalJsonError) || !error.outcome) throw error;
    checks.failWith(LAYOUT.manifest, error.outcome);
    return null;
  }
  const parsed = parseShape(manifestShape, value);
  if (!parsed.ok) {
    for (const issue of parsed.issues.slice(0, 20)) checks.failWith(LAYOUT.manifest, issue);
    return null;
  }
  checks.pass(LAYOUT.manifest, 'manifest_ok');
  return parsed.value;
}

/**
 * Unsigned annex files go to their checker, if the verifier has one; otherwise they are refused.
 * Answers the files the checker was given and did not refuse.
 */
async function checkAnnex(
  entries: readonly ZipEntry[],
  source: ZipSource,
  primitives: Primitives,
  options: VerifyOptions,
  sink: (
    name: string,
  ) => Promise<{ write(c: Uint8Array): Promise<void>; close(): Promise<void> } | null>,
  checks: CheckList,
  context: Parameters<AnnexChecker>[1],
): Promise<AnnexFile[]> {
  if (entries.length === 0) return [];
  const { dir, maxFiles, maxSize } = UNSIGNED_ANNEX;
  const checker = options.annex === undefined ? checkTimestampAnnex : options.annex;
  if (!checker) {
    for (const e of entries) checks.fail(e.name, 'annex_unchecked', { dir });
    return [];
  }
  const files: AnnexFile[] = [];
  for (const e of entries) {
    if (!UNSIGNED_ANNEX.name.test(e.name) || e.size > maxSize || entries.length > maxFiles) {
      checks.fail(e.name, 'annex_entry_bad', { dir, max: maxFiles, maxSize });
      continue;
    }
    try {
      const bytes = await readEntryBytes(source, e, primitives, maxSize);
      const out = await sink(e.name);
      if (out) {
        await out.write(bytes);
        await out.close();
      }
      files.push({ name: e.name, bytes });
    } catch (error) {
      if (!(error instanceof ZipError)) throw error;
      checks.failWith(e.name, error.outcome);
    }
  }
  checks.note(null, 'annex_present', { count: files.length, dir });
  const before = new Set(context.checks.failures.map((f) => f.file));
  await checker(files, context);
  const refused = new Set(
    context.checks.failures.map((f) => f.file).filter((f) => f !== null && !before.has(f)),
  );
  return files.filter((f) => !refused.has(f.name));
}

/** One line among the checks for the trusted time; the tokens themselves are in the report. */
function noteTimestamps(report: TimestampReport, checks: CheckList): void {
  if (report.earliest) checks.pass(null, 'timestamp_trusted', { ...report.earliest });
  for (const t of report.tokens)
    if (t.status !== 'trusted') checks.note(t.file, 'timestamp_not_trusted', { reason: t.code });
}

/** Says whether the package's verify.html is the build this verifier ships (never a failure). */
function compareVerifier(
  inPackage: string | undefined,
  official: string | undefined,
  checks: CheckList,
): void {
  if (!inPackage || !official) return;
  if (inPackage === official)
    checks.pass(LAYOUT.verifier, 'verifier_official', { sha256: official });
  else checks.note(LAYOUT.verifier, 'verifier_other', { sha256: inPackage, official });
}

/** How the entries differ from what our writer produces: compression per media type, order. */
function formChanges(entries: readonly ZipEntry[], manifest: Manifest): FormChange[] {
  const changes: FormChange[] = [];
  const media = new Map(manifest.files.map((f) => [f.path, f.mediaType]));
  const deflated = (name: string): boolean =>
    inAnnex(name)
      ? annexCompressed(name)
      : name === LAYOUT.manifest || (media.has(name) && shouldCompress(media.get(name)!));
  if (entries.some((e) => (e.method === METHOD_DEFLATE) !== deflated(e.name)))
    changes.push('compression');
  // The signed files end with the signature files; the unsigned annex, made after signing, follows.
  const annexStart = entries.findIndex((e) => inAnnex(e.name));
  const signed = annexStart < 0 ? entries : entries.slice(0, annexStart);
  const tail = signed.slice(-SIGNATURE_TAIL.length).map((e) => e.name);
  const annexLast = entries.slice(signed.length).every((e) => inAnnex(e.name));
  if (tail.join('\n') !== SIGNATURE_TAIL.join('\n') || !annexLast) changes.push('order');
  return changes;
}

async function hashEntry(
  source: ZipSource,
  entry: ZipEntry,
  primitives: Primitives,
  keep: boolean,
  out: { write(c: Uint8Array): Promise<void>; close(): Promise<void> } | null,
): Promise<{ hash: string; data: Uint8Array | null }> {
  if (keep || hashInOneShot(entry.size, primitives)) {
    const data = await readEntryBytes(source, entry, primitives, Math.max(entry.size, 0));
    if (out) {
      await out.write(data);
      await out.close();
    }
    return { hash: sha256Ref(await sha256(data)), data: keep ? data : null };
  }
  const hasher = primitives.sha256();
  for await (const chunk of readEntry(source, entry, primitives)) {
    hasher.update(chunk);
    if (out) await out.write(chunk);
  }
  await out?.close();
  return { hash: sha256Ref(hasher.digest()), data: null };
}
