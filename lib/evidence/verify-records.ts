// Checks of what the files say, once their bytes are known to match the manifest: each capture's
// seal and capture-time artifact hashes, the records' form, and the custody trail — including
// that what was sealed is what is shown: each capture's seal and URL are those of its `captured`
// or `imported` event, by the signer's own keys, and every tag has its `tagged` event. Editing a
// capture and re-sealing it (no key needed) or re-signing the package does not change the events,
// which sit in the hash-chained log under the signed Merkle root.
import type { CustodyEvent } from '../model/custody';
import { CanonicalJsonError, parseCanonical } from './canonical-json';
import type { Checkpoint } from './custody';
import { custodyProofShape, extendsEarlier, verifyCustodyProof } from './custody-disclosure';
import { checkRotationEvent, Handovers } from './key-rotation';
import { paths, type Manifest } from './manifest';
import {
  captureShape,
  custodyEventShape,
  linkShape,
  recordIdShape,
  redactionShape,
} from './package-records';
import { redactionSeal } from './redaction-seal';
import { captureSeal } from './seal';
import { FINGERPRINT, parseShape, type Infer, type Shape } from './shape';
import type { CheckList } from './verify-report';
import { outcome } from './verify-messages';

type Kept = ReadonlyMap<string, Uint8Array>;
type PackageCapture = Infer<typeof captureShape>;
type PackageLink = Infer<typeof linkShape>;

export interface RecordsResult {
  /** Key handovers signed by the previous key, from the disclosed `key_rotated` events. */
  handovers: Handovers;
}

export async function verifyRecords(
  manifest: Manifest,
  kept: Kept,
  checks: CheckList,
  context: { signer: string | null; earlier: readonly Checkpoint[] },
): Promise<RecordsResult> {
  const files = new Map(manifest.files.map((f) => [f.path, f]));
  const withheld = new Map((manifest.withheld ?? []).map((w) => [w.path, w]));
  const captures: PackageCapture[] = [];
  let sound = 0;
  for (const item of manifest.contents.captures) {
    const capture = record(kept, item.path, captureShape, checks);
    if (!capture) continue;
    captures.push(capture);
    if (await checkCapture(capture, item, files, withheld, checks)) sound++;
  }
  if (sound === manifest.contents.captures.length)
    checks.pass(null, 'captures_ok', { count: sound });
  else checks.fail(null, 'captures_failed', { count: manifest.contents.captures.length - sound });
  const redactedCopies = await checkRedactions(manifest, kept, files, captures, checks);
  // Originals left out on purpose: listed by hash, never as missing; a file is one or the other.
  // The redacted copy named in its place must be one the package proves: a sound redaction record
  // of this very original whose copy is in the package.
  for (const w of withheld.values()) {
    if (files.has(w.path)) checks.fail(w.path, 'withheld_included');
    else if (w.redactedCopy !== null && !redactedCopies.has(copyOf(w.redactedCopy, w.sha256)))
      checks.fail(w.path, 'withheld_copy_unproven', { copy: w.redactedCopy });
    else
      checks.pass(w.path, 'withheld_listed', {
        sha256: w.sha256,
        size: w.size,
        reason: w.reason,
        copy: w.redactedCopy,
      });
  }
  for (const item of [...manifest.contents.cases, ...manifest.contents.persons]) {
    const value = record(kept, item.path, recordIdShape, checks);
    if (value && value.id !== item.id)
      checks.fail(item.path, 'record_id_mismatch', { id: value.id, expected: item.id });
  }
  const links: PackageLink[] = [];
  for (const item of manifest.contents.links) {
    const link = record(kept, item.path, linkShape, checks);
    if (!link) continue;
    // linkShape already refuses a link that names neither a person nor a case.
    if (link.id !== item.id)
      checks.fail(item.path, 'record_id_mismatch', { id: link.id, expected: item.id });
    else links.push(link);
  }
  const handovers = new Handovers();
  const custody = await checkCustody(manifest, kept, checks, context.earlier);
  if (custody) {
    // Events not proven to sit in the signed log can still show what is wrong, never vouch.
    const result = custody.proven ? checks : checks.failuresOnly();
    const own = await keyHistory(
      custody.events,
      context.signer,
      custody.proven ? handovers : new Handovers(),
      result,
    );
    checkEntries(captures, custody.events, own, manifest.custody.events, result);
    checkLinks(links, custody.events, own, manifest.custody.events, result);
  }
  return { handovers };
}

function record<T>(kept: Kept, path: string, shape: Shape<T>, checks: CheckList): T | null {
  const bytes = kept.get(path);
  if (!bytes) {
    checks.fail(path, 'record_missing');
    return null;
  }
  const value = canonical(bytes, path, checks);
  if (value === undefined) return null;
  const parsed = parseShape(shape, value);
  if (parsed.ok) return parsed.value;
  checks.failWith(path, parsed.issues[0]!);
  return null;
}

function canonical(bytes: Uint8Array, path: string, checks: CheckList, line?: number): unknown {
  try {
    return parseCanonical(bytes, path);
  } catch (error) {
    if (!(error instanceof CanonicalJsonError) || !error.outcome) throw error;
    checks.failWith(
      path,
      error.outcome,
      line === undefined ? undefined : outcome('at_line', { line }),
    );
    return undefined;
  }
}

async function checkCapture(
  capture: PackageCapture,
  item: Manifest['contents']['captures'][number],
  files: ReadonlyMap<string, { sha256: string; size: number }>,
  withheld: ReadonlyMap<string, { sha256: string; size: number }>,
  checks: CheckList,
): Promise<boolean> {
  let ok = true;
  if (
    capture.id !== item.id ||
    capture.seal !== item.seal ||
    capture.url !== item.url ||
    capture.sealedAt !== item.sealedAt
  ) {
    checks.fail(item.path, 'capture_entry_mismatch');
    ok = false;
  }
  if ((await captureSeal(capture as Parameters<typeof captureSeal>[0])) !== capture.seal) {
    checks.fail(item.path, 'capture_seal_bad');
    ok = false;
  }
  for (const a of capture.artifacts) {
    const path = paths.artifact(capture.id, a.name);
    const file = files.get(path) ?? withheld.get(path);
    if (!file) {
      checks.fail(path, 'artifact_absent');
      ok = false;
    } else if (file.sha256 !== a.sha256 || file.size !== a.size) {
      checks.fail(path, 'artifact_differs', { sha256: a.sha256 });
      ok = false;
    }
  }
  return ok;
}

/** A redacted copy's path and its original's hash, as one key. */
const copyOf = (copyPath: string, originalSha256: string) => `${copyPath} ${originalSha256}`;

/**
 * Each redacted copy: a sound record, of an artifact of an included capture, its bytes present.
 * Answers the copies proven so, as `copyOf` keys.
 */
async function checkRedactions(
  manifest: Manifest,
  kept: Kept,
  files: ReadonlyMap<string, { sha256: string; size: number }>,
  captures: readonly PackageCapture[],
  checks: CheckList,
): Promise<Set<string>> {
  const proven = new Set<string>();
  for (const item of manifest.contents.redactions ?? []) {
    const r = record(kept, item.path, redactionShape, checks);
    if (!r) continue;
    const before = checks.failures.length;
    if (r.id !== item.id)
      checks.fail(item.path, 'record_id_mismatch', { id: r.id, expected: item.id });
    if ((await redactionSeal(r as Parameters<typeof redactionSeal>[0])) !== r.seal)
      checks.fail(item.path, 'redaction_seal_bad');
    const capture = captures.find((c) => c.id === r.captureId);
    if (!capture) checks.fail(item.path, 'redaction_capture_absent', { id: r.captureId });
    else if (
      !capture.artifacts.some((a) => a.sha256 === r.original.sha256 && a.name === r.original.name)
    )
      checks.fail(item.path, 'redaction_original_unknown', {
        name: r.original.name,
        sha256: r.original.sha256,
        id: r.captureId,
      });
    const path = paths.artifact(r.captureId, r.derived.name);
    const file = files.get(path);
    if (!file || file.sha256 !== r.derived.sha256 || file.size !== r.derived.size)
      checks.fail(item.path, 'redaction_copy_differs', { path });
    if (checks.failures.length === before) {
      checks.pass(item.path, 'redaction_ok', {
        original: r.original.name,
        sha256: r.original.sha256,
        count: r.regions.length,
      });
      proven.add(copyOf(path, r.original.sha256));
    }
  }
  return proven;
}

/** The disclosed events and whether they are proven against the signed checkpoint. */
async function checkCustody(
  manifest: Manifest,
  kept: Kept,
  checks: CheckList,
  earlier: readonly Checkpoint[],
): Promise<{ events: CustodyEvent[]; proven: boolean } | null> {
  const { events: eventsPath, proof: proofPath, checkpoint } = manifest.custody;
  const eventBytes = kept.get(eventsPath);
  const proofBytes = kept.get(proofPath);
  if (!eventBytes || !proofBytes) {
    checks.fail(eventBytes ? proofPath : eventsPath, 'custody_missing');
    return null;
  }
  const events: CustodyEvent[] = [];
  const lines = splitLines(eventBytes);
  let readable = true;
  for (let i = 0; i < lines.length; i++) {
    const value = canonical(lines[i]!, eventsPath, checks, i + 1);
    if (value === undefined) {
      readable = false;
      continue;
    }
    const parsed = parseShape(custodyEventShape, value);
    if (parsed.ok) events.push(parsed.value);
    else {
      readable = false;
      checks.failWith(eventsPath, parsed.issues[0]!, outcome('at_line', { line: i + 1 }));
    }
  }
  const proof = record(kept, proofPath, custodyProofShape, checks);
  if (!proof) return null;
  if (events.length !== manifest.custody.disclosed)
    checks.fail(eventsPath, 'custody_count', {
      count: events.length,
      listed: manifest.custody.disclosed,
    });
  const problems = await verifyCustodyProof(events, checkpoint, proof);
  for (const p of problems)
    checks.failWith(
      p.seq === null ? proofPath : eventsPath,
      p.outcome,
      p.seq === null ? undefined : outcome('at_event', { seq: p.seq }),
    );
  if (problems.length === 0)
    checks.pass(eventsPath, 'custody_ok', {
      count: events.length,
      size: checkpoint.size,
      earlier: proof.earlier.length,
    });
  for (const c of earlier) {
    if (problems.length === 0 && extendsEarlier(checkpoint, proof, c))
      checks.pass(proofPath, 'earlier_ok', { size: c.size });
    else checks.fail(proofPath, 'earlier_bad', { size: c.size, root: c.root });
  }
  return { events, proven: readable && problems.length === 0 };
}

/**
 * The signer's own keys: the signer and every key it took over from, as the (signed) log's
 * `key_rotated` events say. Handovers signed by the previous key are collected for confirming a
 * pinned fingerprint; a change without one is reported, one with a bad signature fails.
 */
async function keyHistory(
  events: readonly CustodyEvent[],
  signer: string | null,
  handovers: Handovers,
  checks: CheckList,
): Promise<Set<string>> {
  for (const e of events.filter((x) => x.type === 'key_rotated')) {
    const r = await checkRotationEvent(e);
    const params = { previous: r.previous, next: r.next, seq: e.seq };
    if (r.kind === 'signed') {
      handovers.add(r.previous, r.next);
      checks.pass(null, 'rotation_ok', params);
    } else if (r.kind === 'unsigned') checks.note(null, 'rotation_unsigned', params);
    else checks.fail(null, 'rotation_bad', { ...params, reason: r.reason });
  }
  const own = new Set(signer ? [signer] : []);
  for (let grew = true; grew;) {
    grew = false;
    for (const e of events)
      if (
        e.type === 'key_rotated' &&
        own.has(String(e.data.fingerprint)) &&
        !own.has(String(e.data.previous))
      ) {
        own.add(String(e.data.previous));
        grew = true;
      }
  }
  return own;
}

const IMPORT_ACTOR = new RegExp(`^import:${FINGERPRINT.source.slice(1, -1)}$`);

/** Each capture's seal and URL are those of the event it entered custody with, by our keys. */
function checkEntries(
  captures: readonly PackageCapture[],
  events: readonly CustodyEvent[],
  own: ReadonlySet<string>,
  eventsPath: string,
  checks: CheckList,
): void {
  let sound = 0;
  for (const capture of captures) {
    const entry = events.find(
      (e) =>
        e.subject.kind === 'capture' &&
        e.subject.id === capture.id &&
        (e.type === 'captured' || e.type === 'imported'),
    );
    if (!entry) {
      checks.fail(eventsPath, 'capture_no_entry_event', { id: capture.id });
      continue;
    }
    const before = checks.failures.length;
    const { seal, url } = entry.data;
    if (seal !== capture.seal)
      checks.fail(eventsPath, 'capture_event_seal', {
        id: capture.id,
        sealed: String(seal),
        seal: capture.seal,
        seq: entry.seq,
      });
    if ((entry.type === 'captured' || url !== undefined) && url !== capture.url)
      checks.fail(eventsPath, 'capture_event_url', {
        id: capture.id,
        eventUrl: String(url),
        url: capture.url,
        seq: entry.seq,
      });
    const actorOk =
      entry.type === 'captured'
        ? own.has(entry.actor)
        : IMPORT_ACTOR.test(entry.actor) || own.has(entry.actor);
    if (!actorOk)
      checks.fail(eventsPath, 'capture_event_actor', {
        id: capture.id,
        actor: entry.actor,
        seq: entry.seq,
      });
    if (checks.failures.length === before) sound++;
  }
  if (captures.length > 0 && sound === captures.length)
    checks.pass(eventsPath, 'captures_sealed_ok', { count: sound });
}

/** Every tag has its `tagged` event (same person, case, category and note) and no later `untagged`. */
function checkLinks(
  links: readonly PackageLink[],
  events: readonly CustodyEvent[],
  own: ReadonlySet<string>,
  eventsPath: string,
  checks: CheckList,
): void {
  let sound = 0;
  for (const link of links) {
    const tagged = events.find(
      (e) =>
        e.type === 'tagged' &&
        e.subject.kind === 'capture' &&
        e.subject.id === link.captureId &&
        e.data.linkId === link.id &&
        e.data.personId === link.personId &&
        e.data.caseId === link.caseId &&
        e.data.category === link.category &&
        e.data.note === link.note,
    );
    if (!tagged) {
      checks.fail(eventsPath, 'link_no_event', { id: link.id });
      continue;
    }
    const removed = events.find(
      (e) => e.type === 'untagged' && e.data.linkId === link.id && e.seq > tagged.seq,
    );
    if (removed) {
      checks.fail(eventsPath, 'link_untagged', { id: link.id, seq: removed.seq });
      continue;
    }
    if (!own.has(tagged.actor) && !IMPORT_ACTOR.test(tagged.actor)) {
      checks.fail(eventsPath, 'link_event_actor', {
        id: link.id,
        actor: tagged.actor,
        seq: tagged.seq,
      });
      continue;
    }
    sound++;
  }
  if (links.length > 0 && sound === links.length)
    checks.pass(eventsPath, 'links_ok', { count: sound });
}

function splitLines(bytes: Uint8Array): Uint8Array[] {
  const lines: Uint8Array[] = [];
  let start = 0;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] === 0x0a) {
      lines.push(bytes.subarray(start, i));
      start = i + 1;
    }
  }
  if (start < bytes.length) lines.push(bytes.subarray(start));
  return lines;
}
