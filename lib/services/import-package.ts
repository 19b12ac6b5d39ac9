import { captureSchema, type Capture } from '../model/capture';
import { legalCaseSchema, type LegalCase } from '../model/legal-case';
import { linkSchema, type Link } from '../model/link';
import { personSchema, type Person } from '../model/person';
import { jsPrimitives, type Primitives } from '../evidence/primitives';
import { LAYOUT, paths, type Manifest } from '../evidence/manifest';
import { hashInOneShot, sha256Ref, sha256RefOf } from '../evidence/sha256';
import { normalizeFingerprint } from '../evidence/signing';
import { verifyPackage } from '../evidence/verify';
import { formatFailures, type VerifyReport } from '../evidence/verify-report';
import {
  DEFAULT_LIMITS,
  openZip,
  readEntry,
  readEntryBytes,
  type ZipEntry,
} from '../evidence/zip/reader';
import type { ZipSource } from '../evidence/zip/source';
import type { TrustedTime } from '../evidence/timestamp/check-package';
import { trustedAnchors } from '../evidence/timestamp/known-tsas';
import {
  ImportConflictError,
  type ImportedBytes,
  type ImportedToken,
} from '../store/repositories/imports-repo';
import type { Store } from '../store/store';

export { ImportConflictError };

export class ImportRejectedError extends Error {
  constructor(readonly report: VerifyReport) {
    super(
      `The package did not verify, nothing was imported:\n${formatFailures(report).slice(0, 20).join('\n')}`,
    );
    this.name = 'ImportRejectedError';
  }
}

/**
 * The package verified, but nobody confirmed whose it is: no pinned fingerprint, not one of this
 * installation's keys, and the monitor did not accept the signer explicitly.
 */
export class ImportUnconfirmedError extends Error {
  constructor(readonly fingerprint: string) {
    super(
      `The package is signed by ${fingerprint}, which is not confirmed: enter the fingerprint the sender gave you over a second channel, or accept this signer explicitly. Nothing was imported.`,
    );
    this.name = 'ImportUnconfirmedError';
  }
}

export interface ImportOptions {
  /** The signer's fingerprint as the sender told it over a second channel. */
  pinnedKey?: string;
  /**
   * The fingerprint the monitor accepts as this package's signer without a pin (after comparing
   * it themselves); recorded as a `signer_accepted` custody event with the import.
   */
  acceptSigner?: string;
  primitives?: Primitives;
}

/** How the signer of an imported package was confirmed. */
export type SignerConfirmation = 'pinned' | 'own_key' | 'accepted';

export interface ImportResult {
  packageId: string;
  fingerprint: string;
  confirmedBy: SignerConfirmation;
  imported: { captures: number; persons: number; cases: number; links: number; artifacts: number };
  duplicates: {
    captures: number;
    persons: number;
    cases: number;
    links: number;
    artifacts: number;
  };
  /** The package's earliest trusted time (a TSA token over its signature), if any. */
  trustedTime: TrustedTime | null;
}

type Loaded = ImportedBytes;

/**
 * Reads one entry and re-hashes it: the bytes imported are the bytes just read, so a file that
 * changes between verification and import is caught (integrity.md Z10).
 */
async function load(
  source: ZipSource,
  entry: ZipEntry,
  primitives: Primitives,
  type = '',
): Promise<Loaded> {
  if (hashInOneShot(entry.size, primitives)) {
    // One WebCrypto call over the entry is ~3x faster than the incremental JS hash.
    const bytes = (await readEntryBytes(
      source,
      entry,
      primitives,
      entry.size,
    )) as Uint8Array<ArrayBuffer>;
    return {
      bytes: new Blob([bytes], { type }),
      sha256: await sha256RefOf(bytes),
      size: entry.size,
    };
  }
  const hasher = primitives.sha256();
  const parts: Uint8Array<ArrayBuffer>[] = [];
  for await (const chunk of readEntry(source, entry, primitives)) {
    hasher.update(chunk);
    parts.push(chunk.slice());
  }
  return { bytes: new Blob(parts, { type }), sha256: sha256Ref(hasher.digest()), size: entry.size };
}

/**
 * Imports a signed package (a backup of one's own, or a colleague's) into the store. It is
 * verified first; if any check fails nothing is written. Its signer must be confirmed: a pinned
 * fingerprint, one of this installation's own keys (a backup), or the monitor's explicit
 * acceptance, which is recorded. Records already present (same id and, for captures, the same
 * seal) are recognised as duplicates and skipped; a capture with a known id but a different seal
 * is a conflict and stops the import. Everything new enters custody as an event by
 * `import:<signer>`: captures (`imported`), tags with their notes (`tagged`, so a colleague's tag
 * on a capture the monitor already holds shows whose it is), persons and cases.
 *
 * Artifacts are then read, re-hashed, encrypted under the lock and stored one at a time (the
 * writes are the store's: `ImportsRepo` in lib/store/repositories/imports-repo.ts), so a
 * package of any size needs memory for one artifact, not for all of them (a multi-gigabyte
 * restore must not depend on the browser holding it whole). They are content-addressed and
 * belong to no record until the last step: one transaction writes the records with their
 * custody events — `imported` for the package (keeping its custody trail as an artifact) and for
 * each new capture. If anything fails, the artifacts this import added are deleted again; if
 * the browser stops it midway, they stay unreferenced and importing the package again reuses
 * them.
 */
export async function importPackage(
  store: Store,
  source: ZipSource,
  options: ImportOptions = {},
): Promise<ImportResult> {
  const primitives = options.primitives ?? jsPrimitives;
  // Time-stamp tokens are trusted under the shipped roots and the monitor's own TSAs' CAs.
  const { timestampAuthorities } = await store.settings.all();
  const tsaAnchors = trustedAnchors(timestampAuthorities);
  const report = await verifyPackage(source, {
    pinnedKey: options.pinnedKey,
    primitives,
    tsaAnchors,
  });
  if ((report.verdict !== 'valid' && report.verdict !== 'unconfirmed') || !report.manifest)
    throw new ImportRejectedError(report);
  const confirmedBy = await confirmation(store, report, options.acceptSigner);
  const manifest: Manifest = report.manifest;
  // Without the originals the archive could not hold the sealed captures whole.
  if (manifest.withheld?.length)
    throw new ImportConflictError(
      `this package withholds ${manifest.withheld.length} original file(s) to protect the monitor (their hashes are listed): it can be verified, but not imported; ask the sender for a package with the originals`,
    );
  const listed = new Map(manifest.files.map((f) => [f.path, f]));
  const archive = await openZip(source, DEFAULT_LIMITS);
  const entries = new Map(archive.entries.map((e) => [e.name, e]));

  const read = async (path: string, type = ''): Promise<Loaded> => {
    const entry = entries.get(path);
    const expected = listed.get(path);
    if (!entry || !expected) throw new ImportConflictError(`${path}: missing from the package`);
    const loaded = await load(source, entry, primitives, type);
    if (loaded.sha256 !== expected.sha256 || loaded.size !== expected.size)
      throw new ImportConflictError(`${path}: changed since it was verified; nothing was imported`);
    return loaded;
  };
  const json = async (path: string): Promise<unknown> =>
    JSON.parse(await (await read(path)).bytes.text());

  // Records are small: all of them first, so conflicts stop the import before any write.
  const captures: Capture[] = [];
  for (const item of manifest.contents.captures)
    captures.push(captureSchema.parse(await json(paths.capture(item.id))));
  for (const capture of captures) await store.imports.existingCapture(capture);
  const persons: Person[] = [];
  for (const item of manifest.contents.persons)
    persons.push(personSchema.parse(await json(paths.person(item.id))));
  const cases: LegalCase[] = [];
  for (const item of manifest.contents.cases)
    cases.push(legalCaseSchema.parse(await json(paths.case(item.id))));
  const links: Link[] = [];
  for (const item of manifest.contents.links)
    links.push(linkSchema.parse(await json(paths.link(item.id))));

  const fingerprint = report.fingerprint!;
  const result: ImportResult = {
    packageId: manifest.packageId,
    fingerprint,
    confirmedBy,
    imported: { captures: 0, persons: 0, cases: 0, links: 0, artifacts: 0 },
    duplicates: { captures: 0, persons: 0, cases: 0, links: 0, artifacts: 0 },
    trustedTime: report.timestamps?.earliest ?? null,
  };
  // Capture-time tokens that are genuine for their capture (whether or not their CA is trusted
  // here) come along as `timestamped` events, so a re-export still carries them.
  const captureTokens = new Map<string, ImportedToken[]>();
  for (const t of report.timestamps?.tokens ?? []) {
    if (!t.captureId || t.status === 'invalid') continue;
    const token = new Uint8Array(await (await read(t.file)).bytes.arrayBuffer());
    captureTokens.set(t.captureId, [
      ...(captureTokens.get(t.captureId) ?? []),
      { token, time: t.time, tsa: t.tsa },
    ]);
  }
  const added: string[] = [];
  try {
    // One artifact at a time: read and re-hash (the bytes stored are the bytes just hashed),
    // then stored unless present.
    const storeArtifact = async (loaded: Loaded, mediaType: string): Promise<void> => {
      if (!(await store.imports.storeArtifact(loaded, mediaType))) {
        result.duplicates.artifacts++;
        return;
      }
      added.push(loaded.sha256);
      result.imported.artifacts++;
    };
    for (const capture of captures)
      for (const ref of capture.artifacts) {
        const loaded = await read(paths.artifact(capture.id, ref.name), ref.mediaType);
        if (loaded.sha256 !== ref.sha256)
          throw new ImportConflictError(
            `${capture.id}/${ref.name}: bytes do not match the capture record`,
          );
        await storeArtifact(loaded, ref.mediaType);
      }
    // The package's own custody trail is kept byte for byte, content-addressed like any artifact.
    const trail = await read(LAYOUT.events, 'application/x-ndjson');
    await storeArtifact(trail, 'application/x-ndjson');
    await store.imports.commit({
      captures,
      persons,
      cases,
      links,
      packageId: manifest.packageId,
      fingerprint,
      signerAccepted: confirmedBy === 'accepted',
      packageEvent: {
        signer: fingerprint,
        pinned: report.pinned,
        confirmedBy,
        checkpoint: manifest.custody.checkpoint,
        custodyTrail: trail.sha256,
        ...(result.trustedTime ? { trustedTime: result.trustedTime } : {}),
      },
      imported: result.imported,
      duplicates: result.duplicates,
      captureTokens,
    });
    return result;
  } catch (error) {
    // Nothing of a failed import may stay: the artifacts it added belong to no record.
    await store.imports.discardArtifacts(added);
    throw error;
  }
}

/** Whose package this is, as far as the monitor can tell; throws when nobody confirmed it. */
async function confirmation(
  store: Store,
  report: VerifyReport,
  acceptSigner: string | undefined,
): Promise<SignerConfirmation> {
  if (report.verdict === 'valid') return 'pinned';
  const fingerprint = report.fingerprint!;
  const own = (await store.keys.list()).map((k) => k.fingerprint);
  if (own.includes(fingerprint)) return 'own_key';
  if (acceptSigner !== undefined && normalizeFingerprint(acceptSigner) === fingerprint)
    return 'accepted';
  throw new ImportUnconfirmedError(fingerprint);
}
