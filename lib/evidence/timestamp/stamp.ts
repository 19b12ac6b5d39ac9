// Asking a TSA for a token over a SHA-256 digest and accepting it only if it is the answer to
// this request (imprint and nonce) and verifies with the CA configured for that TSA.
import { toHex } from '../hex';
import type { Certificate } from './x509';
import { DerError } from './der';
import { TransportError, type Transport } from './http';
import { newNonce, timeStampRequest } from './request';
import { parseSignedData } from './cms';
import { parseResponse, parseTstInfo } from './tst-info';
import { verifyToken, type TokenResult } from './verify-token';

export type StampFailure =
  TransportError['code'] | 'not_granted' | 'not_our_request' | 'token_invalid' | 'untrusted';

/** Every reason a TSA gave no usable token (the UI words each: `stampFailure_<code>`). */
export const STAMP_FAILURES = [
  'unreachable',
  'http_status',
  'too_large',
  'timeout',
  'not_granted',
  'not_our_request',
  'token_invalid',
  'untrusted',
] as const satisfies readonly StampFailure[];

export type StampOutcome =
  | { ok: true; url: string; token: Uint8Array; result: TokenResult }
  | { ok: false; url: string; code: StampFailure; message: string; result: TokenResult | null };

export interface StampOptions {
  /** CAs the token must chain to; empty means "any chain" is reported untrusted but kept. */
  anchors: readonly Certificate[];
  /** Keep a token whose chain does not reach `anchors` (the CLI; the extension never does). */
  keepUntrusted?: boolean;
}

export async function stampDigest(
  url: string,
  sha256: Uint8Array,
  transport: Transport,
  options: StampOptions,
): Promise<StampOutcome> {
  const nonce = newNonce();
  let answer: Uint8Array;
  try {
    answer = await transport(url, timeStampRequest(sha256, nonce));
  } catch (error) {
    if (error instanceof TransportError)
      return { ok: false, url, code: error.code, message: error.message, result: null };
    return { ok: false, url, code: 'unreachable', message: (error as Error).message, result: null };
  }
  let nonceHex: string | null;
  try {
    const response = parseResponse(answer);
    if (response.status > 1 || !response.token) {
      const text = response.statusText.join('; ');
      return {
        ok: false,
        url,
        code: 'not_granted',
        message: `status ${response.status}${text ? `: ${text}` : ''}`,
        result: null,
      };
    }
    nonceHex = parseTstInfo(parseSignedData(response.token).eContent).nonceHex;
  } catch (error) {
    if (!(error instanceof DerError)) throw error;
    return {
      ok: false,
      url,
      code: 'token_invalid',
      message: `unreadable answer: ${error.message}`,
      result: null,
    };
  }
  if (nonceHex !== toHex(nonce.subarray(nonce[0] === 0 ? 1 : 0)))
    return {
      ok: false,
      url,
      code: 'not_our_request',
      message: 'the answer does not carry our nonce (replayed or misdirected)',
      result: null,
    };
  const result = await verifyToken(answer, { sha256, name: 'the request' }, options.anchors);
  if (result.status === 'trusted' || (result.status === 'untrusted' && options.keepUntrusted))
    return { ok: true, url, token: answer, result };
  return {
    ok: false,
    url,
    code: result.status === 'untrusted' ? 'untrusted' : 'token_invalid',
    message: result.code,
    result,
  };
}
