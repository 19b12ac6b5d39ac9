import { zlibSync } from 'fflate';
import { crc32Js } from '../evidence/crc32';
import { concatBytes } from '../evidence/hex';

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  out.set(new TextEncoder().encode(type), 4);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32Js(out.subarray(4, 8 + data.length)));
  return out;
}

/** A truecolour PNG of `width`×`height` pixels from `pixel(x, y)` → [r, g, b]. */
export function encodePng(
  width: number,
  height: number,
  pixel: (x: number, y: number) => [number, number, number],
): Uint8Array {
  const raw = new Uint8Array(height * (1 + width * 3));
  for (let y = 0; y < height; y++) {
    const row = y * (1 + width * 3);
    for (let x = 0; x < width; x++) raw.set(pixel(x, y), row + 1 + x * 3);
  }
  const header = new Uint8Array(13);
  const hv = new DataView(header.buffer);
  hv.setUint32(0, width);
  hv.setUint32(4, height);
  header.set([8, 2, 0, 0, 0], 8);
  const parts = [
    new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlibSync(raw, { level: 6 })),
    chunk('IEND', new Uint8Array(0)),
  ];
  return concatBytes(parts);
}

/** A screenshot-like picture: a header bar, a text-like block pattern and a seeded tint. */
export function fakeScreenshot(seed: number, width = 480, height = 320): Uint8Array {
  return encodePng(width, height, (x, y) => {
    if (y < 36) return [40 + seed * 20, 60, 120];
    const line = Math.floor((y - 48) / 18);
    const inText =
      y > 48 && (y - 48) % 18 < 10 && x > 24 && x < 440 - ((line * 37 + seed * 11) % 160);
    return inText ? [60, 60, 60] : [250, 250, 245 - seed * 8];
  });
}
