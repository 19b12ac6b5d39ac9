import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { buildDemoStore } from '../../../lib/demo/demo-input';
import { pngCheck } from '../../e2e/support/png';

/** How many distinct colours an 8-bit RGB PNG without filters (as `encodePng` writes) uses. */
function colours(png: Buffer, width: number): number {
  const idat: Buffer[] = [];
  for (let at = 8; at < png.length;) {
    const length = png.readUInt32BE(at);
    if (png.toString('latin1', at + 4, at + 8) === 'IDAT')
      idat.push(png.subarray(at + 8, at + 8 + length));
    at += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const seen = new Set<number>();
  for (let row = 0; row < raw.length; row += 1 + width * 3)
    for (let x = 0; x < width; x++) {
      const p = row + 1 + x * 3;
      seen.add((raw[p]! << 16) | (raw[p + 1]! << 8) | raw[p + 2]!);
    }
  return seen.size;
}

describe('demo captures (dalel demo-package, seedDemoStore)', () => {
  it('every seeded capture has a screenshot that decodes as a picture, not a blank', async () => {
    const demo = await buildDemoStore('demo-actor');
    expect(demo.captures.length).toBeGreaterThan(0);
    const prints = new Set<string>();
    for (const capture of demo.captures) {
      const shot = capture.artifacts.find((a) => a.role === 'screenshot');
      expect(shot, capture.id).toBeDefined();
      const bytes = Buffer.from(demo.blobs.get(shot!.sha256)!);
      const { width, height } = pngCheck(bytes);
      expect(width * height).toBeGreaterThan(10_000);
      expect(colours(bytes, width), `${capture.id} is more than one flat colour`).toBeGreaterThan(
        2,
      );
      prints.add(shot!.sha256);
    }
    // One picture per capture, as a real list shows.
    expect(prints.size).toBe(demo.captures.length);
  });
});
