import type { CustodyDraft } from '../store/repositories/custody-repo';
import type { PackageFacts } from './metadata';
import type { Receipt } from './verify-stored';

/**
 * The custody event of a confirmed upload: where the package now is (endpoint, bucket, key,
 * version id), how long no one can remove it (mode, retain-until), what it is (SHA-256, size,
 * the captures in it) and how the storage was confirmed.
 */
export function depositedEvent(
  endpoint: string,
  bucket: string,
  facts: PackageFacts,
  receipt: Receipt,
  captureIds: string[],
): CustodyDraft {
  return {
    type: 'deposited',
    subject: { kind: 'package', id: facts.packageId },
    data: {
      endpoint: new URL(endpoint).origin,
      bucket,
      key: receipt.key,
      versionId: receipt.versionId,
      mode: receipt.mode,
      retainUntil: receipt.retainUntil,
      sha256: `sha256:${receipt.sha256}`,
      size: receipt.size,
      etag: receipt.etag,
      verified: receipt.verified,
      captures: captureIds,
    },
  };
}
