// Optional host permissions for endpoints the monitor configures (a time-stamping authority now,
// the organisation's locker later, issue 18): asked for one host when it is added, given back
// when nothing configured uses it any more. Nothing is granted at install (least privilege).

/** The part of `browser.permissions` used here, injected so tests and both browsers fit. */
export interface PermissionsApi {
  request(permissions: { origins: string[] }): Promise<boolean>;
  contains(permissions: { origins: string[] }): Promise<boolean>;
  remove(permissions: { origins: string[] }): Promise<boolean>;
}

export class OriginError extends Error {}

/**
 * The match pattern covering a configured URL: `<scheme>://<host>/*`. Ports are left out: Firefox
 * match patterns cannot name one, and every port of the one host is still just that host.
 */
export function originPattern(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new OriginError(`not a URL: ${url}`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
    throw new OriginError('only http:// and https:// addresses can be used');
  if (parsed.username || parsed.password)
    throw new OriginError('the address must not contain a user name or password');
  if (!parsed.hostname || parsed.hostname.includes('*'))
    throw new OriginError('the address needs a host name');
  return `${parsed.protocol}//${parsed.hostname}/*`;
}

/** The distinct host patterns of several configured URLs (throws OriginError on a bad one). */
export function originPatterns(urls: readonly string[]): string[] {
  return [...new Set(urls.map(originPattern))];
}

/**
 * Asks for the hosts of `urls` (a TSA's address, or the locker's endpoint and presigning
 * service). Call it first thing in the click handler, before any await: Firefox grants requests
 * only from within the user's gesture, so the request starts synchronously. Resolves false if
 * refused, true at once for no URLs; rejects (without asking) for a URL that is not http(s).
 */
export function requestOrigins(api: PermissionsApi, urls: readonly string[]): Promise<boolean> {
  let origins: string[];
  try {
    origins = originPatterns(urls);
  } catch (error) {
    return Promise.reject(error);
  }
  if (origins.length === 0) return Promise.resolve(true);
  return api.request({ origins });
}

/** True when every host of `urls` is granted. */
export async function hasOrigins(api: PermissionsApi, urls: readonly string[]): Promise<boolean> {
  const origins = originPatterns(urls);
  return origins.length === 0 || api.contains({ origins });
}

/** Gives the host of `removed` back unless one of the URLs still configured is on it. */
export async function releaseOrigin(
  api: PermissionsApi,
  removed: string,
  stillConfigured: readonly string[],
): Promise<void> {
  const pattern = originPattern(removed);
  if (stillConfigured.some((url) => originPattern(url) === pattern)) return;
  // Required host permissions (the platforms') cannot be removed; the browser refuses quietly.
  await api.remove({ origins: [pattern] }).catch(() => false);
}
