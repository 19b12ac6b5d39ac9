/**
 * Where a package lives in the bucket: `dalel/<signer fingerprint>/<YYYY-MM-DD>/<package id>.zip`.
 * The pull side lists by prefix (one monitor, one day) without downloading anything; a monitor's
 * presigning policy is "only under your own fingerprint". Names hold ids only, never a person's
 * or case's name.
 */
export const KEY_ROOT = 'dalel';

const FINGERPRINT = /^[0-9a-f]{4}(-[0-9a-f]{4}){7}$/;
const PACKAGE_KEY =
  /^dalel\/([0-9a-f]{4}(?:-[0-9a-f]{4}){7})\/(\d{4}-\d{2}-\d{2})\/([0-9a-f]{32})\.zip$/;

export interface PackageKey {
  fingerprint: string;
  /** UTC day the package was created. */
  day: string;
  packageId: string;
}

export function monitorPrefix(fingerprint: string): string {
  if (!FINGERPRINT.test(fingerprint)) throw new Error(`not a key fingerprint: ${fingerprint}`);
  return `${KEY_ROOT}/${fingerprint}/`;
}

export function packageKey(fingerprint: string, created: string, packageId: string): string {
  if (!/^[0-9a-f]{32}$/.test(packageId)) throw new Error(`not a package id: ${packageId}`);
  const day = new Date(created).toISOString().slice(0, 10);
  return `${monitorPrefix(fingerprint)}${day}/${packageId}.zip`;
}

/** The parts of a package key, or null for anything else in the bucket. */
export function parsePackageKey(key: string): PackageKey | null {
  const m = PACKAGE_KEY.exec(key);
  return m ? { fingerprint: m[1]!, day: m[2]!, packageId: m[3]! } : null;
}

/** Where "test the connection" writes its small probe object. */
export function probeKey(fingerprint: string, at: Date): string {
  return `${monitorPrefix(fingerprint)}connection-test/${at.toISOString().replace(/[:.]/g, '-')}.txt`;
}

/** A key as it appears in a path-style URL: each segment percent-encoded, slashes kept. */
export function encodeKey(key: string): string {
  return key.split('/').map(encodeURIComponent).join('/');
}
