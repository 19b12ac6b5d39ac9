import type { LockerConfig } from '../../locker/config';
import { LockerError } from '../../locker/errors';
import { keySigner } from '../../locker/key-signer';
import { presignSigner } from '../../locker/presign-signer';
import type { RequestSigner } from '../../locker/s3-op';
import type { Store } from '../../store/store';
import type { LockerPorts } from './ports';
import { activeSigner } from './signing';

/** The request signer the configuration asks for: the vault's S3 key, or the organisation's service. */
export async function signerFor(
  store: Store,
  config: LockerConfig,
  ports: Pick<LockerPorts, 'fetch' | 'now'>,
): Promise<RequestSigner> {
  const bucket = { endpoint: config.endpoint, bucket: config.bucket, region: config.region };
  if (config.auth.kind === 'presigned')
    return presignSigner({
      serviceUrl: config.auth.serviceUrl,
      bucket,
      signer: await activeSigner(store),
      fetch: ports.fetch,
      now: ports.now,
    });
  const secret = await store.locker.secret();
  if (!secret)
    throw new LockerError(
      'wrong_key',
      'no secret key is stored for this access key (it is kept only under the passphrase lock)',
    );
  return keySigner(
    bucket,
    { accessKeyId: config.auth.accessKeyId, secretAccessKey: secret },
    ports.now,
  );
}
