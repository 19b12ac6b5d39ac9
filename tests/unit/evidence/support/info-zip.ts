// unzip (Info-ZIP) as a second opinion: `unzip -tq` on archives held in memory, and zipinfo on
// sparse copies of virtual ones. Each answers null where unzip (or sparse files) is missing.
import { execFileSync, spawnSync } from 'node:child_process';
import {
  closeSync,
  ftruncateSync,
  mkdtempSync,
  openSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MiB } from './constants';
import type { VirtualArchive } from './virtual-archive';

const hasUnzip = ((): boolean => {
  try {
    execFileSync('unzip', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

function withTempDir<T>(use: (dir: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'dalel-zip-'));
  try {
    return use(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** `unzip -tq` (every entry decompressed and CRC-checked), or null without unzip on PATH. */
export function unzipTest(zip: Uint8Array): string | null {
  if (!hasUnzip) return null;
  return withTempDir((dir) => {
    writeFileSync(join(dir, 'a.zip'), zip);
    return execFileSync('unzip', ['-tq', join(dir, 'a.zip')]).toString();
  });
}

/** Whether files here can have holes (so a sparse copy of a 6 GiB archive costs no disk). */
function sparseFiles(dir: string): boolean {
  const path = join(dir, 'probe');
  const fd = openSync(path, 'w');
  try {
    ftruncateSync(fd, 64 * MiB);
  } finally {
    closeSync(fd);
  }
  const { blocks } = statSync(path);
  rmSync(path);
  return typeof blocks === 'number' && blocks * 512 < MiB;
}

/** Whether unzip is on PATH and temporary files can have holes (so sparse copies cost no disk). */
export const hasSparseUnzip = hasUnzip && withTempDir(sparseFiles);

/**
 * Entry offsets and sizes as Info-ZIP's zipinfo reads them from a sparse copy of the archive
 * (central directory and headers only), and whether it had no complaint; null without unzip or
 * sparse files.
 */
export function zipinfo(
  archive: VirtualArchive,
): { clean: boolean; offsets: number[]; sizes: number[] } | null {
  if (!hasSparseUnzip) return null;
  return withTempDir((dir) => {
    archive.writeSparse(join(dir, 'a.zip'));
    const run = spawnSync('unzip', ['-Zv', join(dir, 'a.zip')], { encoding: 'utf8' });
    const numbers = (re: RegExp): number[] => [...run.stdout.matchAll(re)].map((m) => Number(m[1]));
    return {
      clean: run.status === 0 && run.stderr === '',
      offsets: numbers(/offset of local header from start of archive:\s+(\d+)/g),
      sizes: numbers(/uncompressed size:\s+(\d+) bytes/g),
    };
  });
}
