import type { Capture } from '../model/capture';
import type { Link } from '../model/link';
import type { SCOPE_KINDS } from '../evidence/manifest';
import type { ExportProgress, PackageInput } from '../evidence/package-input';
import type { Signer } from '../evidence/signing';
import type { Store } from '../store/store';
import type { Language } from '../i18n/translator';
import type { CustodyEvent } from '../model/custody';
import { fromBase64 } from '../evidence/hex';

export interface ExportScope {
  kind: (typeof SCOPE_KINDS)[number];
  /** Case id, person id, or capture ids; empty for `all`. */
  ids: string[];
}

export class EmptyExportError extends Error {
  constructor(scope: ExportScope) {
    super(
      `Nothing to export: no captures are tagged to this ${scope.kind === 'all' ? 'store' : scope.kind}.`,
    );
    this.name = 'EmptyExportError';
  }
}

async function selectLinks(store: Store, scope: ExportScope): Promise<Link[]> {
  const [id] = scope.ids;
  if (scope.kind === 'case') return store.links.forCase(id!);
  if (scope.kind === 'person') return store.links.forPerson(id!);
  // A capture chosen twice is one capture: its links must not be listed (and packed) twice.
  if (scope.kind === 'selection')
    return (
      await Promise.all([...new Set(scope.ids)].map((c) => store.links.forCapture(c)))
    ).flat();
  return store.links.all();
}

/**
 * Selects what a package of `scope` contains, straight from the store: the captures, the persons
 * and cases they are tagged to (for a case: the case and the persons tagged with it), the links
 * among them, and the custody events about all of these with a Merkle proof that they sit in
 * the full log.
 */
export async function buildPackageInput(
  store: Store,
  scope: ExportScope,
  context: {
    signer: Signer;
    tool: { name: string; version: string };
    now: Date;
    onProgress?: (progress: ExportProgress) => void;
    /** The reports' language (chosen at export). */
    language?: Language;
    /** Carry redacted copies instead of originals that show the monitor's own account. */
    withholdRedactedOriginals?: boolean;
  },
): Promise<PackageInput> {
  if (scope.kind !== 'all' && scope.ids.length === 0)
    throw new Error(`an export of a ${scope.kind} needs an id`);
  if ((scope.kind === 'case' || scope.kind === 'person') && scope.ids.length !== 1)
    throw new Error(`an export of a ${scope.kind} takes exactly one id`);
  if (scope.kind === 'case' && !(await store.cases.get(scope.ids[0]!)))
    throw new Error(`no case ${scope.ids[0]}`);
  if (scope.kind === 'person' && !(await store.persons.get(scope.ids[0]!)))
    throw new Error(`no person ${scope.ids[0]}`);

  const scopeLinks = await selectLinks(store, scope);
  const captureIds =
    scope.kind === 'selection'
      ? [...new Set(scope.ids)]
      : scope.kind === 'all'
        ? (await store.captures.list()).map((c) => c.id)
        : [...new Set(scopeLinks.map((l) => l.captureId))];
  const captures: Capture[] = [];
  for (const id of captureIds) {
    const capture = await store.captures.get(id);
    if (!capture) throw new Error(`no capture ${id}`);
    captures.push(capture);
  }
  if (captures.length === 0) throw new EmptyExportError(scope);
  captures.sort((a, b) => a.sealedAt.localeCompare(b.sealedAt) || a.id.localeCompare(b.id));

  const personIds = new Set(scopeLinks.flatMap((l) => (l.personId ? [l.personId] : [])));
  const caseIds = new Set(scopeLinks.flatMap((l) => (l.caseId ? [l.caseId] : [])));
  if (scope.kind === 'case') caseIds.add(scope.ids[0]!);
  if (scope.kind === 'person') personIds.add(scope.ids[0]!);
  const persons = (await Promise.all([...personIds].map((id) => store.persons.get(id)))).flatMap(
    (p) => (p ? [p] : []),
  );
  const cases = (await Promise.all([...caseIds].map((id) => store.cases.get(id)))).flatMap((c) =>
    c ? [c] : [],
  );
  const links = scopeLinks
    .filter((l) => captureIds.includes(l.captureId))
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));

  // The events about the items and about the signing keys (their creation and rotation), proven
  // against the whole log by its Merkle tree: the rest of the log is never read.
  const keyIds = (await store.keys.list()).map((k) => k.id);
  const custody = await store.custody.disclose([
    ...captureIds,
    ...personIds,
    ...caseIds,
    ...keyIds,
  ]);

  const redactions = (
    await Promise.all(
      captures.map(async (c) => [...(await store.redactions.current(c.id)).values()]),
    )
  ).flat();
  return {
    scope: { kind: scope.kind, ids: scope.kind === 'all' ? [] : [...scope.ids] },
    captureTimestamps: captureTokens(captures, custody.events),
    cases,
    persons,
    links,
    captures,
    redactions,
    withholdRedactedOriginals: context.withholdRedactedOriginals ?? false,
    custody,
    openArtifact: (sha256) => store.artifacts.blob(sha256),
    signer: context.signer,
    tool: context.tool,
    now: context.now,
    onProgress: context.onProgress,
    language: context.language,
  };
}

/** Capture-time tokens from the disclosed `timestamped` events, per capture, in log order. */
function captureTokens(
  captures: readonly Capture[],
  events: readonly CustodyEvent[],
): Map<string, Uint8Array[]> {
  const seals = new Map(captures.map((c) => [c.id, c.seal]));
  const tokens = new Map<string, Uint8Array[]>();
  for (const e of events) {
    if (e.type !== 'timestamped' || e.subject.kind !== 'capture') continue;
    const { seal, token } = e.data as { seal?: unknown; token?: unknown };
    if (typeof token !== 'string' || seal !== seals.get(e.subject.id)) continue;
    tokens.set(e.subject.id, [...(tokens.get(e.subject.id) ?? []), fromBase64(token)]);
  }
  return tokens;
}
