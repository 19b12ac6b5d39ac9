import { browser } from 'wxt/browser';

/**
 * Files kept in the background page's memory, for when the browser refuses the origin-private
 * file system (Firefox and Tor Browser in permanent private browsing): a finished export until
 * the dashboard saves it, and a package the dashboard hands over for import. Nothing is written
 * to disk — which is what a Tor Browser user expects — but a file must fit in memory
 * (ARCHITECTURE.md, "Storage per browser and mode"). Extension pages reach the map through
 * `runtime.getBackgroundPage()` (Firefox MV2, the only browser that needs this).
 */
const KEY = '__dalelMemoryFiles';

type Files = Map<string, Blob[]>;

/** The map in this context (the background page). */
export function localMemoryFiles(): Files {
  const g = globalThis as unknown as Record<string, Files | undefined>;
  return (g[KEY] ??= new Map());
}

/** The background page's map, from an extension page. */
export async function backgroundMemoryFiles(): Promise<Files> {
  const page = (await browser.runtime.getBackgroundPage()) as unknown as Record<
    string,
    Files | undefined
  > | null;
  if (!page) throw new Error('the background page is not reachable');
  return (page[KEY] ??= new Map());
}

/** The origin-private file system, or null where the browser refuses it. */
export async function opfsRoot(): Promise<FileSystemDirectoryHandle | null> {
  try {
    return await navigator.storage.getDirectory();
  } catch {
    return null;
  }
}
