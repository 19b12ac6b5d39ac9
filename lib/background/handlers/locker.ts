import { testConnection } from '../../locker/connection-test';
import { lockerOrigins } from '../../locker/config';
import { isLockerError } from '../../locker/errors';
import type { Handlers } from '../../messaging/router';
import { ProtocolError } from '../../messaging/router';
import { pushAllPending } from '../../services/locker/push-all';
import type { LockerPorts } from '../../services/locker/ports';
import type { LockerRunner } from '../../services/locker/runner';
import { configureLocker, removeLocker } from '../../services/locker/settings';
import { signerFor } from '../../services/locker/signer-for';
import { activeSigner } from '../../services/locker/signing';
import { lockerStatus } from '../../services/locker/status';
import { wipeDeposited, wipePreview } from '../../services/locker/wipe-deposited';
import {
  configureReader,
  downloadForImport,
  listForReader,
  readerOrigins,
  removeReader,
} from '../../services/locker/reader';
import { SecretNeedsLockError } from '../../store/repositories/locker-repo';
import type { Store } from '../../store/store';

export interface LockerHandlerPorts {
  runner: LockerRunner;
  ports: LockerPorts;
  /** Deletes plaintext package files (exports, packages waiting for the locker). */
  removePlainFiles(): Promise<void>;
  /** A new file in `imports/` for a package downloaded from the locker. */
  createImportFile(): Promise<{
    name: string;
    write: (chunk: Uint8Array) => Promise<void>;
    close: () => Promise<void>;
    abort: () => Promise<void>;
  }>;
  openImportFile(name: string): Promise<{ remove: () => Promise<void> }>;
}

/** The team locker's settings, connection test, queue and partial wipe. */
export function lockerHandlers(
  store: Store,
  { runner, ports, removePlainFiles, createImportFile, openImportFile }: LockerHandlerPorts,
) {
  const asProtocol = async <T>(work: () => Promise<T>): Promise<T> => {
    try {
      return await work();
    } catch (error) {
      if (error instanceof SecretNeedsLockError) throw new ProtocolError('failed', error.message);
      if (isLockerError(error))
        throw new ProtocolError('failed', `${error.code}: ${error.message}`);
      throw error;
    }
  };
  const kick = () => void runner.kick().catch(() => undefined);
  return {
    'locker.get': async () => {
      const config = await store.locker.config();
      const signer = await activeSigner(store).catch(() => null);
      return {
        config,
        hasSecret: (await store.locker.secret()) !== null,
        origins: config ? lockerOrigins(config) : [],
        fingerprint: signer?.fingerprint ?? null,
      };
    },
    'locker.configure': async ({ config, secretAccessKey }) => {
      try {
        const saved = await configureLocker(store, config, secretAccessKey);
        kick();
        return saved;
      } catch (error) {
        if (error instanceof SecretNeedsLockError) throw new ProtocolError('failed', error.message);
        throw error;
      }
    },
    'locker.remove': async () => {
      await removeLocker(store);
      return { removed: true };
    },
    'locker.test': async () => {
      const config = await store.locker.config();
      if (!config) throw new ProtocolError('not_found', 'the team locker is not set up');
      if (!(await ports.hasOrigins(lockerOrigins(config))))
        return { permission: false as const, origins: lockerOrigins(config), report: null };
      try {
        const signer = await signerFor(store, config, ports);
        const fingerprint = (await activeSigner(store)).fingerprint;
        const report = await testConnection(fingerprint, {
          signer,
          fetch: ports.fetch,
          now: () => ports.now().getTime(),
        });
        return { permission: true as const, origins: lockerOrigins(config), report };
      } catch (error) {
        if (!isLockerError(error)) throw error;
        return {
          permission: true as const,
          origins: lockerOrigins(config),
          report: {
            write: { ok: false as const, code: error.code, detail: error.message },
            objectLock: { ok: null },
            retention: { ok: null },
            key: '',
            versionId: null,
            retainUntil: '',
          },
        };
      }
    },
    'locker.status': async () => lockerStatus(store, runner),
    'locker.retry': async () => {
      void runner.retryNow().catch(() => undefined);
      return { started: true };
    },
    'locker.pushAll': async () => {
      const queued = await pushAllPending(store);
      kick();
      return { captures: queued?.captures ?? 0 };
    },
    'locker.wipePreview': async () => wipePreview(store),
    'locker.wipeDeposited': async () => wipeDeposited(store, removePlainFiles),
    'locker.readerGet': async () => {
      const config = await store.locker.readerConfig();
      return {
        config,
        hasSecret: (await store.locker.readerSecret()) !== null,
        origins: config ? readerOrigins(config) : [],
      };
    },
    'locker.readerConfigure': async ({ config, secretAccessKey }) =>
      asProtocol(() => configureReader(store, config, secretAccessKey)),
    'locker.readerRemove': async () => {
      await removeReader(store);
      return { removed: true };
    },
    'locker.readerList': async () => {
      const config = await store.locker.readerConfig();
      if (!config) throw new ProtocolError('not_found', 'reading the team locker is not set up');
      if (!(await ports.hasOrigins(readerOrigins(config))))
        return { permission: false as const, origins: readerOrigins(config), entries: [] };
      const entries = await asProtocol(() => listForReader(store, ports));
      return { permission: true as const, origins: readerOrigins(config), entries };
    },
    'locker.readerFetch': async ({ key }) => {
      const file = await createImportFile();
      try {
        const got = await asProtocol(() => downloadForImport(store, ports, key, file.write));
        await file.close();
        return { file: file.name, size: got.size, versionId: got.versionId, sha256: got.sha256 };
      } catch (error) {
        await file.abort();
        throw error;
      }
    },
    'locker.readerDiscard': async ({ file }) => {
      await (await openImportFile(file).catch(() => null))?.remove();
      return { removed: true };
    },
  } satisfies Partial<Handlers>;
}
