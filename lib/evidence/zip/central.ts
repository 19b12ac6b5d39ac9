// The central directory, record by record. Besides sizes and offsets, everything that can make
// ZIP tools disagree about what an entry is — a comment, an unknown or renaming extra field, a
// symlink or device bit in the attributes, flags we do not know — is refused here; what only
// differs from our writer's form (a re-pack by zip, Explorer or Finder) is noted as a change.
import { outcome, type FileType, type FormChange } from '../verify-messages';
import { ZipError, type ZipEntry } from './entry';
import { EXTRA, parseExtras, zip64Values } from './extras';
import {
  EXTERNAL_DALEL,
  FLAG_DEFLATE_LEVEL,
  FLAG_DESCRIPTOR,
  FLAG_ENCRYPTED,
  FLAG_UTF8,
  MADE_BY_DALEL,
  MAX32,
  METHOD_DEFLATE,
  METHOD_STORE,
  SIG,
} from './format';

/** What the local header and the form checks need beyond the entry itself. */
export interface CentralRecord {
  entry: ZipEntry;
  nameBytes: Uint8Array;
  versionNeeded: number;
  dosTime: number;
  dosDate: number;
  directory: boolean;
  /** True when this record is exactly what our writer writes. */
  dalelForm: boolean;
  changes: FormChange[];
}

const HOST_MSDOS = 0;
const HOST_UNIX = 3;
const HOST_NTFS = 10;
const HOST_OSX = 19;
const KNOWN_HOSTS = new Set([HOST_MSDOS, HOST_UNIX, HOST_NTFS, HOST_OSX]);
const ALLOWED_FLAGS = FLAG_DESCRIPTOR | FLAG_UTF8 | FLAG_DEFLATE_LEVEL;
const DOS_READONLY = 0x01;
const DOS_DIRECTORY = 0x10;
const DOS_ARCHIVE = 0x20;
const S_IFMT = 0o170000;
const S_IFREG = 0o100000;
const S_IFDIR = 0o040000;
const FILE_TYPES: Record<number, FileType> = {
  0o120000: 'symlink',
  0o140000: 'socket',
  0o060000: 'block_device',
  0o020000: 'char_device',
  0o010000: 'fifo',
  [S_IFDIR]: 'directory',
};

export function parseCentralDirectory(cd: Uint8Array, count: number): CentralRecord[] {
  const view = new DataView(cd.buffer, cd.byteOffset, cd.byteLength);
  const records: CentralRecord[] = [];
  let at = 0;
  for (let i = 0; i < count; i++) {
    if (at + 46 > cd.length || view.getUint32(at, true) !== SIG.central)
      throw new ZipError(outcome('zip_cd_damaged', { index: i }), 'invalid');
    const nameLen = view.getUint16(at + 28, true);
    const extraLen = view.getUint16(at + 30, true);
    const commentLen = view.getUint16(at + 32, true);
    const next = at + 46 + nameLen + extraLen + commentLen;
    if (next > cd.length) throw new ZipError(outcome('zip_cd_overrun', { index: i }), 'invalid');
    const flags = view.getUint16(at + 8, true);
    const nameBytes = cd.subarray(at + 46, at + 46 + nameLen);
    const name = decodeName(nameBytes, flags);
    records.push(
      parseRecord(
        view,
        at,
        name,
        nameBytes,
        cd.subarray(at + 46 + nameLen, at + 46 + nameLen + extraLen),
        commentLen,
      ),
    );
    at = next;
  }
  if (at !== cd.length) throw new ZipError(outcome('zip_cd_trailing'), 'invalid');
  return records;
}

function parseRecord(
  view: DataView,
  at: number,
  name: string,
  nameBytes: Uint8Array,
  extraBytes: Uint8Array,
  commentLen: number,
): CentralRecord {
  const fail = (o: ReturnType<typeof outcome>) => new ZipError(o, 'invalid', name);
  const madeBy = view.getUint16(at + 4, true);
  const versionNeeded = view.getUint16(at + 6, true);
  const flags = view.getUint16(at + 8, true);
  const method = view.getUint16(at + 10, true);
  const internal = view.getUint16(at + 36, true);
  const external = view.getUint32(at + 38, true);
  if (view.getUint16(at + 34, true) !== 0) throw fail(outcome('zip_other_disk'));
  if (flags & FLAG_ENCRYPTED) throw fail(outcome('zip_encrypted'));
  if (flags & ~ALLOWED_FLAGS)
    throw fail(outcome('zip_flags', { flags: flags.toString(16).padStart(4, '0') }));
  if (method !== METHOD_STORE && method !== METHOD_DEFLATE)
    throw fail(outcome('zip_method', { method }));
  if ((versionNeeded & 0xff) > 45)
    throw fail(outcome('zip_version', { version: `${(versionNeeded & 0xff) / 10}` }));
  if (commentLen !== 0) throw fail(outcome('zip_entry_comment', { length: commentLen }));
  if (internal & ~1)
    throw fail(outcome('zip_internal_attributes', { value: internal.toString(16) }));
  const host = madeBy >> 8;
  if (!KNOWN_HOSTS.has(host)) throw fail(outcome('zip_host', { host }));
  const directory = name.endsWith('/');
  checkAttributes(host, external, directory, fail);

  const extras = parseExtras(extraBytes, name);
  let compressedSize = view.getUint32(at + 20, true);
  let size = view.getUint32(at + 24, true);
  let localOffset = view.getUint32(at + 42, true);
  const markers = [size, compressedSize, localOffset].filter((v) => v === MAX32).length;
  const z64 = extras.get(EXTRA.zip64);
  if (z64 !== undefined || markers > 0) {
    const values = zip64Values(z64, markers, name);
    if (size === MAX32) size = values.shift()!;
    if (compressedSize === MAX32) compressedSize = values.shift()!;
    if (localOffset === MAX32) localOffset = values.shift()!;
  }
  if (
    directory &&
    (method !== METHOD_STORE ||
      size !== 0 ||
      compressedSize !== 0 ||
      view.getUint32(at + 16, true) !== 0)
  )
    throw fail(outcome('zip_directory_bad'));

  const changes: FormChange[] = [];
  if (directory) changes.push('folders');
  if (madeBy !== MADE_BY_DALEL || versionNeeded !== (markers ? 45 : 20)) changes.push('versions');
  if (flags !== FLAG_DESCRIPTOR) changes.push(flags & FLAG_DESCRIPTOR ? 'flags' : 'descriptors');
  if (external !== EXTERNAL_DALEL || internal !== 0) changes.push('attributes');
  if ([...extras.keys()].some((id) => id !== EXTRA.zip64)) changes.push('extras');
  if (markers !== 0 && markers !== 3) changes.push('zip64');
  return {
    entry: {
      name,
      method,
      flags,
      crc: view.getUint32(at + 16, true),
      compressedSize,
      size,
      localOffset,
      dataOffset: -1,
    },
    nameBytes,
    versionNeeded,
    dosTime: view.getUint16(at + 12, true),
    dosDate: view.getUint16(at + 14, true),
    directory,
    dalelForm: changes.length === 0,
    changes,
  };
}

/**
 * A file must be a regular file (a symlink, device, pipe or directory bit would make tools create
 * something else than the bytes we checked); hidden, system and volume-label bits are refused too
 * (Explorer hides such files). A directory entry must look like a directory.
 */
function checkAttributes(
  host: number,
  external: number,
  directory: boolean,
  fail: (o: ReturnType<typeof outcome>) => ZipError,
): void {
  const dos = external & 0xff;
  const allowedDos = DOS_READONLY | DOS_ARCHIVE | (directory ? DOS_DIRECTORY : 0);
  if (dos & ~allowedDos) {
    if (!directory && dos & DOS_DIRECTORY)
      throw fail(outcome('zip_file_type', { type: 'directory' }));
    throw fail(outcome('zip_dos_attributes', { value: dos.toString(16).padStart(2, '0') }));
  }
  if ((external >>> 8) & 0xff)
    throw fail(outcome('zip_dos_attributes', { value: external.toString(16) }));
  const mode = external >>> 16;
  if (host === HOST_UNIX || host === HOST_OSX) {
    if (mode === 0) return;
    if (mode & 0o7000) throw fail(outcome('zip_file_type', { type: 'setid' }));
    const type = mode & S_IFMT;
    if (directory ? type !== S_IFDIR && type !== 0 : type !== S_IFREG)
      throw directory
        ? fail(outcome('zip_directory_bad'))
        : fail(outcome('zip_file_type', { type: FILE_TYPES[type] ?? 'unknown' }));
  } else if (mode !== 0) {
    throw fail(outcome('zip_dos_attributes', { value: external.toString(16) }));
  }
}

function decodeName(bytes: Uint8Array, flags: number): string {
  const ascii = bytes.every((b) => b < 0x80);
  if (ascii || flags & FLAG_UTF8) {
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      throw new ZipError(outcome('zip_name_not_utf8'), 'invalid');
    }
  }
  // Legacy code-page names are ambiguous across tools; show them but they fail the name rule.
  return new TextDecoder('utf-8').decode(bytes);
}
