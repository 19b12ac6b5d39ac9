import { browser } from 'wxt/browser';
import type { Capture } from '../lib/model/capture';
import type { CustodyEvent } from '../lib/model/custody';
import type { Link } from '../lib/model/link';
import { RequestError } from '../lib/messaging/client';
import type { Response } from '../lib/messaging/protocol';

// TEMPORARY (until the capture branch lands on main): the capture messages are sent untyped with
// the types of their agreed contract; after `git merge main` these become `request(...)` calls.

async function send<T>(type: string, payload: Record<string, unknown> = {}): Promise<T> {
  const response = (await browser.runtime.sendMessage({ type, ...payload })) as Response<T>;
  if (!response) throw new RequestError('failed', 'no answer from the background');
  if (!response.ok) throw new RequestError(response.error.code, response.error.message);
  return response.data;
}

export interface AccountChange {
  field: string;
  before: unknown;
  after: unknown;
}

/** A progress event the background broadcasts while a capture is sealed. */
export interface CaptureProgress {
  type: 'capture.progress';
  tabId: number;
  stage: string;
  done: number;
  total: number;
}

export const captureApi = {
  run: (tabId: number) => send<{ id: string; seal: string }>('capture.run', { tabId }),
  get: (id: string) =>
    send<{ capture: Capture; links: Link[]; custody: CustodyEvent[] }>('capture.get', { id }),
  timeline: (accountKey: string) =>
    send<Array<{ capture: Capture; changes: AccountChange[] }>>('capture.timeline', {
      accountKey,
    }),
  artifact: (sha256: string) =>
    send<{ mediaType: string; size: number; base64: string }>('artifact.get', { sha256 }),
};

/** Calls `listener` with each capture progress event until the returned function is called. */
export function onCaptureProgress(listener: (event: CaptureProgress) => void): () => void {
  const handle = (message: unknown) => {
    if ((message as { type?: string } | null)?.type === 'capture.progress')
      listener(message as CaptureProgress);
  };
  browser.runtime.onMessage.addListener(handle);
  return () => browser.runtime.onMessage.removeListener(handle);
}

/** An artifact's bytes as an object URL (revoke it when done). */
export async function artifactUrl(sha256: string): Promise<string> {
  const { mediaType, base64 } = await captureApi.artifact(sha256);
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  return URL.createObjectURL(new Blob([bytes], { type: mediaType }));
}

/** An artifact's bytes as text (the HTML snapshot). */
export async function artifactText(sha256: string): Promise<string> {
  const { base64 } = await captureApi.artifact(sha256);
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  return new TextDecoder().decode(bytes);
}
