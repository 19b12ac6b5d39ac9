import { browser } from 'wxt/browser';
import type { ErrorCode, RequestInputOf, RequestType, Response } from './protocol';
import type { Reason } from '../i18n/reason';
import type { HandlerResults } from '../background/handlers/index';

/** A refused or failed request, with the router's code (`forbidden`, `storage_full`, …). */
export class RequestError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** Why, as a catalog key and values, when the background gave one. */
    readonly reason?: Reason,
  ) {
    super(message);
    this.name = 'RequestError';
  }
}

type Payload<T extends RequestType> = Omit<RequestInputOf<T>, 'type'>;

/** Sends one request to the background and returns its data, or throws a RequestError. */
export async function request<T extends RequestType>(
  type: T,
  ...payload: keyof Payload<T> extends never ? [] : [Payload<T>]
): Promise<HandlerResults[T]> {
  const response = (await browser.runtime.sendMessage({ type, ...payload[0] })) as Response<
    HandlerResults[T]
  >;
  if (!response) throw new RequestError('failed', 'no answer from the background');
  if (!response.ok)
    throw new RequestError(response.error.code, response.error.message, response.error.reason);
  return response.data;
}
