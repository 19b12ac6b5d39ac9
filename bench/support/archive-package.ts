import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { writePackage } from '../../lib/evidence/package-writer';
import type { SigningKey } from '../../lib/evidence/signing';
import { buildPackageInput } from '../../lib/services/export-input';
import { nodePrimitives } from '../../cli/node/primitives';
import { fileSink } from '../../cli/node/files';
import { archiveRows, storeOf } from './archive';

/**
 * Chromium refuses to write 50,000 Blobs in one IndexedDB transaction ("DataError: Failed to
 * write blobs (IOError)"; 20,000 pass), and an import is one transaction: a 10,000-capture
 * archive is therefore carried in packages of this many captures.
 */
export const CAPTURES_PER_PACKAGE = 1_000;

/**
 * Writes a whole `n`-capture archive as signed packages under `dir` through the extension's own
 * export selection and package writer, so the extension can import them (`import.run`) the way
 * a monitor restores backups or takes in colleagues' packages. Returns the files in order, their
 * total size and how long building them took.
 */
export async function writeArchivePackages(
  n: number,
  key: SigningKey,
  dir: string,
): Promise<{ files: string[]; bytes: number; entries: number; seconds: number }> {
  const start = performance.now();
  const rows = await archiveRows(n, key, { sealed: true });
  const store = await storeOf(rows, key);
  const out = { files: [] as string[], bytes: 0, entries: 0, seconds: 0 };
  try {
    for (let from = 0; from < n; from += CAPTURES_PER_PACKAGE) {
      const ids = rows.captures.slice(from, from + CAPTURES_PER_PACKAGE).map((c) => c.id);
      const path = join(dir, `archive-${n}-${from}.zip`);
      const input = await buildPackageInput(
        store,
        { kind: 'selection', ids },
        { signer: key, tool: { name: 'dalel', version: 'bench' }, now: new Date() },
      );
      const sink = await fileSink(path);
      try {
        const result = await writePackage(input, sink.target, { primitives: nodePrimitives });
        out.bytes += result.size;
        out.entries += result.manifest.files.length;
      } catch (error) {
        await rm(path, { force: true });
        throw error;
      } finally {
        await sink.close();
      }
      out.files.push(path);
    }
  } finally {
    store.ctx.db.close();
  }
  out.seconds = (performance.now() - start) / 1000;
  return out;
}
