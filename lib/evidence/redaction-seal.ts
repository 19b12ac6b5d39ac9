import type { Redaction } from '../model/redaction';
import { canonicalBytes } from './canonical-json';
import { sha256RefOf, type Sha256Ref } from './sha256';

/** A redaction record's seal: sha256 of its canonical JSON without `seal` (as a capture's). */
export function redactionSeal(r: Omit<Redaction, 'seal'> & { seal?: string }): Promise<Sha256Ref> {
  const rest: Record<string, unknown> = { ...r };
  delete rest.seal;
  return sha256RefOf(canonicalBytes(rest));
}
