// Export: streams every artifact into the ZIP while re-hashing it (an artifact that no longer
// matches its capture-time hash stops the export), then writes records, custody, the report, the
// verifier and README, the manifest over all of them, and the signed statement over the manifest.
import { canonicalBytes } from './canonical-json';
import { verifyCustodyProof } from './custody-disclosure';
import type { Checkpoint, CustodyDraft } from './custody';
import { jsPrimitives } from './primitives';
import { toHex } from './hex';
import { LAYOUT, PACKAGE_FORMAT, paths, type Manifest, type ManifestFile } from './manifest';
import { SAFE_ID, shouldCompress } from './media-types';
import type { ExportProgress, PackageInput, PackageOptions } from './package-input';
import { readmeText } from './readme-txt';
import { reportHtml } from './report/report-html';
import { reportPdf } from './report/report-pdf';
import { publicKeyPem } from './signing';
import { hashInOneShot, sha256 as sha256Of, sha256Ref, type Sha256Ref } from './sha256';
import { buildStatement, statementBytes, type Statement } from './statement';
import { VERIFY_HTML } from './verifier-page/verify-html.generated';
import { DEFAULT_LIMITS } from './zip/entry';
import { unsafeNameReason } from './zip/names';
import type { SinkTarget } from './zip/sink';
import { ZipWriter, type EntryData, type WrittenEntry } from './zip/writer';
import { ReadAhead } from './read-ahead';
import { TIMESTAMPS, type StampSummary } from './timestamp/annex';
import { annexCompressed } from './annex';
import { withheldFiles } from './package-withhold';

export interface PackageResult {
  manifest: Manifest;
  statement: Statement;
  signature: Uint8Array;
  /** Size of the archive in bytes. */
  size: number;
  /** What each configured TSA did (empty when none is configured). */
  timestamps: StampSummary[];
}

export class ExportError extends Error {}

/**
 * The custody event to append once a package is written (after export, so it is part of the next
 * package's checkpoint, not of this one's).
 */
export function exportedEvent(result: PackageResult, actor: string, at: Date): CustodyDraft {
  return {
    at: at.toISOString(),
    actor,
    type: 'exported',
    subject: { kind: 'package', id: result.manifest.packageId },
    data: {
      manifest: result.statement.manifest,
      scope: result.manifest.scope.kind,
      checkpoint: result.manifest.custody.checkpoint,
      captures: result.manifest.contents.captures.map((c) => c.id),
      withheld: (result.manifest.withheld ?? []).map((w) => w.sha256),
      size: result.size,
      ...(result.timestamps.length ? { timestamps: result.timestamps } : {}),
    },
  };
}

const encoder = new TextEncoder();

/** Write a signed evidence package for `input` to `target`, streaming. */
export async function writePackage(
  input: PackageInput,
  target: SinkTarget,
  options: PackageOptions = {},
): Promise<PackageResult> {
  const primitives = options.primitives ?? jsPrimitives;
  const checkpoint = await checkInput(input);
  const created = input.now.toISOString();
  const packageId = toHex(crypto.getRandomValues(new Uint8Array(16)));
  const zip = new ZipWriter(target, {
    primitives,
    modified: input.now,
    zip64Threshold: options.zip64Threshold,
    maxEntries16: options.maxEntries16,
  });
  const files: ManifestFile[] = [];
  const bytesTotal = input.captures.reduce(
    (n, c) => n + c.artifacts.reduce((m, a) => m + a.size, 0),
    0,
  );
  let bytesDone = 0;
  const progress = (phase: ExportProgress['phase']): void =>
    input.onProgress?.({ phase, bytesDone, bytesTotal });

  const add = async (
    path: string,
    data: EntryData,
    mediaType: string,
    expect?: { sha256: string; size: number },
  ): Promise<ManifestFile> => {
    const entry = {
      name: path,
      size: data instanceof Uint8Array ? data.length : expect?.size,
      compress: shouldCompress(mediaType),
    };
    let written: WrittenEntry;
    let sha256: Sha256Ref;
    if (!primitives.native && data instanceof Uint8Array) {
      // WebCrypto has no incremental digest but is ~3x faster than the JS one: bytes already in
      // memory (small artifacts, records) are hashed in one call (on WebCrypto's own copy).
      const digest = sha256Of(data);
      written = await zip.add({
        ...entry,
        data,
        onChunk: (chunk) => (bytesDone += expect ? chunk.length : 0),
      });
      sha256 = sha256Ref(await digest);
    } else {
      const hasher = primitives.sha256();
      written = await zip.add({
        ...entry,
        data,
        onChunk: (chunk) => {
          hasher.update(chunk);
          bytesDone += expect ? chunk.length : 0;
        },
      });
      sha256 = sha256Ref(hasher.digest());
    }
    const file = { path, sha256, size: written.size, mediaType };
    if (expect && (file.sha256 !== expect.sha256 || file.size !== expect.size)) {
      throw new ExportError(
        `${path}: stored bytes (${file.sha256}, ${file.size} bytes) no longer match the capture-time hash ${expect.sha256} (${expect.size} bytes); export stopped`,
      );
    }
    files.push(file);
    return file;
  };
  const addJson = (path: string, value: unknown): Promise<ManifestFile> =>
    add(path, canonicalBytes(value), 'application/json');

  try {
    progress('artifacts');
    const withheld = withheldFiles(input);
    const included = input.captures.flatMap((c) =>
      c.artifacts.filter((a) => !withheld.has(paths.artifact(c.id, a.name))).map((a) => a.sha256),
    );
    const reads = new ReadAhead(input, (size) => hashInOneShot(size, primitives), included);
    for (const capture of input.captures) {
      for (const artifact of capture.artifacts) {
        const path = paths.artifact(capture.id, artifact.name);
        if (withheld.has(path)) continue; // hash listed in the manifest, bytes not included
        const data = await reads.next();
        await add(path, data, artifact.mediaType, artifact);
        progress('artifacts');
      }
      await addJson(paths.capture(capture.id), capture);
      for (const [i, token] of (input.captureTimestamps?.get(capture.id) ?? []).entries())
        await add(TIMESTAMPS.captureToken(capture.id, i + 1), token, 'application/timestamp-reply');
      for (const r of (input.redactions ?? []).filter((x) => x.captureId === capture.id)) {
        const bytes = new Uint8Array(
          await new Response(await input.openArtifact(r.derived.sha256)).arrayBuffer(),
        );
        await add(
          paths.artifact(capture.id, r.derived.name),
          bytes,
          r.derived.mediaType,
          r.derived,
        );
        await addJson(paths.redaction(r.id), r);
      }
    }
    progress('records');
    for (const c of input.cases) await addJson(paths.case(c.id), c);
    for (const p of input.persons) await addJson(paths.person(p.id), p);
    for (const l of input.links) await addJson(paths.link(l.id), l);
    const eventLines = input.custody.events.map(
      (e) => `${new TextDecoder().decode(canonicalBytes(e))}\n`,
    );
    await add(LAYOUT.events, encoder.encode(eventLines.join('')), 'application/x-ndjson');
    await addJson(LAYOUT.proof, input.custody.proof);
    await add(LAYOUT.verifier, encoder.encode(VERIFY_HTML), 'text/html');
    const meta = {
      packageId,
      created,
      tool: input.tool,
      fingerprint: input.signer.fingerprint,
      checkpoint,
    };
    await add(LAYOUT.readme, encoder.encode(readmeText(meta)), 'text/plain');
    progress('report');
    const report = reportHtml({ input, meta, files: [...files], options, withheld });
    await add(LAYOUT.report, textStream(report), 'text/html');
    if (options.reportFont) {
      const font = await options.reportFont();
      const pdf = await reportPdf({ input, meta, files: [...files], options, withheld }, font);
      await add(LAYOUT.reportPdf, pdf, 'application/pdf');
    }
    const sums = files.map((f) => `${f.sha256.slice(7)}  ${f.path}\n`).join('');
    await add(LAYOUT.sums, encoder.encode(sums), 'text/plain');

    progress('signing');
    const manifest: Manifest = {
      format: PACKAGE_FORMAT,
      packageId,
      created,
      tool: input.tool,
      algorithms: { hash: 'sha256', signature: 'Ed25519', canonicalJson: 'RFC8785' },
      signer: { fingerprint: input.signer.fingerprint },
      scope: input.scope,
      contents: {
        cases: input.cases.map((c) => ({ id: c.id, path: paths.case(c.id) })),
        persons: input.persons.map((p) => ({ id: p.id, path: paths.person(p.id) })),
        links: input.links.map((l) => ({ id: l.id, path: paths.link(l.id) })),
        captures: input.captures.map((c) => ({
          id: c.id,
          path: paths.capture(c.id),
          url: c.url,
          sealedAt: c.sealedAt,
          seal: c.seal,
        })),
        ...(input.redactions?.length
          ? {
              redactions: input.redactions.map((r) => ({ id: r.id, path: paths.redaction(r.id) })),
            }
          : {}),
      },
      custody: {
        events: LAYOUT.events,
        proof: LAYOUT.proof,
        disclosed: input.custody.events.length,
        checkpoint,
      },
      files: [...files].sort((a, b) => (a.path < b.path ? -1 : 1)),
      ...(withheld.size
        ? { withheld: [...withheld.values()].sort((a, b) => (a.path < b.path ? -1 : 1)) }
        : {}),
    };
    const manifestBytes = canonicalBytes(manifest);
    const statement = await buildStatement(manifest, manifestBytes);
    const signed = statementBytes(statement);
    const signature = await input.signer.sign(signed);
    await zip.add({ name: LAYOUT.manifest, data: manifestBytes, compress: true });
    await zip.add({ name: LAYOUT.statement, data: signed, compress: false });
    await zip.add({ name: LAYOUT.signature, data: signature, compress: false });
    await zip.add({
      name: LAYOUT.publicKey,
      data: encoder.encode(publicKeyPem(input.signer.publicKeyRaw)),
      compress: false,
    });
    // After signing, outside the manifest: tokens over statement.sig (a TSA that fails is noted).
    if (input.stampSignature) progress('timestamping');
    const annex = input.stampSignature ? await input.stampSignature(signature) : null;
    for (const entry of annex?.entries ?? [])
      await zip.add({
        name: entry.name,
        data: entry.data,
        compress: annexCompressed(entry.name),
      });
    const size = await zip.finish();
    progress('done');
    return { manifest, statement, signature, size, timestamps: annex?.summary ?? [] };
  } catch (error) {
    await zip.abort(error).catch(() => {});
    throw error;
  }
}

/** Refuse input that would make a package with unsafe names or a custody trail that fails. */
async function checkInput(input: PackageInput): Promise<Checkpoint> {
  const ids = [
    ...input.captures.map((c) => ['capture', c.id] as const),
    ...input.cases.map((c) => ['case', c.id] as const),
    ...input.persons.map((p) => ['person', p.id] as const),
    ...input.links.map((l) => ['link', l.id] as const),
    ...(input.redactions ?? []).map((r) => ['redaction', r.id] as const),
  ];
  for (const [kind, id] of ids) {
    if (!SAFE_ID.test(id))
      throw new ExportError(`${kind} id "${id}" cannot be used as a file name`);
  }
  for (const c of input.captures) {
    for (const a of c.artifacts) {
      const reason = unsafeNameReason(paths.artifact(c.id, a.name));
      if (reason) throw new ExportError(`capture ${c.id}: artifact name "${a.name}": ${reason}`);
    }
  }
  checkLimits(input);
  for (const c of input.captures) {
    const entered = input.custody.events.some(
      (e) =>
        e.subject.kind === 'capture' &&
        e.subject.id === c.id &&
        (e.type === 'captured' || e.type === 'imported'),
    );
    if (!entered)
      throw new ExportError(
        `capture ${c.id}: its "captured" or "imported" custody event is not included`,
      );
  }
  const { checkpoint, events, proof } = input.custody;
  const problems = await verifyCustodyProof(events, checkpoint, proof);
  if (problems.length > 0) {
    const p = problems[0]!;
    throw new ExportError(
      `custody log is damaged${p.seq === null ? '' : ` at event ${p.seq}`}: ${p.reason}`,
    );
  }
  return checkpoint;
}

/** Files a package holds besides artifacts and records (manifest, signature, report, …). */
const FIXED_FILES = 11;

/**
 * Refuse, before anything is read, a package the verifier would refuse for its size (its limits
 * bound what a lawyer's machine must take in): never stream gigabytes into an invalid package.
 */
function checkLimits(input: PackageInput): void {
  const gib = (n: number) => `${(n / 2 ** 30).toFixed(0)} GiB`;
  const split =
    'export fewer captures at a time (one case, one person, or a selection of captures)';
  let total = 0;
  let files = FIXED_FILES + input.cases.length + input.persons.length + input.links.length;
  for (const c of input.captures) {
    files += 1 + c.artifacts.length + (input.captureTimestamps?.get(c.id)?.length ?? 0);
    for (const a of c.artifacts) {
      total += a.size;
      if (a.size > DEFAULT_LIMITS.maxEntrySize)
        throw new ExportError(
          `capture ${c.id}: ${a.name} is ${a.size} bytes, over the ${gib(DEFAULT_LIMITS.maxEntrySize)} limit a verifier accepts for one file; it cannot go into a package`,
        );
    }
  }
  if (files > DEFAULT_LIMITS.maxEntries)
    throw new ExportError(
      `this package would hold ${files} files, over the limit of ${DEFAULT_LIMITS.maxEntries}: ${split}`,
    );
  if (total > DEFAULT_LIMITS.maxTotalSize)
    throw new ExportError(
      `this package would hold ${total} bytes, over the limit of ${gib(DEFAULT_LIMITS.maxTotalSize)}: ${split}`,
    );
}

/** A byte stream over generated text, pulled part by part so the report is never whole in memory. */
function textStream(parts: AsyncIterable<string>): ReadableStream<Uint8Array> {
  const iterator = parts[Symbol.asyncIterator]();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const { done, value } = await iterator.next();
      if (done) controller.close();
      else controller.enqueue(encoder.encode(value));
    },
  });
}
