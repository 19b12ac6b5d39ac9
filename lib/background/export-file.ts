import type { SinkTarget } from '../evidence/zip/sink';

/**
 * Exports are streamed into the origin-private file system (OPFS), never held in memory whole;
 * the dashboard then hands the file to the browser's download. Names are neutral (no person or
 * case names: the Downloads list leaks them) and older exports are removed first.
 */
const DIR = 'exports';

function neutralName(): string {
  const hex = Array.from(crypto.getRandomValues(new Uint8Array(4)), (b) =>
    b.toString(16).padStart(2, '0'),
  ).join('');
  return `dalel-${hex}.zip`;
}

export async function createExportFile(): Promise<{
  name: string;
  target: SinkTarget;
  discard: () => Promise<void>;
}> {
  const root = await navigator.storage.getDirectory();
  const dir = await root.getDirectoryHandle(DIR, { create: true });
  for await (const name of (dir as unknown as { keys(): AsyncIterable<string> }).keys())
    await dir.removeEntry(name).catch(() => undefined);
  const name = neutralName();
  const handle = await dir.getFileHandle(name, { create: true });
  const target = (await handle.createWritable()) as unknown as WritableStream<Uint8Array>;
  return { name, target, discard: () => dir.removeEntry(name).catch(() => undefined) };
}

/** Reads a finished export back (from an extension page) as a disk-backed File. */
export async function openExportFile(name: string): Promise<File> {
  if (!/^dalel-[0-9a-f]{8}\.zip$/.test(name)) throw new Error('not an export file name');
  const root = await navigator.storage.getDirectory();
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
  const root = await navigator.storage.getDirectory();
  const dir = await root.getDirectoryHandle('imports', { create: true });
  const file = await (await dir.getFileHandle(name)).getFile();
  return { file, remove: () => dir.removeEntry(name).catch(() => undefined) };
}
