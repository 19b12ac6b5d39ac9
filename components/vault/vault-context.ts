import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { HandlerResults } from '../../lib/background/handlers/index';

export type VaultStatus = HandlerResults['vault.status'];

/** The lock's state as the gate last read it, and how to read it again after a change. */
export const VaultContext = createContext<{ status: VaultStatus; refresh(): void } | null>(null);

export function useVault(): { status: VaultStatus; refresh(): void } {
  const value = useContext(VaultContext);
  if (!value) throw new Error('useVault outside <VaultGate>');
  return value;
}
