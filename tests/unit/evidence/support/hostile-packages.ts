// A signed demo package taken apart into builder entries (exactly our writer's form), and the
// hostile variants of it that issue 12 names: each differs from the valid package in one way.
import { buildDemoInput, demoSelectionInput } from '../../../../lib/demo/demo-input';
import { crc32Js } from '../../../../lib/evidence/crc32';
import { concatBytes } from '../../../../lib/evidence/hex';
import { LAYOUT, type Manifest } from '../../../../lib/evidence/manifest';
import { shouldCompress } from '../../../../lib/evidence/media-types';
import { sha256Ref, sha256 } from '../../../../lib/evidence/sha256';
import { generateSigningKey, type SigningKey } from '../../../../lib/evidence/signing';
import { verifyPackage, type VerifyOptions } from '../../../../lib/evidence/verify';
import type { VerifyReport } from '../../../../lib/evidence/verify-report';
import { openZip } from '../../../../lib/evidence/zip/reader';
import { bytesSource } from '../../../../lib/evidence/zip/source';
import { NOW, unpack, writeToBytes, type Entry } from '../package-fixture';
import {
  buildZip,
  extraField,
  unicodePathExtra,
  type BuildEntry,
  type BuildOptions,
} from './zip-builder';
import { sha256Hex, type Extracted } from './zip-tools';

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);

export interface Base {
  key: SigningKey;
  zip: Uint8Array;
  entries: Entry[];
  manifest: Manifest;
}

export async function basePackage(): Promise<Base> {
  const key = await generateSigningKey();
  const zip = await writeToBytes(await buildDemoInput(key, NOW));
  const entries = await unpack(zip);
  const manifest = JSON.parse(
    new TextDecoder().decode(entries.find((e) => e.name === LAYOUT.manifest)!.data),
  ) as Manifest;
  return { key, zip, entries, manifest };
}

/** The package's entries as our writer lays them out, ready for one change. */
export function asBuildEntries(base: Base): BuildEntry[] {
  const media = new Map(base.manifest.files.map((f) => [f.path, f.mediaType]));
  return base.entries.map((e) => ({
    name: e.name,
    data: e.data,
    deflate:
      e.name === LAYOUT.manifest || shouldCompress(media.get(e.name) ?? 'application/octet-stream'),
  }));
}

/** The same package with one entry changed by `tweak`. */
export function withEntry(
  base: Base,
  name: string,
  tweak: Partial<BuildEntry>,
  options: BuildOptions = {},
): Uint8Array {
  return buildZip(
    asBuildEntries(base).map((e) => (e.name === name ? { ...e, ...tweak } : e)),
    options,
  );
}

/** The first stored (not deflated) artifact: a PNG screenshot. */
export const storedArtifact = (base: Base): string =>
  base.entries.find((e) => e.name.endsWith('.png'))!.name;

function centralRecord(r: {
  name: string;
  crc: number;
  compressed: number;
  size: number;
  method: number;
  flags: number;
  offset: number;
}): Uint8Array {
  const name = enc(r.name);
  const out = new Uint8Array(46 + name.length);
  const v = new DataView(out.buffer);
  v.setUint32(0, 0x02014b50, true);
  v.setUint16(4, 0x032d, true);
  v.setUint16(6, 20, true);
  v.setUint16(8, r.flags, true);
  v.setUint16(10, r.method, true);
  v.setUint16(12, 0x6000, true);
  v.setUint16(14, 0x5c62, true);
  v.setUint32(16, r.crc, true);
  v.setUint32(20, r.compressed, true);
  v.setUint32(24, r.size, true);
  v.setUint16(28, name.length, true);
  v.setUint32(38, (0o100644 << 16) >>> 0, true);
  v.setUint32(42, r.offset, true);
  out.set(name, 46);
  return out;
}

/**
 * A second, "shadow" central directory and end record in the archive comment: the real entries
 * with report.html swapped for a forged one whose local header also sits in the comment. With
 * `pad`, one byte follows the shadow end record, so it is not the file's last 22 bytes (tools
 * that search for the signature still find it; a reader that insists on the comment length
 * reaching the end takes the real record instead).
 */
export async function shadowDirectory(base: Base, pad: boolean): Promise<Uint8Array> {
  const entries = asBuildEntries(base);
  const plain = buildZip(entries);
  const real = await openZip(bytesSource(plain));
  const forged = enc('<!doctype html><title>forged</title><p>THIS REPORT WAS SWAPPED</p>\n');
  const forgedName = enc(LAYOUT.report);
  const commentStart = plain.length;
  const local = new Uint8Array(30 + forgedName.length);
  const lv = new DataView(local.buffer);
  lv.setUint32(0, 0x04034b50, true);
  lv.setUint16(4, 20, true);
  lv.setUint16(10, 0x6000, true);
  lv.setUint16(12, 0x5c62, true);
  lv.setUint32(14, crc32Js(forged), true);
  lv.setUint32(18, forged.length, true);
  lv.setUint32(22, forged.length, true);
  lv.setUint16(26, forgedName.length, true);
  local.set(forgedName, 30);
  const records = real.entries.map((e) =>
    e.name === LAYOUT.report
      ? centralRecord({
          name: e.name,
          crc: crc32Js(forged),
          compressed: forged.length,
          size: forged.length,
          method: 0,
          flags: 0,
          offset: commentStart,
        })
      : centralRecord({
          name: e.name,
          crc: e.crc,
          compressed: e.compressedSize,
          size: e.size,
          method: e.method,
          flags: e.flags,
          offset: e.localOffset,
        }),
  );
  const cd = concatBytes(records);
  const cdStart = commentStart + local.length + forged.length;
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, records.length, true);
  ev.setUint16(10, records.length, true);
  ev.setUint32(12, cd.length, true);
  ev.setUint32(16, cdStart, true);
  const shadow = concatBytes([
    local,
    forged,
    cd,
    end,
    pad ? new Uint8Array([0x20]) : new Uint8Array(0),
  ]);
  return buildZip(entries, { archiveComment: shadow });
}

/**
 * A validly signed package whose captured media (a hostile page served it) holds a complete data
 * descriptor for the bytes before it and then a local header of another file: readers that stream
 * the archive end the stored entry there and extract "evil.html".
 */
export async function fakeDescriptorPackage(): Promise<{ zip: Uint8Array; key: SigningKey }> {
  const key = await generateSigningKey();
  const prefix = enc('GIF89a harmless looking media bytes.');
  const evil = enc('<script>alert("not in the package")</script>');
  const evilName = enc('evil.html');
  const descriptor = new Uint8Array(16);
  const dv = new DataView(descriptor.buffer);
  dv.setUint32(0, 0x08074b50, true);
  dv.setUint32(4, crc32Js(prefix), true);
  dv.setUint32(8, prefix.length, true);
  dv.setUint32(12, prefix.length, true);
  const local = new Uint8Array(30 + evilName.length);
  const lv = new DataView(local.buffer);
  lv.setUint32(0, 0x04034b50, true);
  lv.setUint16(4, 20, true);
  lv.setUint32(14, crc32Js(evil), true);
  lv.setUint32(18, evil.length, true);
  lv.setUint32(22, evil.length, true);
  lv.setUint16(26, evilName.length, true);
  local.set(evilName, 30);
  const media = concatBytes([prefix, descriptor, local, evil, enc('...rest of the media')]);
  const ref = {
    name: 'media/01.gif',
    role: 'media' as const,
    mediaType: 'image/gif',
    size: media.length,
    sha256: sha256Ref(await sha256(media)),
    sourceUrl: 'https://cdn.example/01.gif',
  };
  const input = await demoSelectionInput(
    key,
    NOW,
    [{ id: 'cap_media', artifacts: [ref] }],
    async () => new Blob([media]),
  );
  return { zip: await writeToBytes(input), key };
}

export interface Hostile {
  what: string;
  zip: Uint8Array;
  /** The check code the verifier must report. */
  code: string;
}

/** Every hostile form of the base package, each with the code that refuses it. */
export async function hostileVariants(base: Base): Promise<Hostile[]> {
  const png = storedArtifact(base);
  const report = LAYOUT.report;
  const junkLocal = concatBytes([
    new Uint8Array([0x50, 0x4b, 0x03, 0x04, 20, 0, 0, 0, 0, 0]),
    new Uint8Array(20),
    enc('hidden bytes'),
  ]);
  return [
    {
      what: 'a shadow central directory in the archive comment',
      zip: await shadowDirectory(base, false),
      code: 'zip_archive_comment',
    },
    {
      what: 'a shadow directory in the comment, not at the very end',
      zip: await shadowDirectory(base, true),
      code: 'zip_archive_comment',
    },
    {
      what: 'an archive comment',
      zip: buildZip(asBuildEntries(base), { archiveComment: enc('looks harmless') }),
      code: 'zip_archive_comment',
    },
    {
      what: 'bytes after the end record',
      zip: buildZip(asBuildEntries(base), { trailing: enc('PK trailing') }),
      code: 'zip_end_record_not_last',
    },
    {
      what: 'an Info-ZIP Unicode Path field renaming an entry for other tools',
      zip: withEntry(base, png, { centralExtra: unicodePathExtra(png, 'captures/innocent.png') }),
      code: 'zip_extra_unicode_path',
    },
    {
      what: 'an unknown extra field',
      zip: withEntry(base, report, { centralExtra: extraField(0xcafe, enc('data')) }),
      code: 'zip_extra_unknown',
    },
    {
      what: 'bytes after the end of a DEFLATE stream',
      zip: withEntry(base, report, { afterData: junkLocal }),
      code: 'zip_deflate_trailing',
    },
    {
      what: 'local-header sizes that differ from the central record',
      zip: withEntry(base, png, { descriptor: false, localSizes: { compressed: 100, size: 100 } }),
      code: 'zip_local_sizes',
    },
    {
      what: 'a local header naming another file',
      zip: withEntry(base, report, { localName: 'report.htm' }),
      code: 'zip_local_name',
    },
    {
      what: 'an entry comment',
      zip: withEntry(base, report, { entryComment: enc('note') }),
      code: 'zip_entry_comment',
    },
    {
      what: 'a symlink attribute',
      zip: withEntry(base, png, { external: (0o120777 << 16) >>> 0 }),
      code: 'zip_file_type',
    },
    {
      what: 'a hidden (MS-DOS) attribute',
      zip: withEntry(base, report, { external: 0x02, madeBy: 0x0014 }),
      code: 'zip_dos_attributes',
    },
    {
      what: 'a directory attribute on a file',
      zip: withEntry(base, report, { external: 0x10, madeBy: 0x0014 }),
      code: 'zip_file_type',
    },
    {
      what: 'a data descriptor without its signature',
      zip: withEntry(base, png, { signedDescriptor: false }),
      code: 'zip_descriptor_unsigned',
    },
    {
      what: 'bytes before the first entry',
      zip: buildZip(asBuildEntries(base), { prefix: enc('MZ prepended') }),
      code: 'zip_gap',
    },
  ];
}

/** What the verifier reads from an archive (name → SHA-256), through `extract`, and its report. */
export async function verifierReading(
  zip: Uint8Array,
  options: VerifyOptions = {},
): Promise<{ report: VerifyReport; files: Extracted }> {
  const parts = new Map<string, Uint8Array[]>();
  const report = await verifyPackage(bytesSource(zip), {
    ...options,
    extract: async (name) => {
      const chunks: Uint8Array[] = [];
      parts.set(name, chunks);
      return { write: async (c) => void chunks.push(c.slice()), close: async () => {} };
    },
  });
  const files: Extracted = new Map();
  for (const [name, chunks] of [...parts].sort(([a], [b]) => (a < b ? -1 : 1)))
    files.set(name, sha256Hex(concatBytes(chunks)));
  return { report, files };
}
