import type { PackageInput } from '../../evidence/package-input';
import type { PackageResult } from '../../evidence/package-writer';
import type { Store } from '../../store/store';
import type { ExportScope } from '../export-input';
import { exportItem } from './queue';

/**
 * Queues a finished export for the locker when it is set up to take exports: the item names the
 * export's own file (uploaded as it is, the same bytes the monitor downloads) and its scope (to
 * build it again if that file is gone before the upload).
 */
export async function enqueueExport(
  store: Store,
  exported: {
    file: string;
    scope: ExportScope;
    result: PackageResult;
    input: PackageInput;
    signer: string;
  },
): Promise<boolean> {
  const config = await store.locker.config();
  if (!config?.pushExports) return false;
  const { result, input } = exported;
  await store.locker.enqueue([
    exportItem(
      exported.file,
      exported.scope,
      input.captures.map((c) => c.id),
      {
        packageId: result.manifest.packageId,
        created: result.statement.created,
        signer: exported.signer,
        kind: 'export',
        captures: input.captures.length,
        cases: input.cases.map((c) => ({ id: c.id, title: c.title })),
      },
      store.ctx.now(),
    ),
  ]);
  return true;
}
