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

/**
 * Asks for the host of `url`. Call it first thing in the click handler, before any await:
 * Firefox grants requests only from within the user's gesture. Resolves false if refused.
 */
export function requestOrigin(api: PermissionsApi, url: string): Promise<boolean> {
  let pattern: string;
  try {
    pattern = originPattern(url);
  } catch (error) {
    return Promise.reject(error);
  }
  return api.request({ origins: [pattern] });
}

export async function hasOrigin(api: PermissionsApi, url: string): Promise<boolean> {
  return api.contains({ origins: [originPattern(url)] });
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
