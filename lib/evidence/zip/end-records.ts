// The end of central directory record (and its Zip64 twin) must be the archive's last bytes: no
// archive comment, nothing after it. A comment is where a second, "shadow" central directory and
// end record hide, which some tools (unzip, bsdtar, 7-Zip, Python) take instead of ours; bytes
// after the end record make tools disagree on which record is the end. Where both records are
// present, every field of the 32-bit one is either the "see Zip64" marker or the same value.
import { outcome } from '../verify-messages';
import { readExact, ZipError } from './entry';
import { MAX16, MAX32, readU64, SIG } from './format';
import type { ZipSource } from './source';

export interface EndRecord {
  count: number;
  cdSize: number;
  cdOffset: number;
  /** Where the central directory must end: the Zip64 end record, or the end record. */
  cdEnd: number;
  /** True when the records are exactly what our writer writes. */
  dalelForm: boolean;
}

const END = 22;
const LOCATOR = 20;
const ZIP64_END = 56;

export async function findEnd(source: ZipSource): Promise<EndRecord> {
  if (source.size < END) throw new ZipError(outcome('zip_too_small'), 'unreadable');
  const tailLength = Math.min(source.size, END + LOCATOR + MAX16);
  const tailStart = source.size - tailLength;
  const tail = await source.read(tailStart, tailLength);
  const view = new DataView(tail.buffer, tail.byteOffset, tail.byteLength);
  const at = tail.length - END;
  if (view.getUint32(at, true) !== SIG.end || view.getUint16(at + 20, true) !== 0)
    throw endProblem(view, tail.length);
  // Our end record may itself sit inside the comment of an earlier one: a shadow directory.
  const outer = commentReachingEnd(view, tail.length, at - 1);
  if (outer !== null)
    throw new ZipError(outcome('zip_archive_comment', { length: outer }), 'invalid');

  if (view.getUint16(at + 4, true) !== 0 || view.getUint16(at + 6, true) !== 0)
    throw new ZipError(outcome('zip_multi_disk'), 'invalid');
  const count16 = view.getUint16(at + 10, true);
  if (view.getUint16(at + 8, true) !== count16)
    throw new ZipError(outcome('zip_end_counts_disagree'), 'invalid');
  const cdSize32 = view.getUint32(at + 12, true);
  const cdOffset32 = view.getUint32(at + 16, true);
  const endAt = source.size - END;

  const locatorAt = at - LOCATOR;
  if (locatorAt < 0 || view.getUint32(locatorAt, true) !== SIG.zip64Locator) {
    if (count16 === MAX16 || cdSize32 === MAX32 || cdOffset32 === MAX32)
      throw new ZipError(outcome('zip64_locator_missing'), 'invalid');
    return {
      count: count16,
      cdSize: cdSize32,
      cdOffset: cdOffset32,
      cdEnd: endAt,
      dalelForm: true,
    };
  }

  if (view.getUint32(locatorAt + 4, true) !== 0 || view.getUint32(locatorAt + 16, true) !== 1)
    throw new ZipError(outcome('zip_multi_disk'), 'invalid');
  const z64Offset = readU64(view, locatorAt + 8);
  if (z64Offset + ZIP64_END !== endAt - LOCATOR)
    throw new ZipError(outcome('zip64_locator_misplaced'), 'invalid');
  const z = await readExact(source, z64Offset, ZIP64_END, 'Zip64 end record');
  const zv = new DataView(z.buffer, z.byteOffset, z.byteLength);
  const bad = (field: string) => new ZipError(outcome('zip64_end_bad', { field }), 'invalid');
  if (zv.getUint32(0, true) !== SIG.zip64End) throw bad('signature');
  if (readU64(zv, 4) !== ZIP64_END - 12) throw bad('record size');
  if ((zv.getUint16(14, true) & 0xff) > 45) throw bad('version needed');
  if (zv.getUint32(16, true) !== 0 || zv.getUint32(20, true) !== 0)
    throw new ZipError(outcome('zip_multi_disk'), 'invalid');
  const count = readU64(zv, 32);
  if (readU64(zv, 24) !== count) throw new ZipError(outcome('zip_end_counts_disagree'), 'invalid');
  const cdSize = readU64(zv, 40);
  const cdOffset = readU64(zv, 48);
  agree('entry count', count16, MAX16, count);
  agree('central directory size', cdSize32, MAX32, cdSize);
  agree('central directory offset', cdOffset32, MAX32, cdOffset);
  const dalelForm =
    zv.getUint16(12, true) === 45 &&
    zv.getUint16(14, true) === 45 &&
    count16 === MAX16 &&
    cdSize32 === MAX32 &&
    cdOffset32 === MAX32;
  return { count, cdSize, cdOffset, cdEnd: z64Offset, dalelForm };
}

/** A 32-bit end-record field must be the Zip64 marker or the Zip64 record's own value. */
function agree(field: string, value: number, marker: number, zip64: number): void {
  if (value !== marker && value !== zip64)
    throw new ZipError(outcome('zip64_end_disagrees', { field, value, zip64 }), 'invalid');
}

/** The comment length of an end record at or before `from` whose comment reaches the end. */
function commentReachingEnd(view: DataView, length: number, from: number): number | null {
  for (let i = Math.min(from, length - END); i >= 0; i--) {
    if (view.getUint32(i, true) !== SIG.end) continue;
    const comment = view.getUint16(i + 20, true);
    if (comment > 0 && i + END + comment === length) return comment;
  }
  return null;
}

/** Why the last 22 bytes are not a plain end record: a comment, trailing bytes, or no ZIP. */
function endProblem(view: DataView, length: number): ZipError {
  const comment = commentReachingEnd(view, length, length - END);
  if (comment !== null)
    return new ZipError(outcome('zip_archive_comment', { length: comment }), 'invalid');
  for (let i = length - END; i >= 0; i--) {
    if (view.getUint32(i, true) !== SIG.end) continue;
    const own = view.getUint16(i + 20, true);
    if (i + END + own < length)
      return new ZipError(
        outcome('zip_end_record_not_last', { bytes: length - i - END - own }),
        'invalid',
      );
  }
  return new ZipError(outcome('zip_no_end_record'), 'unreadable');
}
