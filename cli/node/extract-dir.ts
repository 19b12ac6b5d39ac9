// `dalel verify --extract DIR`: the bytes the verifier reads are written as it reads them, into a
// fresh directory beside DIR that becomes DIR only if the package verifies. A lawyer then opens
// exactly what was checked — not what another unzip tool makes of the archive.
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, open, rename, rm, type FileHandle } from 'node:fs/promises';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import type { ExtractSink } from '../../lib/evidence/verify';

export class ExtractDir {
  readonly staging: string;
  private readonly open = new Set<FileHandle>();

  constructor(readonly target: string) {
    if (existsSync(target))
      throw new Error(`${target} already exists; --extract writes a new directory`);
    this.staging = `${resolve(target)}.partial-${randomBytes(4).toString('hex')}`;
  }

  /** A sink for one entry; the name was checked by the verifier, and is checked again here. */
  sink = async (name: string): Promise<ExtractSink> => {
    const path = resolve(this.staging, name);
    const inside = relative(this.staging, path);
    if (inside === '' || inside.startsWith('..') || isAbsolute(inside))
      throw new Error(`refusing to extract ${JSON.stringify(name)} outside ${this.staging}`);
    await mkdir(dirname(path), { recursive: true });
    // 'wx': a fresh file, never an existing one or a link to elsewhere.
    const handle = await open(path, 'wx', 0o644);
    this.open.add(handle);
    return {
      write: async (chunk) => {
        let done = 0;
        while (done < chunk.length)
          done += (await handle.write(chunk, done, chunk.length - done)).bytesWritten;
      },
      close: async () => {
        this.open.delete(handle);
        await handle.close();
      },
    };
  };

  async begin(): Promise<void> {
    await mkdir(this.staging, { recursive: false, mode: 0o755 });
  }

  /** The package verified: the staging directory becomes the target. */
  async commit(): Promise<void> {
    await this.closeAll();
    await rename(this.staging, this.target);
  }

  /** The package did not verify: nothing stays. */
  async discard(): Promise<void> {
    await this.closeAll();
    await rm(this.staging, { recursive: true, force: true });
  }

  private async closeAll(): Promise<void> {
    for (const h of this.open) await h.close().catch(() => {});
    this.open.clear();
  }
}
