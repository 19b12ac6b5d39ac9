// A bounded-memory ZIP reader that trusts nothing. It accepts only archives that every ZIP tool
// reads the same way: the end record is the last 22 bytes (no comment, nothing after it), the
// central directory and each local header agree field for field, entries tile the archive from
// offset 0 to the central directory (no junk, hidden data or overlaps), no comments, no extra
// field that renames an entry, regular files only. It checks counts, sizes and ratios before
// inflating and caps inflation at the declared size while streaming (integrity.md Z1–Z9); the
// entry reader refuses bytes after a DEFLATE stream's end and descriptor look-alikes in stored
// data (entry-stream.ts). Archives in another accepted form than our writer's (a re-pack) are
// read the same way; `changes` says how they differ.
import type { FormChange } from '../verify-messages';
import { parseCentralDirectory } from './central';
import { findEnd } from './end-records';
import {
  DEFAULT_LIMITS,
  entryProblem,
  outcome,
  readExact,
  ZipError,
  type EntryProblem,
  type ZipArchive,
  type ZipEntry,
  type ZipLimits,
} from './entry';
import { METHOD_STORE } from './format';
import { checkLocalHeaders } from './local-headers';
import { collisionKey, nameProblems, unsafeName } from './names';
import type { ZipSource } from './source';

export * from './entry';
export { readEntry, readEntryBytes } from './entry-stream';

export async function openZip(
  source: ZipSource,
  limits: ZipLimits = DEFAULT_LIMITS,
): Promise<ZipArchive> {
  const end = await findEnd(source);
  if (end.count > limits.maxEntries)
    throw new ZipError(
      outcome('zip_too_many_entries', { count: end.count, limit: limits.maxEntries }),
      'invalid',
    );
  if (end.cdSize > limits.maxCentralDirectory || end.cdSize < end.count * 46)
    throw new ZipError(
      outcome('zip_cd_implausible', { size: end.cdSize, count: end.count }),
      'invalid',
    );
  if (end.cdOffset + end.cdSize !== end.cdEnd)
    throw new ZipError(
      outcome('zip_cd_misplaced', { bytes: end.cdEnd - end.cdOffset - end.cdSize }),
      'invalid',
    );
  const cd = await readExact(source, end.cdOffset, end.cdSize, 'central directory');
  const records = parseCentralDirectory(cd, end.count);
  const changes = new Set<FormChange>(records.flatMap((r) => r.changes));
  if (!end.dalelForm) changes.add('zip64');
  const first = records[0];
  if (first && records.some((r) => r.dosTime !== first.dosTime || r.dosDate !== first.dosDate))
    changes.add('times');
  await checkLocalHeaders(source, records, end.cdOffset, changes);

  const files = records.filter((r) => !r.directory).map((r) => r.entry);
  const directories = records.filter((r) => r.directory).map((r) => r.entry.name);
  const problems = [
    ...nameProblems(
      records.map((r) => r.entry.name),
      true,
    ),
    ...directoryProblems(directories, files),
    ...limitProblems(files, limits),
  ];
  return { entries: files, directories, problems, changes: [...changes] };
}

/**
 * A directory entry holds no bytes; it is accepted only where a re-pack would put one: above at
 * least one file, and not under the name of a file (tools could not create both).
 */
function directoryProblems(
  directories: readonly string[],
  files: readonly ZipEntry[],
): EntryProblem[] {
  const problems: EntryProblem[] = [];
  const fileKeys = new Set(files.map((f) => collisionKey(f.name)));
  for (const dir of directories) {
    if (unsafeName(dir.slice(0, -1))) continue; // reported by the name check
    if (fileKeys.has(collisionKey(dir.slice(0, -1))))
      problems.push(entryProblem(dir, outcome('zip_directory_is_file')));
    else if (!files.some((f) => collisionKey(f.name).startsWith(collisionKey(dir))))
      problems.push(entryProblem(dir, outcome('zip_directory_orphan')));
  }
  return problems;
}

function limitProblems(entries: readonly ZipEntry[], limits: ZipLimits): EntryProblem[] {
  const problems: EntryProblem[] = [];
  let total = 0;
  for (const e of entries) {
    total += e.size;
    if (e.size > limits.maxEntrySize) {
      problems.push(
        entryProblem(
          e.name,
          outcome('zip_entry_too_large', { size: e.size, limit: limits.maxEntrySize }),
        ),
      );
    } else if (e.method === METHOD_STORE && e.size !== e.compressedSize) {
      problems.push(entryProblem(e.name, outcome('zip_stored_sizes')));
    } else if (e.size > limits.ratioFloor && e.size > e.compressedSize * limits.maxRatio) {
      const ratio = Math.round(e.size / Math.max(1, e.compressedSize));
      problems.push(entryProblem(e.name, outcome('zip_ratio', { ratio, limit: limits.maxRatio })));
    }
  }
  if (total > limits.maxTotalSize)
    problems.push(
      entryProblem(
        '(archive)',
        outcome('zip_total_too_large', { size: total, limit: limits.maxTotalSize }),
      ),
    );
  return problems;
}
