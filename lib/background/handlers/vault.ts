import type { Handlers } from '../../messaging/router';
import { checkIntegrity } from '../../store/integrity';
import type { Store } from '../../store/store';
import type { VaultController } from '../vault-controller';
import type { WitnessKeeper } from '../witness-keeper';

export interface StorageInfo {
  /** Where the archive lives (lib/background/store-backend.ts); absent in tests. */
  backend?: 'indexeddb' | 'extension-storage';
  usage: number;
  quota: number;
  /** `navigator.storage.persisted()`: the origin's storage is marked persistent. */
  persisted: boolean;
  /**
   * `unlimitedStorage` is granted: Chrome exempts the extension from quota and eviction (and
   * Firefox makes its storage persistent) even when `persisted()` says false.
   */
  evictionExempt: boolean;
}

/** Handlers of the passphrase lock, the panic wipe, storage health and the integrity check. */
export function vaultHandlers(
  store: Store,
  vault: VaultController,
  storageInfo: () => Promise<StorageInfo>,
  witness: WitnessKeeper,
) {
  return {
    'vault.status': async () => vault.status(),
    'vault.enable': async ({ passphrase }) => vault.enable(passphrase),
    'vault.unlock': async ({ passphrase }) => vault.unlock(passphrase),
    'vault.lock': async () => vault.lock(),
    'vault.change': async ({ current, next }) => vault.change(current, next),
    'vault.disable': async ({ passphrase }) => vault.disable(passphrase),
    'vault.wipe': async ({ history }) => vault.wipe({ history }),
    'storage.info': async () => {
      const info = await storageInfo();
      // Chrome reports a huge quota under `unlimitedStorage`; 80 % is still the warning line.
      return { ...info, nearlyFull: info.quota > 0 && info.usage / info.quota > 0.8 };
    },
    'integrity.check': async ({ full }) => {
      const report = await checkIntegrity(store, full);
      // A lost or replaced log looks healthy from inside the store: ask the witness outside it.
      const lost = await witness.check();
      return { ...report, ok: report.ok && lost.length === 0, damage: [...lost, ...report.damage] };
    },
    'integrity.acknowledgeLoss': async () => witness.acknowledge(),
  } satisfies Partial<Handlers>;
}
