import type { PackageFile } from '../locker/queue-item';
import type { LockerFiles } from '../services/locker/ports';
import { neutralFileName } from '../vault/neutral-name';

/**
 * Package files on their way to the locker, in the origin-private file system: `locker/` for
 * packages built for it (removed once confirmed), `exports/` for the monitor's own exports.
 * Like exports they are plaintext packages: the passphrase lock closing and the panic wipe
 * delete them (the queue builds them again from the archive when needed).
 */
const LOCKER_DIR = 'locker';

async function dir(
  name: PackageFile['dir'],
  create: boolean,
): Promise<FileSystemDirectoryHandle | null> {
  const root = await navigator.storage.getDirectory();
  return root.getDirectoryHandle(name, { create }).catch(() => null);
}

export const opfsLockerFiles: LockerFiles = {
  async create() {
    const folder = (await dir('locker', true))!;
    const file: PackageFile = { dir: 'locker', name: neutralFileName('zip') };
    const handle = await folder.getFileHandle(file.name, { create: true });
    const writable = await handle.createWritable();
    return {
      file,
      write: (chunk) => writable.write(chunk as Uint8Array<ArrayBuffer>),
      close: () => writable.close(),
      abort: async () => {
        await writable.abort().catch(() => undefined);
        await folder.removeEntry(file.name).catch(() => undefined);
      },
    };
  },
  async open(file) {
    const folder = await dir(file.dir, false);
    if (!folder) return null;
    try {
      return await (await folder.getFileHandle(file.name)).getFile();
    } catch {
      return null;
    }
  },
  async remove(file) {
    await (await dir(file.dir, false))?.removeEntry(file.name).catch(() => undefined);
  },
};

/** Deletes every package file waiting for the locker (with the lock closing, and the wipe). */
export async function removeLockerFiles(): Promise<void> {
  const root = await navigator.storage.getDirectory();
  await root.removeEntry(LOCKER_DIR, { recursive: true }).catch(() => undefined);
}
