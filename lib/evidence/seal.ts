import type { Capture } from '../model/capture';
import { canonicalBytes } from './canonical-json';
import { sha256RefOf, type Sha256Ref } from './sha256';

/** A capture's seal: sha256 of the canonical JSON of the capture without its `seal` field. */
export function captureSeal(
  capture: Omit<Capture, 'seal'> & { seal?: string },
): Promise<Sha256Ref> {
  const rest: Record<string, unknown> = { ...capture };
  delete rest.seal;
  return sha256RefOf(canonicalBytes(rest));
}
