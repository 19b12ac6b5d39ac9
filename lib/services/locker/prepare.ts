import { exportedEvent, writePackage } from '../../evidence/package-writer';
import { Digester, digestBlob } from '../../locker/digest';
import type { PackageFacts } from '../../locker/metadata';
import { packageKey } from '../../locker/object-key';
import type { QueueItem } from '../../locker/queue-item';
import type { Store } from '../../store/store';
import { buildPackageInput } from '../export-input';
import { activeSigner } from './signing';
import type { LockerPorts } from './ports';

export interface Prepared {
  prepared: NonNullable<QueueItem['prepared']>;
  blob: Blob;
}

/**
 * The package file of a queue item, hashed: an export's own file when it is still there (so the
 * locker holds the very package the monitor downloaded), else a package built now from the
 * item's scope — written straight into the locker's folder while SHA-256 and the parts' MD5 are
 * computed from the same bytes. Building appends the `exported` custody event, like any export.
 */
export async function preparePackage(
  store: Store,
  item: QueueItem,
  ports: LockerPorts,
): Promise<Prepared> {
  const partSize = ports.upload?.partSize;
  if (item.exportFile && item.exportFacts) {
    const file = { dir: 'exports', name: item.exportFile } as const;
    const blob = await ports.files.open(file);
    if (blob) {
      const digest = await digestBlob(blob, ports.hashers, partSize);
      const facts: PackageFacts = { ...item.exportFacts, sha256: digest.sha256 };
      return {
        blob,
        prepared: {
          file,
          key: packageKey(facts.signer, facts.created, facts.packageId),
          facts,
          digest,
        },
      };
    }
  }
  const signer = await activeSigner(store);
  const now = ports.now();
  const input = await buildPackageInput(store, item.scope, { signer, tool: ports.tool, now });
  const writer = await ports.files.create();
  const digester = new Digester(ports.hashers, partSize);
  let result;
  try {
    result = await writePackage(input, async (chunk) => {
      digester.update(chunk);
      await writer.write(chunk);
    });
    await writer.close();
  } catch (error) {
    await writer.abort();
    throw error;
  }
  await store.custody.record(exportedEvent(result, signer.fingerprint, ports.now()));
  const digest = digester.finish();
  const facts: PackageFacts = {
    packageId: result.manifest.packageId,
    created: result.statement.created,
    signer: signer.fingerprint,
    sha256: digest.sha256,
    kind: item.kind,
    captures: input.captures.length,
    cases: input.cases.map((c) => ({ id: c.id, title: c.title })),
  };
  const blob = await ports.files.open(writer.file);
  if (!blob || blob.size !== digest.size)
    throw new Error('the package written for the locker cannot be read back');
  return {
    blob,
    prepared: {
      file: writer.file,
      key: packageKey(facts.signer, facts.created, facts.packageId),
      facts,
      digest,
    },
  };
}
