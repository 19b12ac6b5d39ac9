// Draws Dalel's icon at every size the browsers ask for (public/icon/<size>.png, used by both
// builds): a blue rounded square with a white seal — a ring and a check mark — drawn from shapes
// with 4×4 supersampling, so each size is crisp rather than scaled. Run: npx tsx scripts/make-icons.ts
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { zlibSync } from 'fflate';
import { crc32Js } from '../lib/evidence/crc32';
import { concatBytes } from '../lib/evidence/hex';
import { repoRoot } from '../tests/support/shared-fixtures';

export const ICON_SIZES = [16, 32, 48, 96, 128] as const;

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  out.set(new TextEncoder().encode(type), 4);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32Js(out.subarray(4, 8 + data.length)));
  return out;
}

function rgbaPng(size: number, pixels: Uint8Array): Uint8Array {
  const raw = new Uint8Array(size * (1 + size * 4));
  for (let y = 0; y < size; y++)
    raw.set(pixels.subarray(y * size * 4, (y + 1) * size * 4), y * (1 + size * 4) + 1);
  const header = new Uint8Array(13);
  new DataView(header.buffer).setUint32(0, size);
  new DataView(header.buffer).setUint32(4, size);
  header.set([8, 6, 0, 0, 0], 8);
  return concatBytes([
    new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlibSync(raw, { level: 9 })),
    chunk('IEND', new Uint8Array(0)),
  ]);
}

/** Distance from p to the segment a–b. */
function segment(px: number, py: number, ax: number, ay: number, bx: number, by: number) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - ax - t * dx, py - ay - t * dy);
}

/** The icon in unit coordinates (0..1): what colour, how opaque, at one point. */
function shade(x: number, y: number, size: number): [number, number, number, number] {
  // Rounded square.
  const r = 0.2;
  const qx = Math.max(Math.abs(x - 0.5) - (0.5 - r), 0);
  const qy = Math.max(Math.abs(y - 0.5) - (0.5 - r), 0);
  if (Math.hypot(qx, qy) > r) return [0, 0, 0, 0];
  // Small sizes get bolder strokes so the seal still reads.
  const bold = size <= 16 ? 1.6 : size <= 32 ? 1.25 : 1;
  const ring = Math.abs(Math.hypot(x - 0.5, y - 0.5) - 0.3) < 0.045 * bold;
  const check =
    Math.min(segment(x, y, 0.36, 0.51, 0.46, 0.62), segment(x, y, 0.46, 0.62, 0.66, 0.39)) <
    0.05 * bold;
  if (ring || check) return [255, 255, 255, 255];
  // Blue, a little lighter at the top.
  const k = 1 - 0.18 * (1 - y);
  return [Math.round(11 / k), Math.round(92 / k), Math.round(173 / k), 255];
}

export function iconPng(size: number): Uint8Array {
  const n = 4;
  const pixels = new Uint8Array(size * size * 4);
  for (let py = 0; py < size; py++)
    for (let px = 0; px < size; px++) {
      let [r, g, b, a] = [0, 0, 0, 0];
      for (let sy = 0; sy < n; sy++)
        for (let sx = 0; sx < n; sx++) {
          const [cr, cg, cb, ca] = shade(
            (px + (sx + 0.5) / n) / size,
            (py + (sy + 0.5) / n) / size,
            size,
          );
          r += cr * ca;
          g += cg * ca;
          b += cb * ca;
          a += ca;
        }
      const i = (py * size + px) * 4;
      pixels[i] = a ? Math.round(r / a) : 0;
      pixels[i + 1] = a ? Math.round(g / a) : 0;
      pixels[i + 2] = a ? Math.round(b / a) : 0;
      pixels[i + 3] = Math.round(a / (n * n));
    }
  return rgbaPng(size, pixels);
}

if (process.argv[1]?.endsWith('make-icons.ts'))
  for (const size of ICON_SIZES) {
    const file = path.join(repoRoot, `public/icon/${size}.png`);
    writeFileSync(file, iconPng(size));
    console.log(file);
  }
