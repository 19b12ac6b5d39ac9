import { browser } from 'wxt/browser';
import { request } from '../lib/messaging/client';
import { captureProgressSchema, type CaptureProgress } from '../lib/messaging/messages/capture';

export type { CaptureProgress };

/** One change of an account between two captures (`capture.timeline`). */
export interface AccountChange {
  field: string;
  before: unknown;
  after: unknown;
}

/** The capture messages, typed by the protocol. */
export const captureApi = {
  run: (tabId: number) => request('capture.run', { tabId }),
  get: (id: string) => request('capture.get', { id }),
  timeline: (accountKey: string) => request('capture.timeline', { accountKey }),
  artifact: (sha256: string) => request('artifact.get', { sha256 }),
};

/** Calls `listener` with each capture progress event until the returned function is called. */
export function onCaptureProgress(listener: (event: CaptureProgress) => void): () => void {
  const handle = (message: unknown) => {
    const event = captureProgressSchema.safeParse(message);
    if (event.success) listener(event.data);
  };
  browser.runtime.onMessage.addListener(handle);
  return () => browser.runtime.onMessage.removeListener(handle);
}

function bytesOf(base64: string): Uint8Array<ArrayBuffer> {
  return Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
}

/** An artifact's bytes as an object URL (revoke it when done). */
export async function artifactUrl(sha256: string): Promise<string> {
  const { mediaType, base64 } = await captureApi.artifact(sha256);
  return URL.createObjectURL(new Blob([bytesOf(base64)], { type: mediaType }));
}

/** An artifact's bytes as text (the HTML snapshot). */
export async function artifactText(sha256: string): Promise<string> {
  const { base64 } = await captureApi.artifact(sha256);
  return new TextDecoder().decode(bytesOf(base64));
}
