// Synthetic "mixed artifacts" for export/verify benchmarks: per capture a large stored media file,
// a PNG-sized screenshot (random, incompressible like real PNG/JPEG), an HTML snapshot (text,
// deflated) and a record JSON. About 85% of the bytes are stored, 15% deflated text.
import { createHash, randomFillSync } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { openAsBlob } from 'node:fs';
import { join } from 'node:path';
import { buildDemoInput } from '../lib/demo/demo-input';
import { captureSeal } from '../lib/evidence/seal';
import { discloseFromLog } from '../lib/evidence/custody-disclosure';
import type { PackageInput } from '../lib/evidence/package-input';
import type { Signer } from '../lib/evidence/signing';
import type { ArtifactRef, Capture } from '../lib/model/capture';
import type { CustodyEvent } from '../lib/model/custody';
import { appendEvent } from '../lib/evidence/custody';

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
    input: async (signer) => {
      const demo = await buildDemoInput(signer, new Date());
      const template = demo.captures[0]!;
      const captures: Capture[] = [];
      const log: CustodyEvent[] = [];
      for (const [i, refs] of artifacts.entries()) {
        const unsealed = {
          ...template,
          id: `cap_bench${String(i).padStart(5, '0')}`,
          artifacts: refs,
        };
        const capture = { ...unsealed, seal: await captureSeal(unsealed) };
        captures.push(capture);
        const draft = {
          at: capture.sealedAt,
          actor: signer.fingerprint,
          type: 'captured' as const,
          subject: { kind: 'capture' as const, id: capture.id },
          data: { seal: capture.seal },
        };
        log.push(await appendEvent(draft, log[log.length - 1] ?? null));
      }
      return {
        ...demo,
        scope: { kind: 'selection', ids: captures.map((c) => c.id) },
        links: [],
        captures,
        custody: { events: log, ...(await discloseFromLog(log, log)) },
        openArtifact: async (sha) => openAsBlob(files.get(sha)!),
      };
    },
  };
}
