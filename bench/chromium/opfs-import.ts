import type { Page } from '@playwright/test';

const INPUT_ID = 'dalel-bench-file';

/**
 * Copies a package from disk into the extension's OPFS `imports/` folder the way the dashboard's
 * Import screen does (`file.stream().pipeTo(writable)`), without passing its bytes through
 * Playwright: a file input gets the path (a local browser reads the file itself, disk-backed).
 * Returns the seconds the copy took.
 */
export async function placeImportFile(page: Page, path: string, name: string): Promise<number> {
  await page.evaluate((id) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.id = id;
    input.hidden = true;
    document.body.append(input);
  }, INPUT_ID);
  await page.setInputFiles(`#${INPUT_ID}`, path);
  return page.evaluate(
    async ({ id, file }) => {
      const start = performance.now();
      const input = document.getElementById(id) as HTMLInputElement;
      const root = await navigator.storage.getDirectory();
      const dir = await root.getDirectoryHandle('imports', { create: true });
      const writable = await (await dir.getFileHandle(file, { create: true })).createWritable();
      await input.files![0]!.stream().pipeTo(writable);
      input.remove();
      return (performance.now() - start) / 1000;
    },
    { id: INPUT_ID, file: name },
  );
}
