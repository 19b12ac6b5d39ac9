import type { Handlers } from '../../messaging/router';
import type { Store } from '../../store/store';
import type { VaultController } from '../vault-controller';
import type { WitnessKeeper } from '../witness-keeper';
import { captureHandlers, type CapturePorts } from './capture';
import { coreHandlers, type BrowserPorts as CorePorts } from './core';
import { dashboardHandlers } from './dashboard';
import { evidenceHandlers, type EvidencePorts } from './evidence';
import { timestampHandlers, type TimestampPorts } from './timestamps';
import { lockerHandlers, type LockerHandlerPorts } from './locker';
import { vaultHandlers, type StorageInfo } from './vault';

export interface BrowserPorts extends CorePorts, CapturePorts, EvidencePorts, TimestampPorts {
  storageInfo(): Promise<StorageInfo>;
}

/** One handler per message type, from every area; `satisfies` fails the build if one is missing. */
export function createHandlers(
  store: Store,
  ports: BrowserPorts,
  vault: VaultController,
  witness: WitnessKeeper,
  locker: LockerHandlerPorts,
) {
  const core = coreHandlers(store, ports);
  return {
    ...core,
    ...dashboardHandlers(store),
    ...captureHandlers(store, ports),
    ...evidenceHandlers(store, ports),
    ...timestampHandlers(store, ports),
    ...vaultHandlers(store, vault, ports.storageInfo, witness),
    ...lockerHandlers(store, locker),
    // A new idle timeout applies at once, not at the next unlock.
    'settings.set': async (request) => {
      const settings = await core['settings.set'](request);
      await vault.setIdleMinutes(settings.autoLockMinutes);
      return settings;
    },
  } satisfies Handlers;
}

type Created = ReturnType<typeof createHandlers>;
/** What each request answers with, for the typed client. */
export type HandlerResults = { [K in keyof Created]: Awaited<ReturnType<Created[K]>> };
