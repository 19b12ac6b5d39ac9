// POSTing a time-stamp query over HTTP(S) (RFC 3161 §3.4), with the standard fetch of browsers
// and Node: no cookies or referrer sent, a time limit, and an answer size limit.
import { MAX_TOKEN_SIZE } from './verify-token';

/** Sends a DER query, answers the DER reply; throws TransportError with a stable code. */
export type Transport = (url: string, query: Uint8Array) => Promise<Uint8Array>;

export class TransportError extends Error {
  constructor(
    readonly code: 'unreachable' | 'http_status' | 'too_large' | 'timeout',
    message: string,
  ) {
    super(message);
  }
}

export const TSA_TIMEOUT_MS = 20_000;

export function httpTransport(timeoutMs = TSA_TIMEOUT_MS): Transport {
  return async (url, query) => {
    let response: Response;
    try {
      response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/timestamp-query' },
        body: query as Uint8Array<ArrayBuffer>,
        credentials: 'omit',
        cache: 'no-store',
        referrerPolicy: 'no-referrer',
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      const name = (error as Error).name;
      if (name === 'TimeoutError' || name === 'AbortError')
        throw new TransportError('timeout', `no answer within ${timeoutMs / 1000} s`);
      throw new TransportError('unreachable', (error as Error).message);
    }
    if (!response.ok) {
      await response.body?.cancel().catch(() => undefined);
      throw new TransportError('http_status', `HTTP ${response.status}`);
    }
    return readCapped(response, MAX_TOKEN_SIZE);
  };
}

async function readCapped(response: Response, max: number): Promise<Uint8Array> {
  const reader = response.body?.getReader();
  if (!reader) return new Uint8Array();
  const parts: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > max) {
      await reader.cancel().catch(() => undefined);
      throw new TransportError('too_large', `the answer is larger than ${max} bytes`);
    }
    parts.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
