import type { Capture } from '../model/capture';
import { canonicalJson, sha256Bytes } from './ports';

export type UnsealedCapture = Omit<Capture, 'seal'>;

/** The seal: sha256 of the canonical JSON of the capture without its `seal` field. */
export function captureSeal(capture: UnsealedCapture & { seal?: string }): Promise<string> {
  const rest: Record<string, unknown> = { ...capture };
  delete rest.seal;
  return sha256Bytes(new TextEncoder().encode(canonicalJson(rest)));
}

/** The capture with its seal set. */
export async function sealCapture(capture: UnsealedCapture): Promise<Capture> {
  return { ...capture, seal: await captureSeal(capture) };
}
