import { createHash } from 'node:crypto';
import { deflateSync, inflateSync } from 'node:zlib';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** A small PNG whose colours derive from `seed`: same URL, same bytes; different URL, different bytes. */
export function deterministicPng(seed: string, width = 96, height = 64): Buffer {
  const digest = createHash('sha256').update(seed).digest();
  const rows: Buffer[] = [];
  for (let y = 0; y < height; y++) {
    const row = Buffer.alloc(1 + width * 3);
    for (let x = 0; x < width; x++) {
      const band = (Math.floor(x / 16) + Math.floor(y / 16)) % 8;
      digest.copy(row, 1 + x * 3, band * 3, band * 3 + 3);
    }
    rows.push(row);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Width and height from a PNG's IHDR, or null when the bytes are not a PNG. */
export function pngSize(bytes: Buffer): { width: number; height: number } | null {
  const signature = '89504e470d0a1a0a';
  if (bytes.subarray(0, 8).toString('hex') !== signature) return null;
  if (bytes.subarray(12, 16).toString('ascii') !== 'IHDR') return null;
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };

/**
 * Checks that `bytes` is a whole, decodable PNG, not only its header: every chunk's CRC, IHDR
 * first and IEND last, and the image data inflates to exactly one filter byte (0–4) plus one
 * row of pixels per line. Returns the size; throws saying what is wrong otherwise.
 */
export function pngCheck(bytes: Buffer): { width: number; height: number } {
  const size = pngSize(bytes);
  if (!size) throw new Error('not a PNG (signature or IHDR missing)');
  const idat: Buffer[] = [];
  let offset = 8;
  let last = '';
  while (offset < bytes.length) {
    if (offset + 12 > bytes.length) throw new Error(`PNG truncated at byte ${offset}`);
    const length = bytes.readUInt32BE(offset);
    const type = bytes.subarray(offset + 4, offset + 8).toString('latin1');
    const end = offset + 8 + length;
    if (end + 4 > bytes.length) throw new Error(`PNG chunk ${type} runs past the end`);
    if (crc32(bytes.subarray(offset + 4, end)) !== bytes.readUInt32BE(end))
      throw new Error(`PNG chunk ${type} has a wrong CRC`);
    if (type === 'IDAT') idat.push(bytes.subarray(offset + 8, end));
    last = type;
    offset = end + 4;
  }
  if (last !== 'IEND') throw new Error('PNG does not end with IEND');
  const bitDepth = bytes[24]!;
  const channels = CHANNELS[bytes[25]!];
  if (!channels) throw new Error(`PNG colour type ${bytes[25]} is not a valid one`);
  if (bytes[28] !== 0) throw new Error('interlaced PNG: not what a browser screenshot is');
  const stride = 1 + Math.ceil((size.width * channels * bitDepth) / 8);
  const pixels = inflateSync(Buffer.concat(idat));
  if (pixels.length !== stride * size.height)
    throw new Error(`PNG data is ${pixels.length} bytes, not ${stride * size.height}`);
  for (let row = 0; row < size.height; row++)
    if (pixels[row * stride]! > 4) throw new Error(`PNG row ${row} has an unknown filter`);
  return size;
}

/** Deterministic bytes standing in for a video file. */
export function deterministicVideo(seed: string): Buffer {
  const digest = createHash('sha256').update(`video:${seed}`).digest();
  return Buffer.concat([
    Buffer.from('\x00\x00\x00\x18ftypmp42', 'latin1'),
    ...Array(64).fill(digest),
  ]);
}
