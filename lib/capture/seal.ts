import { captureSeal } from '../evidence/seal';
import type { Capture } from '../model/capture';

export type UnsealedCapture = Omit<Capture, 'seal'>;

/** The capture with its seal set: sha256 of its canonical JSON (RFC 8785) without `seal`. */
export async function sealCapture(capture: UnsealedCapture): Promise<Capture> {
  return { ...capture, seal: await captureSeal(capture) };
}
