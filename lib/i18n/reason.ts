import { english } from './english';

/**
 * Why something failed, as a key of the locale catalogs and its `$1…` values: the background
 * answers it beside the English message, and each page shows it in the monitor's language.
 */
export interface Reason {
  key: string;
  params: string[];
}

/** An error the monitor reads: its message is the catalog's English, its reason translatable. */
export class ReasonedError extends Error {
  readonly reason: Reason;
  constructor(key: string, ...params: Array<string | number>) {
    super(english(key, ...params));
    this.reason = { key, params: params.map(String) };
    this.name = 'ReasonedError';
  }
}

/** The reason an error carries, if it has one (any error class may, by this shape). */
export function reasonOf(error: unknown): Reason | undefined {
  const reason = (error as { reason?: unknown } | null)?.reason;
  if (!reason || typeof reason !== 'object') return undefined;
  const { key, params } = reason as Partial<Reason>;
  if (typeof key !== 'string' || !Array.isArray(params)) return undefined;
  return { key, params: params.map(String) };
}
