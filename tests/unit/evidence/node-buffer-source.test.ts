// A package read into a Node Buffer (readFileSync, an S3 download in `dalel locker pull`) must
// verify as the same bytes in a Uint8Array do. A Buffer's `slice()` is a view, not a copy: the
// small-order check once masked the sign bit of the signature's R through such a view, so every
// signature whose R had that bit set (half of them) failed, and the archive in memory changed.
import { describe, expect, it } from 'vitest';
import { LAYOUT } from '../../../lib/evidence/manifest';
import { hasSmallOrder } from '../../../lib/evidence/signing';
import { verifyPackage } from '../../../lib/evidence/verify';
import { openZip, readEntryBytes } from '../../../lib/evidence/zip/reader';
import { bytesSource } from '../../../lib/evidence/zip/source';
import { jsPrimitives } from '../../../lib/evidence/primitives';
import { demoPackage } from './package-fixture';

/** A demo package whose signature's R has its top bit (byte 31, bit 7) set, as half do. */
async function packageWithHighBitR() {
  for (;;) {
    const made = await demoPackage();
    const archive = await openZip(bytesSource(made.zip));
    const entry = archive.entries.find((e) => e.name === LAYOUT.signature)!;
    const sig = await readEntryBytes(bytesSource(made.zip), entry, jsPrimitives, 1024);
    if (sig[31]! & 0x80) return made;
  }
}

describe('a package held in a Node Buffer', () => {
  it('verifies, and is left unchanged', async () => {
    const { zip, key } = await packageWithHighBitR();
    const buffer = Buffer.from(zip);
    const before = Buffer.from(buffer);
    const report = await verifyPackage(bytesSource(buffer), { pinnedKey: key.fingerprint });
    expect(report.failures.map((f) => f.code)).toEqual([]);
    expect(report.verdict).toBe('valid');
    expect(buffer.equals(before)).toBe(true);
  });

  it('the small-order check never writes to the point it is given', () => {
    const point = Buffer.alloc(32, 0xff);
    expect(hasSmallOrder(point.subarray(0, 32))).toBe(false);
    expect(point.every((b) => b === 0xff)).toBe(true);
  });
});
