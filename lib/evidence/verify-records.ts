// Checks of what the files say, once their bytes are known to match the manifest: each capture's
// seal and capture-time artifact hashes, the records' form, and the custody trail.
import type { z } from 'zod';
import { captureSchema, type Capture } from '../model/capture';
import { custodyEventSchema, type CustodyEvent } from '../model/custody';
import { legalCaseSchema } from '../model/legal-case';
import { linkSchema } from '../model/link';
import { personSchema } from '../model/person';
import { parseCanonical } from './canonical-json';
import type { Checkpoint } from './custody';
import { custodyProofSchema, extendsEarlier, verifyCustodyProof } from './custody-disclosure';
import { paths, type Manifest } from './manifest';
import { captureSeal } from './seal';
import { redactionSchema } from '../model/redaction';
import { redactionSeal } from './redaction-seal';
import type { CheckList } from './verify-report';

type Kept = ReadonlyMap<string, Uint8Array>;

export async function verifyRecords(
  manifest: Manifest,
  kept: Kept,
  checks: CheckList,
  earlier: readonly Checkpoint[],
): Promise<void> {
  const files = new Map(manifest.files.map((f) => [f.path, f]));
  const withheld = new Map((manifest.withheld ?? []).map((w) => [w.path, w]));
  let captures = 0;
  const read: Capture[] = [];
  for (const item of manifest.contents.captures) {
    const capture = record(kept, item.path, captureSchema, checks);
    if (!capture) continue;
    read.push(capture);
    const ok = await checkCapture(capture, item, files, withheld, checks);
    if (ok) captures++;
  }
  for (const w of withheld.values()) {
    if (files.has(w.path)) checks.fail(w.path, 'listed as withheld and as included');
    else
      checks.pass(
        w.path,
        `withheld: hash listed (${w.sha256}, ${w.size} bytes), bytes not included (${w.reason}${w.redactedCopy ? `; redacted copy ${w.redactedCopy}` : ''})`,
      );
  }
  await checkRedactions(manifest, kept, files, read, checks);
  checks.expect(
    captures === manifest.contents.captures.length,
    null,
    `${captures} captures: seals and capture-time hashes match`,
    `${manifest.contents.captures.length - captures} captures failed their record checks`,
  );
  for (const [items, schema] of [
    [manifest.contents.cases, legalCaseSchema],
    [manifest.contents.persons, personSchema],
    [manifest.contents.links, linkSchema],
  ] as const) {
    for (const item of items) {
      const value = record(kept, item.path, schema as z.ZodType<{ id: string }>, checks);
      if (value && value.id !== item.id)
        checks.fail(item.path, `record id ${value.id} is not ${item.id}`);
    }
  }
  await checkCustody(manifest, kept, checks, earlier);
}

function record<T>(kept: Kept, path: string, schema: z.ZodType<T>, checks: CheckList): T | null {
  const bytes = kept.get(path);
  if (!bytes) {
    checks.fail(path, 'record missing or unreadable');
    return null;
  }
  try {
    const parsed = schema.safeParse(parseCanonical(bytes, path));
    if (parsed.success) return parsed.data;
    const issue = parsed.error.issues[0]!;
    checks.fail(path, `${issue.path.join('.') || '(root)'}: ${issue.message}`);
  } catch (error) {
    checks.fail(path, (error as Error).message.replace(`${path}: `, ''));
  }
  return null;
}

async function checkCapture(
  capture: Capture,
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
    checks.fail(item.path, 'record does not match its manifest entry');
    ok = false;
  }
  if ((await captureSeal(capture)) !== capture.seal) {
    checks.fail(item.path, 'seal does not match the capture record (record altered after capture)');
    ok = false;
  }
  for (const a of capture.artifacts) {
    const path = paths.artifact(capture.id, a.name);
    const file = files.get(path) ?? withheld.get(path);
    if (!file) {
      checks.fail(path, 'artifact of the capture is not in the package');
      ok = false;
    } else if (file.sha256 !== a.sha256 || file.size !== a.size) {
      checks.fail(path, `differs from the hash recorded at capture time (${a.sha256})`);
      ok = false;
    }
  }
  return ok;
}

/** Each redacted copy: a sound record, of an artifact of an included capture, its bytes present. */
async function checkRedactions(
  manifest: Manifest,
  kept: Kept,
  files: ReadonlyMap<string, { sha256: string; size: number }>,
  captures: readonly Capture[],
  checks: CheckList,
): Promise<void> {
  for (const item of manifest.contents.redactions ?? []) {
    const r = record(kept, item.path, redactionSchema, checks);
    if (!r) continue;
    const problems: string[] = [];
    if (r.id !== item.id) problems.push(`record id ${r.id} is not ${item.id}`);
    if ((await redactionSeal(r)) !== r.seal) problems.push('seal does not match the record');
    const capture = captures.find((c) => c.id === r.captureId);
    if (!capture) problems.push(`capture ${r.captureId} is not in the package`);
    else if (
      !capture.artifacts.some((a) => a.sha256 === r.original.sha256 && a.name === r.original.name)
    )
      problems.push(
        `${r.original.name} (${r.original.sha256}) is not an artifact of capture ${r.captureId}`,
      );
    const path = paths.artifact(r.captureId, r.derived.name);
    const file = files.get(path);
    if (!file || file.sha256 !== r.derived.sha256 || file.size !== r.derived.size)
      problems.push(`the redacted copy ${path} is missing or differs from the record`);
    if (problems.length) for (const p of problems) checks.fail(item.path, p);
    else
      checks.pass(
        item.path,
        `redacted copy of ${r.original.name} (original ${r.original.sha256}): ${r.regions.length} region(s) covered`,
      );
  }
}

async function checkCustody(
  manifest: Manifest,
  kept: Kept,
  checks: CheckList,
  earlier: readonly Checkpoint[],
): Promise<void> {
  const { events: eventsPath, proof: proofPath, checkpoint } = manifest.custody;
  const eventBytes = kept.get(eventsPath);
  const proofBytes = kept.get(proofPath);
  if (!eventBytes || !proofBytes) {
    checks.fail(eventBytes ? proofPath : eventsPath, 'custody file missing or unreadable');
    return;
  }
  const events: CustodyEvent[] = [];
  const lines = splitLines(eventBytes);
  for (let i = 0; i < lines.length; i++) {
    try {
      const parsed = custodyEventSchema.safeParse(parseCanonical(lines[i]!, `line ${i + 1}`));
      if (parsed.success) events.push(parsed.data);
      else checks.fail(eventsPath, `line ${i + 1}: ${parsed.error.issues[0]!.message}`);
    } catch (error) {
      checks.fail(eventsPath, (error as Error).message);
    }
  }
  const proof = record(kept, proofPath, custodyProofSchema, checks);
  if (!proof) return;
  if (events.length !== manifest.custody.disclosed) {
    checks.fail(eventsPath, `${events.length} events, manifest says ${manifest.custody.disclosed}`);
  }
  const problems = await verifyCustodyProof(events, checkpoint, proof);
  for (const p of problems)
    checks.fail(
      p.seq === null ? proofPath : eventsPath,
      p.seq === null ? p.reason : `event ${p.seq}: ${p.reason}`,
    );
  // Disclosure is selective by design, but every included capture must show how it entered custody.
  for (const item of manifest.contents.captures) {
    const entered = events.some(
      (e) =>
        e.subject.kind === 'capture' &&
        e.subject.id === item.id &&
        (e.type === 'captured' || e.type === 'imported'),
    );
    if (!entered)
      checks.fail(eventsPath, `no "captured" or "imported" event for capture ${item.id}`);
  }
  if (problems.length === 0) {
    checks.pass(
      eventsPath,
      `custody log intact: ${events.length} disclosed events proven in a log of ${checkpoint.size} against the signed Merkle root` +
        (proof.earlier.length > 0
          ? `, extending ${proof.earlier.length} earlier export checkpoint(s)`
          : ''),
    );
  }
  for (const c of earlier) {
    checks.expect(
      problems.length === 0 && extendsEarlier(checkpoint, proof, c),
      proofPath,
      `extends the earlier checkpoint of ${c.size} events`,
      `does not extend the earlier checkpoint (${c.size} events, root ${c.root}): log truncated or rewritten, or no proof for it`,
    );
  }
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
