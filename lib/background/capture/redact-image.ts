import type { RedactionRegion } from '../../model/redaction';

/** Pixels per CSS pixel of a PNG of a page `cssWidth` wide, and its size. */
export async function pngGeometry(png: Uint8Array, cssWidth: number) {
  const bitmap = await createImageBitmap(
    new Blob([png as Uint8Array<ArrayBuffer>], { type: 'image/png' }),
  );
  const size = { width: bitmap.width, height: bitmap.height };
  bitmap.close();
  return { size, scale: cssWidth > 0 ? size.width / cssWidth : 1 };
}

/**
 * A copy of a PNG with opaque black boxes over `regions` (image pixels). Opaque fill, not blur or
 * pixelation, which can be reversed for text and faces. The original bytes are not touched.
 */
export async function redactPng(
  png: Uint8Array,
  regions: readonly RedactionRegion[],
): Promise<Uint8Array> {
  const bitmap = await createImageBitmap(
    new Blob([png as Uint8Array<ArrayBuffer>], { type: 'image/png' }),
  );
  const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no 2D canvas in this browser');
  ctx.drawImage(bitmap, 0, 0);
  bitmap.close();
  ctx.fillStyle = '#000';
  for (const r of regions) ctx.fillRect(r.x, r.y, r.width, r.height);
  const blob = await canvas.convertToBlob({ type: 'image/png' });
  return new Uint8Array(await blob.arrayBuffer());
}
