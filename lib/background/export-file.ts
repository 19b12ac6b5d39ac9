import type { SinkTarget } from '../evidence/zip/sink';
import { neutralFileName } from '../vault/neutral-name';
import { backgroundMemoryFiles, localMemoryFiles, opfsRoot } from './memory-files';

/**
 * Exports are streamed into the origin-private file system (OPFS), never held in memory whole
 * (where the browser refuses OPFS — permanent private browsing — they are kept in memory instead,
 * see memory-files.ts);
 * the dashboard then hands the file to the browser's download. Names are neutral (no person or
 * case names: the Downloads list leaks them) and older exports are removed first.
 */
const DIR = 'exports';

export async function createExportFile(): Promise<{
  name: string;
  target: SinkTarget;
  discard: () => Promise<void>;
}> {
  const root = await opfsRoot();
  if (!root) return memoryExportFile();
  const dir = await root.getDirectoryHandle(DIR, { create: true });
  for await (const name of (dir as unknown as { keys(): AsyncIterable<string> }).keys())
    await dir.removeEntry(name).catch(() => undefined);
  const name = neutralFileName('zip');
  const handle = await dir.getFileHandle(name, { create: true });
  const target = (await handle.createWritable()) as unknown as WritableStream<Uint8Array>;
  return { name, target, discard: () => dir.removeEntry(name).catch(() => undefined) };
}

/**
 * Deletes every export file. A finished export is the plaintext package: it must not outlive the
 * passphrase lock closing or a panic wipe.
 */
export async function removeExportFiles(): Promise<void> {
  for (const name of localMemoryFiles().keys())
    if (name.startsWith('dalel-')) localMemoryFiles().delete(name);
  const root = await opfsRoot();
  await root?.removeEntry(DIR, { recursive: true }).catch(() => undefined);
}

/** Without OPFS: the package's bytes as Blob parts in the background page's memory. */
function memoryExportFile() {
  const files = localMemoryFiles();
  for (const name of files.keys()) if (name.startsWith('dalel-')) files.delete(name);
  const name = neutralFileName('zip');
  const parts: Blob[] = [];
  files.set(name, parts);
  const target = async (chunk: Uint8Array) => {
    parts.push(new Blob([chunk as Uint8Array<ArrayBuffer>]));
  };
  return { name, target, discard: async () => void files.delete(name) };
}

/** Reads a finished export back (from an extension page) as a disk-backed File. */
export async function openExportFile(name: string): Promise<File> {
  if (!/^dalel-[0-9a-f]{8}\.zip$/.test(name)) throw new Error('not an export file name');
  const root = await opfsRoot();
  if (!root) {
    const parts = (await backgroundMemoryFiles()).get(name);
    if (!parts) throw new Error('the export is no longer in memory: export again');
    return new File(parts, name, { type: 'application/zip' });
  }
  const dir = await root.getDirectoryHandle(DIR);
  return (await dir.getFileHandle(name)).getFile();
}

/**
 * A package the dashboard copied into `imports/` for the background to verify and import from
 * the same bytes; removed afterwards whatever the outcome.
 */
export async function openImportFile(
  name: string,
): Promise<{ file: File; remove: () => Promise<void> }> {
  const root = await opfsRoot();
  if (!root) {
    const files = localMemoryFiles();
    const parts = files.get(name);
    if (!parts) throw new Error(`no package ${name} was handed over for import`);
    return { file: new File(parts, name), remove: async () => void files.delete(name) };
  }
  const dir = await root.getDirectoryHandle('imports', { create: true });
  const file = await (await dir.getFileHandle(name)).getFile();
  return { file, remove: () => dir.removeEntry(name).catch(() => undefined) };
}

/**
 * A package the background itself puts into `imports/` (a download from the team locker), for
 * the dashboard to verify and then import through `import.run` like a file it copied there.
 * Without OPFS the bytes are kept in the background page's memory under the same name.
 */
export async function createImportFile(): Promise<{
  name: string;
  write: (chunk: Uint8Array) => Promise<void>;
  close: () => Promise<void>;
  abort: () => Promise<void>;
}> {
  const name = `pulled-${neutralFileName('zip')}`;
  const root = await opfsRoot();
  if (!root) {
    const files = localMemoryFiles();
    const parts: Blob[] = [];
    files.set(name, parts);
    return {
      name,
      write: async (chunk) => void parts.push(new Blob([chunk as Uint8Array<ArrayBuffer>])),
      close: async () => undefined,
      abort: async () => void files.delete(name),
    };
  }
  const dir = await root.getDirectoryHandle('imports', { create: true });
  const writable = await (await dir.getFileHandle(name, { create: true })).createWritable();
  return {
    name,
    write: (chunk) => writable.write(chunk as Uint8Array<ArrayBuffer>),
    close: () => writable.close(),
    abort: async () => {
      await writable.abort().catch(() => undefined);
      await dir.removeEntry(name).catch(() => undefined);
    },
  };
}

/** Deletes packages waiting in `imports/` (plaintext, like exports: not past a lock or a wipe). */
export async function removeImportFiles(): Promise<void> {
  for (const name of localMemoryFiles().keys())
    if (name.startsWith('pulled-') || name.startsWith('import-')) localMemoryFiles().delete(name);
  const root = await opfsRoot();
  await root?.removeEntry('imports', { recursive: true }).catch(() => undefined);
}
