import type { Page } from '@playwright/test';

/** Reads an export from the origin-private file system of the extension, as an extension page does. */
export async function readExportFile(extensionPage: Page, name: string): Promise<Buffer> {
  const base64 = await extensionPage.evaluate(async (file) => {
    const root = await navigator.storage.getDirectory();
    const dir = await root.getDirectoryHandle('exports');
    const bytes = new Uint8Array(
      await (await (await dir.getFileHandle(file)).getFile()).arrayBuffer(),
    );
    let s = '';
    for (let i = 0; i < bytes.length; i += 0x8000)
      s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return btoa(s);
  }, name);
  return Buffer.from(base64, 'base64');
}
