import { exportedEvent, writePackage, type PackageResult } from '../../evidence/package-writer';
import type { PackageInput } from '../../evidence/package-input';
import { logEvent } from '../../log';
import { publicKeyPem } from '../../evidence/signing';
import { toBase64 } from '../../evidence/hex';
import type { ExportProgressEvent } from '../../messaging/messages/evidence';
import type { Handlers } from '../../messaging/router';
import { ProtocolError } from '../../messaging/router';
import { buildPackageInput, type ExportScope } from '../../services/export-input';
import { importPackage } from '../../services/import-package';
import { backupStatus } from '../../services/backup-status';
import { blobSource } from '../../evidence/zip/source';
import type { Store } from '../../store/store';
import type { SinkTarget } from '../../evidence/zip/sink';
import { signerOf } from '../signing-key';
import { makeRevocation } from '../../evidence/revocation';
import type { Transport } from '../../evidence/timestamp/http';
import { stampStatement } from '../../evidence/timestamp/stamp-statement';

export interface EvidencePorts {
  tool: { name: string; version: string };
  /** How time-stamp queries reach a TSA (fetch in the worker). */
  tsaTransport: Transport;
  createExportFile(): Promise<{ name: string; target: SinkTarget; discard: () => Promise<void> }>;
  /** The font report.pdf embeds, fetched from the extension only when a package is made. */
  reportFont?: () => Promise<Uint8Array>;
  broadcast(event: ExportProgressEvent): void;
  /** The package file a page placed for import, and how to remove it afterwards. */
  openImportFile(name: string): Promise<{ file: File; remove: () => Promise<void> }>;
  /**
   * After a package is written and its `exported` event recorded: the team locker queues it
   * (when set up to). A failure there never fails the export.
   */
  afterExport?(exported: ExportedPackage): Promise<void>;
}

export interface ExportedPackage {
  file: string;
  scope: ExportScope;
  result: PackageResult;
  input: PackageInput;
  signer: string;
}

async function activeSigner(store: Store) {
  const row = await store.keys.active();
  if (!row) throw new ProtocolError('failed', 'this installation has no signing key yet');
  return signerOf(row);
}

/** Export of signed packages, and the signing key's public half. */
export function evidenceHandlers(store: Store, ports: EvidencePorts) {
  return {
    'export.run': async ({ scope, language, withholdRedactedOriginals }) => {
      const signer = await activeSigner(store);
      const now = store.ctx.now();
      const input = await buildPackageInput(store, scope, {
        signer,
        tool: ports.tool,
        now,
        language,
        onProgress: (p) => ports.broadcast({ type: 'export.progress', ...p }),
        withholdRedactedOriginals,
      });
      const { timestampAuthorities } = await store.settings.all();
      if (timestampAuthorities.length)
        input.stampSignature = (signature) =>
          stampStatement(signature, timestampAuthorities, ports.tsaTransport);
      const file = await ports.createExportFile();
      try {
        const result = await writePackage(input, file.target, { reportFont: ports.reportFont });
        await store.custody.record(exportedEvent(result, signer.fingerprint, store.ctx.now()));
        await ports
          .afterExport?.({ file: file.name, scope, result, input, signer: signer.fingerprint })
          .catch(() => logEvent('locker.enqueue_failed'));
        ports.broadcast({
          type: 'export.progress',
          phase: 'done',
          bytesDone: result.size,
          bytesTotal: result.size,
        });
        return {
          file: file.name,
          size: result.size,
          packageId: result.manifest.packageId,
          fingerprint: signer.fingerprint,
          timestamps: result.timestamps,
          counts: {
            captures: input.captures.length,
            persons: input.persons.length,
            cases: input.cases.length,
            links: input.links.length,
            files: result.manifest.files.length,
            withheld: result.manifest.withheld?.length ?? 0,
            redactions: input.redactions?.length ?? 0,
          },
        };
      } catch (error) {
        await file.discard();
        throw error;
      }
    },
    'import.run': async ({ file, pinnedKey, acceptSigner }) => {
      const { file: blob, remove } = await ports.openImportFile(file);
      try {
        const result = await importPackage(store, blobSource(blob), { pinnedKey, acceptSigner });
        // Derive the new captures' list rows now, not on the next open of the list.
        await store.listings.all().catch(() => undefined);
        return result;
      } finally {
        await remove();
      }
    },
    'backup.status': async () => backupStatus(store),
    'key.revocation': async () => {
      const { code, fingerprint, created } = await makeRevocation(
        await activeSigner(store),
        store.ctx.now(),
      );
      return { code, fingerprint, created };
    },
    'key.info': async () => {
      const row = await store.keys.active();
      if (!row) throw new ProtocolError('not_found', 'no signing key yet');
      const signer = await signerOf(row);
      return {
        fingerprint: signer.fingerprint,
        algorithm: row.algorithm,
        createdAt: row.createdAt,
        publicKeyBase64: toBase64(signer.publicKeyRaw),
        publicKeyPem: publicKeyPem(signer.publicKeyRaw),
      };
    },
  } satisfies Partial<Handlers>;
}
