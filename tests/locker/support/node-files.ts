import { mkdirSync, mkdtempSync, openAsBlob, rmSync } from 'node:fs';
import { open, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { neutralFileName } from '../../../lib/vault/neutral-name';
import type { PackageFile } from '../../../lib/locker/queue-item';
import type { LockerFiles } from '../../../lib/services/locker/ports';

/** The locker's package files in a temp folder (`exports/`, `locker/`), as OPFS holds them in the extension. */
export function nodeLockerFiles(): LockerFiles & {
  dir: string;
  place(name: string, bytes: Uint8Array): Promise<void>;
  dispose(): void;
} {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'dalel-locker-files-'));
  for (const sub of ['exports', 'locker']) mkdirSync(path.join(dir, sub));
  const where = (file: PackageFile) => path.join(dir, file.dir, file.name);
  return {
    dir,
    async create() {
      const file: PackageFile = { dir: 'locker', name: neutralFileName('zip') };
      const handle = await open(where(file), 'w');
      return {
        file,
        write: async (chunk) => void (await handle.write(chunk)),
        close: () => handle.close(),
        abort: async () => {
          await handle.close().catch(() => undefined);
          await rm(where(file), { force: true });
        },
      };
    },
    async open(file) {
      try {
        await stat(where(file));
        return await openAsBlob(where(file));
      } catch {
        return null;
      }
    },
    remove: (file) => rm(where(file), { force: true }),
    async place(name, bytes) {
      const handle = await open(path.join(dir, 'exports', name), 'w');
      await handle.write(bytes);
      await handle.close();
    },
    dispose: () => rmSync(dir, { recursive: true, force: true }),
  };
}
