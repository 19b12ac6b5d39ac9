// Synthetic "mixed artifacts" for export/verify benchmarks: per capture a large stored media file,
// a PNG-sized screenshot (random, incompressible like real PNG/JPEG), an HTML snapshot (text,
// deflated) and a record JSON. About 85% of the bytes are stored, 15% deflated text.
import { createHash, randomFillSync } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { openAsBlob } from 'node:fs';
import { join } from 'node:path';
import { demoSelectionInput } from '../lib/demo/demo-input';
import type { PackageInput } from '../lib/evidence/package-input';
import type { Signer } from '../lib/evidence/signing';
import type { ArtifactRef } from '../lib/model/capture';

const WORDS =
  'the of and to in court post account police article case extremist gathering peaceful said was for on that with by is this from at as it be have investigator order'.split(
    ' ',
  );

function htmlText(bytes: number, seed: number): Buffer {
  const parts: string[] = ['<!doctype html><html><body>'];
  let n = 30;
  let x = seed * 7919 + 1;
  while (n < bytes - 20) {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    const word = WORDS[x % WORDS.length]!;
    const piece = x % 17 === 0 ? `</p>\n<p class="c${x % 9}">${word} ` : `${word} `;
    parts.push(piece);
    n += piece.length;
  }
  parts.push('</body></html>');
  return Buffer.from(parts.join('').padEnd(bytes, ' ').slice(0, bytes));
}

export interface Fixture {
  dir: string;
  input: (signer: Signer) => Promise<PackageInput>;
  bytes: number;
}

/** Write about `sizeMb` MB of artifacts under `dir`/artifacts and describe them as captures. */
export async function mixedArtifacts(dir: string, sizeMb: number): Promise<Fixture> {
  const artifactDir = join(dir, 'artifacts');
  await mkdir(artifactDir, { recursive: true });
  const pool = randomFillSync(Buffer.alloc(64 * 1024 * 1024));
  const perCapture = 20e6;
  const count = Math.max(1, Math.round((sizeMb * 1e6) / perCapture));
  const files = new Map<string, string>();
  const artifacts: ArtifactRef[][] = [];
  let bytes = 0;
  for (let i = 0; i < count; i++) {
    const specs: [string, ArtifactRef['role'], string, Buffer][] = [
      [
        'media/01.mp4',
        'media',
        'video/mp4',
        pool.subarray(
          (i * 7_000_003) % (pool.length - 14e6),
          ((i * 7_000_003) % (pool.length - 14e6)) + 14e6,
        ),
      ],
      [
        'screenshot-full.png',
        'screenshot_full',
        'image/png',
        pool.subarray(
          (i * 1_234_567) % (pool.length - 3e6),
          ((i * 1_234_567) % (pool.length - 3e6)) + 3e6,
        ),
      ],
      ['page.html', 'snapshot_html', 'text/html', htmlText(2.9e6, i)],
      [
        'record.json',
        'record',
        'application/json',
        Buffer.from(JSON.stringify({ i, text: htmlText(100e3, i + 1).toString() })),
      ],
    ];
    const refs: ArtifactRef[] = [];
    for (const [name, role, mediaType, data] of specs) {
      const sha256 = `sha256:${createHash('sha256').update(data).digest('hex')}`;
      const path = join(artifactDir, `c${i}-${name.replace('/', '-')}`);
      await writeFile(path, data);
      files.set(sha256, path);
      refs.push({ name, role, mediaType, size: data.length, sha256, sourceUrl: null });
      bytes += data.length;
    }
    artifacts.push(refs);
  }
  return {
    dir: artifactDir,
    bytes,
    input: (signer) =>
      demoSelectionInput(
        signer,
        new Date(),
        artifacts.map((refs, i) => ({
          id: `cap_bench${String(i).padStart(5, '0')}`,
          artifacts: refs,
        })),
        async (sha) => openAsBlob(files.get(sha)!),
      ),
  };
}
