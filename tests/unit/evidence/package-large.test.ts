// Evidence packages over 4 GiB (default thresholds, virtual archive): writePackage streams an
// artifact of 4 GiB + 3 MiB that is not first, with everything after it past 2^32, and
// verifyPackage says valid; an artifact over the verifier's limit is refused by the export up
// front, before any of it is read.
import { describe, expect, it } from 'vitest';
import { nodePrimitives } from '../../../cli/node/primitives';
import { buildDemoInput, demoSelectionInput } from '../../../lib/demo/demo-input';
import type { ArtifactBytes, PackageInput } from '../../../lib/evidence/package-input';
import { writePackage } from '../../../lib/evidence/package-writer';
import { generateSigningKey } from '../../../lib/evidence/signing';
import { verifyPackage } from '../../../lib/evidence/verify';
import { DEFAULT_LIMITS, openZip } from '../../../lib/evidence/zip/reader';
import type { ArtifactRef } from '../../../lib/model/capture';
import { failureText } from './package-fixture';
import { BIG, NOW, OVER_4GIB } from './support/constants';
import { generatedDigest, generatedStream } from './support/generated-data';
import { VirtualArchive } from './support/virtual-archive';

/** The first demo capture again, then a capture holding only `big` (so it is not first). */
async function packageInput(big: ArtifactRef, openBig: () => ArtifactBytes): Promise<PackageInput> {
  const key = await generateSigningKey();
  const demo = await buildDemoInput(key, NOW);
  const template = demo.captures[0]!;
  return demoSelectionInput(
    key,
    NOW,
    [
      { id: 'cap_small', artifacts: [...template.artifacts] },
      { id: 'cap_large', artifacts: [big] },
    ],
    async (sha) => (sha === big.sha256 ? openBig() : demo.openArtifact(sha)),
  );
}

const video = (size: number, sha256: string): ArtifactRef => ({
  name: 'media/video.mp4',
  role: 'media',
  mediaType: 'video/mp4',
  size,
  sha256,
  sourceUrl: null,
});

describe('packages over 4 GiB (default thresholds, virtual archive)', () => {
  it(
    'writePackage streams a 4 GiB + 3 MiB artifact that is not first, and verifyPackage says valid',
    async () => {
      const size = OVER_4GIB;
      // Capture-time hash of the video: one pass over the generated stream (~3 s).
      const sha256 = await generatedDigest(2, size);
      const input = await packageInput(video(size, sha256), () => generatedStream(2, size));
      const archive = new VirtualArchive();
      const result = await writePackage(input, archive.target, { primitives: nodePrimitives });
      expect(result.size).toBe(archive.size);
      const source = archive.source();
      const { entries } = await openZip(source);
      const at = entries.findIndex((e) => e.name === 'captures/cap_large/media/video.mp4');
      expect(at).toBeGreaterThan(0);
      expect(entries[at]).toMatchObject({ method: 0, size, compressedSize: size });
      // Everything after the artifact, the signed manifest included, sits past 2^32.
      expect(entries.slice(at + 1).map((e) => e.localOffset > 2 ** 32)).not.toContain(false);
      const report = await verifyPackage(source, {
        primitives: nodePrimitives,
        pinnedKey: input.signer.fingerprint,
      });
      expect(failureText(report)).toBe('');
      expect(report.verdict).toBe('valid');
      expect(report.container).toBe('dalel');
      expect(report.bytes).toBeGreaterThan(size);
    },
    BIG,
  );

  // What the verifier would refuse for size is refused by the export before anything is read,
  // with a message naming the limit: never gigabytes streamed into an invalid package.
  it("writePackage refuses an artifact over the verifier's 64 GiB limit up front", async () => {
    const unread = new ReadableStream<Uint8Array>({
      pull() {
        throw new Error('the artifact was read: not refused up front');
      },
    });
    const size = DEFAULT_LIMITS.maxEntrySize + 1;
    const input = await packageInput(video(size, `sha256:${'0'.repeat(64)}`), () => unread);
    const archive = new VirtualArchive();
    await expect(
      writePackage(input, archive.target, { primitives: nodePrimitives }),
    ).rejects.toThrow(/limit/);
    expect(archive.size).toBe(0);
  });
});
