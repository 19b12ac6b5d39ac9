import { listObjects, type ListOptions } from './listing';
import { factsFromHeaders, type PackageFacts } from './metadata';
import { parsePackageKey } from './object-key';
import type { S3Op } from './s3-op';
import { packageKeyOfIndex, readTeamIndex, type IndexProblem } from './team-index';
import { context } from './upload';

/** What the pull side shows about one package, before downloading it. */
export interface TeamEntry {
  fingerprint: string;
  /** UTC day from the object's key. */
  day: string;
  packageId: string;
  /** The package's key, or null when only its index is there (the upload has not arrived). */
  key: string | null;
  indexKey: string | null;
  size: number | null;
  lastModified: string | null;
  /** From the signed index, else from the package's unsigned S3 metadata, else unknown. */
  facts: Omit<PackageFacts, 'packageId' | 'signer'> | null;
  source: 'index' | 'metadata' | 'none';
  /** An index that is there but does not check out, or does not match the package listed. */
  indexProblem: IndexProblem | null;
}

const INDEX_MAX_BYTES = 256 * 1024;
const AT_ONCE = 6;

/**
 * The team's packages under `prefix` (the whole `dalel/` tree, or one monitor's), from one
 * listing plus each package's small signed index (`team-index.ts`); a package uploaded before the
 * index existed is described by its S3 metadata (a HEAD). Nothing here is trusted as evidence:
 * whoever imports a package verifies the package itself.
 */
export async function listTeam(prefix: string, options: ListOptions): Promise<TeamEntry[]> {
  const ctx = context(options);
  const entries = new Map<string, TeamEntry>();
  const entryOf = (packageKey: string): TeamEntry => {
    const parsed = parsePackageKey(packageKey)!;
    let entry = entries.get(packageKey);
    if (!entry) {
      entry = {
        ...parsed,
        key: null,
        indexKey: null,
        size: null,
        lastModified: null,
        facts: null,
        source: 'none',
        indexProblem: null,
      };
      entries.set(packageKey, entry);
    }
    return entry;
  };
  const indexSizes = new Map<string, number>();
  for (const object of await listObjects(prefix, options)) {
    if (parsePackageKey(object.key)) {
      const entry = entryOf(object.key);
      entry.key = object.key;
      entry.size = object.size;
      entry.lastModified = object.lastModified;
      continue;
    }
    const packageKey = packageKeyOfIndex(object.key);
    if (!packageKey) continue;
    entryOf(packageKey).indexKey = object.key;
    indexSizes.set(object.key, object.size);
  }
  const describe = async (entry: TeamEntry) => {
    if (entry.indexKey) {
      if ((indexSizes.get(entry.indexKey) ?? 0) > INDEX_MAX_BYTES) {
        entry.indexProblem = 'too_large';
      } else {
        const op: S3Op = { op: 'get', key: entry.indexKey, headers: {} };
        const answer = await ctx.send(op, await options.signer.sign(op), null);
        const check = await readTeamIndex(entry.indexKey, answer.body);
        if (check.ok) {
          const { created, kind, captures, cases, sha256, size } = check.index;
          entry.facts = { created, kind, captures, cases, sha256 };
          entry.source = 'index';
          if (entry.size !== null && entry.size !== size) entry.indexProblem = 'size_mismatch';
          return;
        }
        entry.indexProblem = check.problem;
      }
    }
    if (!entry.key) return;
    const op: S3Op = { op: 'head', key: entry.key, headers: {} };
    const head = await ctx.send(op, await options.signer.sign(op), null);
    const facts = factsFromHeaders(head.headers);
    if (facts.created && facts.kind && facts.sha256 && facts.captures !== undefined) {
      entry.facts = {
        created: facts.created,
        kind: facts.kind,
        captures: facts.captures,
        cases: facts.cases ?? [],
        sha256: facts.sha256,
      };
      entry.source = 'metadata';
    }
  };
  const all = [...entries.values()];
  for (let at = 0; at < all.length; at += AT_ONCE)
    await Promise.all(all.slice(at, at + AT_ONCE).map(describe));
  return all.sort(
    (a, b) =>
      a.fingerprint.localeCompare(b.fingerprint) ||
      a.day.localeCompare(b.day) ||
      a.packageId.localeCompare(b.packageId),
  );
}
