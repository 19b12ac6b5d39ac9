import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface SmallDisk {
  dir: string;
  release(): void;
}

/**
 * A tmpfs of `megabytes` to hold a browser profile, so a test can fill the disk for real.
 * Needs permission to mount (root, as on the project's machines and CI); null otherwise, and the
 * caller skips with a visible reason.
 */
export function smallDisk(megabytes: number): SmallDisk | null {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'dalel-disk-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${megabytes}m`, 'tmpfs', dir], {
      stdio: 'ignore',
    });
  } catch {
    rmSync(dir, { recursive: true, force: true });
    return null;
  }
  return {
    dir,
    release() {
      try {
        execFileSync('umount', [dir], { stdio: 'ignore' });
      } catch {
        // "Target is busy": a closed browser's helper processes may still be exiting. Detach it
        // now; the kernel frees the tmpfs when the last of them has let go.
        execFileSync('umount', ['--lazy', dir], { stdio: 'ignore' });
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
