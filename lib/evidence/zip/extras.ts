// Extra fields: only those that cannot change what an entry is called or holds for any tool.
// Zip64 carries sizes and offsets we check; timestamps and Unix owner ids change no name and no
// byte. Info-ZIP's Unicode Path (0x7075) renames the entry for tools that honour it (7-Zip,
// unzip) and not for others, so a package could show different files in different tools: refused,
// as is every field we do not know.
import { outcome } from '../verify-messages';
import { ZipError } from './entry';
import { readU64 } from './format';

export const EXTRA = {
  zip64: 0x0001,
  ntfsTimes: 0x000a,
  extendedTime: 0x5455,
  unixOwner: 0x7875,
  unicodePath: 0x7075,
  unicodeComment: 0x6375,
} as const;

const ALLOWED: ReadonlySet<number> = new Set([
  EXTRA.zip64,
  EXTRA.ntfsTimes,
  EXTRA.extendedTime,
  EXTRA.unixOwner,
]);

const hex4 = (n: number): string => n.toString(16).padStart(4, '0');

/** The extra fields of one header, by id; throws on a malformed, repeated or refused field. */
export function parseExtras(bytes: Uint8Array, entry: string): Map<number, DataView> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const fields = new Map<number, DataView>();
  let at = 0;
  while (at < bytes.length) {
    if (at + 4 > bytes.length) throw new ZipError(outcome('zip_extra_malformed'), 'invalid', entry);
    const id = view.getUint16(at, true);
    const size = view.getUint16(at + 2, true);
    if (at + 4 + size > bytes.length)
      throw new ZipError(outcome('zip_extra_malformed'), 'invalid', entry);
    if (id === EXTRA.unicodePath || id === EXTRA.unicodeComment)
      throw new ZipError(
        outcome('zip_extra_unicode_path', {
          id: hex4(id),
          what: id === EXTRA.unicodePath ? 'Path' : 'Comment',
        }),
        'invalid',
        entry,
      );
    if (!ALLOWED.has(id))
      throw new ZipError(outcome('zip_extra_unknown', { id: hex4(id) }), 'invalid', entry);
    if (fields.has(id))
      throw new ZipError(outcome('zip_extra_repeated', { id: hex4(id) }), 'invalid', entry);
    fields.set(id, new DataView(bytes.buffer, bytes.byteOffset + at + 4, size));
    at += 4 + size;
  }
  return fields;
}

/**
 * The values of a Zip64 field, which must hold exactly `count` 64-bit values (APPNOTE 4.5.3: one
 * per header field set to 0xFFFFFFFF, in order; nothing else).
 */
export function zip64Values(field: DataView | undefined, count: number, entry: string): number[] {
  const length = field?.byteLength ?? 0;
  if (length !== count * 8)
    throw new ZipError(
      outcome('zip64_extra_bad', { length, expected: count * 8 }),
      'invalid',
      entry,
    );
  const values: number[] = [];
  for (let i = 0; i < count; i++) values.push(readU64(field!, i * 8));
  return values;
}
