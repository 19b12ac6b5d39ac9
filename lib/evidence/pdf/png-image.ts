import { unzlibSync, zlibSync } from 'fflate';
import type { PdfFile, PdfRef } from './pdf-file';

export interface PdfImage {
  ref: PdfRef;
  width: number;
  height: number;
}

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** The byte distance of the pixel to the left, per PNG colour type (8-bit only). */
const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 4: 2, 6: 4 };

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/** Undoes the PNG row filters: the image's raw pixels, row after row. */
function unfilter(data: Uint8Array, width: number, height: number, bpp: number): Uint8Array {
  const stride = width * bpp;
  const out = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    const type = data[y * (stride + 1)]!;
    const src = y * (stride + 1) + 1;
    const row = y * stride;
    for (let x = 0; x < stride; x++) {
      const raw = data[src + x]!;
      const left = x >= bpp ? out[row + x - bpp]! : 0;
      const up = y > 0 ? out[row - stride + x]! : 0;
      const upLeft = y > 0 && x >= bpp ? out[row - stride + x - bpp]! : 0;
      const value =
        type === 0
          ? raw
          : type === 1
            ? raw + left
            : type === 2
              ? raw + up
              : type === 3
                ? raw + ((left + up) >> 1)
                : raw + paeth(left, up, upLeft);
      out[row + x] = value & 0xff;
    }
  }
  return out;
}

/**
 * A PNG as a PDF image. An 8-bit RGB or grey PNG is embedded as its own compressed rows (PDF
 * reads PNG predictors); one with alpha is decoded and split into colour and a soft mask.
 * Interlaced, palette and 16-bit PNGs are refused (null): the report then names the file.
 */
export function pngImage(pdf: PdfFile, png: Uint8Array): PdfImage | null {
  if (!SIGNATURE.every((b, i) => png[i] === b)) return null;
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  let width = 0;
  let height = 0;
  let depth = 0;
  let colour = 0;
  let interlace = 0;
  const idat: Uint8Array[] = [];
  for (let at = 8; at + 8 <= png.length;) {
    const length = view.getUint32(at);
    const type = String.fromCharCode(...png.subarray(at + 4, at + 8));
    const body = png.subarray(at + 8, at + 8 + length);
    if (type === 'IHDR') {
      width = view.getUint32(at + 8);
      height = view.getUint32(at + 12);
      depth = body[8]!;
      colour = body[9]!;
      interlace = body[12]!;
    } else if (type === 'IDAT') idat.push(body);
    else if (type === 'IEND') break;
    at += 12 + length;
  }
  const channels = CHANNELS[colour];
  if (!width || !height || depth !== 8 || interlace !== 0 || !channels || idat.length === 0)
    return null;
  const compressed = new Uint8Array(idat.reduce((n, c) => n + c.length, 0));
  let offset = 0;
  for (const chunk of idat) {
    compressed.set(chunk, offset);
    offset += chunk.length;
  }
  const colours = colour === 0 || colour === 4 ? 1 : 3;
  const space = colours === 1 ? '/DeviceGray' : '/DeviceRGB';
  if (colour === 0 || colour === 2) {
    const ref = pdf.stream(
      {
        Type: '/XObject',
        Subtype: '/Image',
        Width: width,
        Height: height,
        ColorSpace: space,
        BitsPerComponent: 8,
        Filter: '/FlateDecode',
        DecodeParms: { Predictor: 15, Colors: colours, BitsPerComponent: 8, Columns: width },
      },
      compressed,
      { compress: false },
    );
    return { ref, width, height };
  }
  const pixels = unfilter(unzlibSync(compressed), width, height, channels);
  const count = width * height;
  const colourBytes = new Uint8Array(count * colours);
  const alpha = new Uint8Array(count);
  let opaque = true;
  for (let i = 0; i < count; i++) {
    for (let c = 0; c < colours; c++) colourBytes[i * colours + c] = pixels[i * channels + c]!;
    alpha[i] = pixels[i * channels + colours]!;
    if (alpha[i] !== 255) opaque = false;
  }
  const mask = opaque
    ? null
    : pdf.stream(
        {
          Type: '/XObject',
          Subtype: '/Image',
          Width: width,
          Height: height,
          ColorSpace: '/DeviceGray',
          BitsPerComponent: 8,
          Filter: '/FlateDecode',
        },
        zlibSync(alpha, { level: 6 }),
        { compress: false },
      );
  const ref = pdf.stream(
    {
      Type: '/XObject',
      Subtype: '/Image',
      Width: width,
      Height: height,
      ColorSpace: space,
      BitsPerComponent: 8,
      Filter: '/FlateDecode',
      ...(mask ? { SMask: mask } : {}),
    },
    zlibSync(colourBytes, { level: 6 }),
    { compress: false },
  );
  return { ref, width, height };
}
