import { LockerError } from './errors';
import type { SignedRequest } from './s3-op';

export interface Sent {
  status: number;
  headers: Headers;
  body: string;
}

export interface SendOptions {
  fetch: typeof fetch;
  /** Give up when nothing completes for this long (a full Ceph cluster blocks writes silently). */
  stallMs: number;
  /** Slowest link we wait for: the deadline grows with the body's size at this rate. */
  minBytesPerSecond: number;
}

export const DEFAULT_SEND: Omit<SendOptions, 'fetch'> = {
  stallMs: 60_000,
  minBytesPerSecond: 32 * 1024,
};

/**
 * Sends one signed request and reads its whole answer, with a deadline (`stallMs` plus the time
 * the body takes at `minBytesPerSecond`). No answer in time is `stalled`; no connection at all is
 * `unreachable`. Status codes are the caller's business.
 */
export async function send(
  request: SignedRequest,
  body: Blob | string | null,
  options: SendOptions,
): Promise<Sent> {
  const bytes = body === null ? 0 : typeof body === 'string' ? body.length : body.size;
  const deadline = options.stallMs + (bytes / options.minBytesPerSecond) * 1000;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), deadline);
  try {
    const response = await options.fetch(request.url, {
      method: request.method,
      headers: request.headers,
      body,
      signal: controller.signal,
      // The locker is reached with host permissions, never with the user's cookies for it.
      credentials: 'omit',
      cache: 'no-store',
    });
    const text = request.method === 'HEAD' ? '' : await response.text();
    return { status: response.status, headers: response.headers, body: text };
  } catch (error) {
    if (controller.signal.aborted)
      throw new LockerError(
        'stalled',
        `${request.method} ${hostOf(request.url)}: no answer within ${Math.round(deadline / 1000)} s`,
      );
    throw new LockerError(
      'unreachable',
      `${request.method} ${hostOf(request.url)}: ${(error as Error).message}`,
    );
  } finally {
    clearTimeout(timer);
  }
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return 'the locker';
  }
}

/** An ETag without its quotes (S3 quotes them). */
export function bareEtag(etag: string | null): string | null {
  return etag === null ? null : etag.replace(/^W\//, '').replace(/^"|"$/g, '');
}
