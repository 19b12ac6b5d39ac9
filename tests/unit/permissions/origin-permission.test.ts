import { describe, expect, it } from 'vitest';
import {
  hasOrigins,
  originPattern,
  releaseOrigin,
  requestOrigins,
  type PermissionsApi,
} from '../../../lib/permissions/origin-permission';

/** A browser.permissions stand-in that grants what it is asked (or refuses) and records calls. */
function fakeApi(grant = true) {
  const granted = new Set<string>();
  const calls: string[] = [];
  const api: PermissionsApi = {
    request: async ({ origins }) => {
      calls.push(`request ${origins.join(' ')}`);
      if (grant) origins.forEach((o) => granted.add(o));
      return grant;
    },
    contains: async ({ origins }) => origins.every((o) => granted.has(o)),
    remove: async ({ origins }) => {
      calls.push(`remove ${origins.join(' ')}`);
      origins.forEach((o) => granted.delete(o));
      return true;
    },
  };
  return { api, calls, granted };
}

describe('optional host permission for a configured endpoint', () => {
  it('one host, without port or path; http and https only; no credentials', () => {
    expect(originPattern('http://timestamp.digicert.com')).toBe('http://timestamp.digicert.com/*');
    expect(originPattern('https://tsa.example.org:8443/tsa?x=1')).toBe('https://tsa.example.org/*');
    expect(originPattern('http://127.0.0.1:3181/tsa')).toBe('http://127.0.0.1/*');
    for (const bad of [
      'ftp://x.org/',
      'file:///etc/passwd',
      'https://u:p@x.org/',
      'not a url',
      'javascript:alert(1)',
    ])
      expect(() => originPattern(bad), bad).toThrow();
  });

  it('asks for exactly that host, synchronously (the request starts before any await)', async () => {
    const { api, calls } = fakeApi();
    const pending = requestOrigins(api, ['http://tsa.example/stamp']);
    expect(calls).toEqual(['request http://tsa.example/*']);
    expect(await pending).toBe(true);
    expect(await hasOrigins(api, ['http://tsa.example/other'])).toBe(true);
    expect(await hasOrigins(api, ['https://tsa.example/'])).toBe(false);
  });

  it('several URLs (the locker: endpoint and presigning service) are one request of their distinct hosts', async () => {
    const { api, calls } = fakeApi();
    const pending = requestOrigins(api, [
      'https://s3.example.org:9000/bucket',
      'https://s3.example.org/other',
      'https://presign.example.org/sign',
    ]);
    expect(calls).toEqual(['request https://s3.example.org/* https://presign.example.org/*']);
    expect(await pending).toBe(true);
    expect(
      await hasOrigins(api, ['https://s3.example.org/x', 'https://presign.example.org/']),
    ).toBe(true);
    expect(await hasOrigins(api, ['https://s3.example.org/x', 'https://third.example.org/'])).toBe(
      false,
    );
  });

  it('no URLs: nothing to ask, nothing missing', async () => {
    const { api, calls } = fakeApi(false);
    expect(await requestOrigins(api, [])).toBe(true);
    expect(await hasOrigins(api, [])).toBe(true);
    expect(calls).toEqual([]);
  });

  it('a refusal resolves false; a bad address rejects without asking', async () => {
    const { api, calls } = fakeApi(false);
    expect(await requestOrigins(api, ['https://tsa.example/'])).toBe(false);
    await expect(
      requestOrigins(api, ['https://ok.example/', 'ftp://tsa.example/']),
    ).rejects.toThrow(/http/);
    expect(calls).toHaveLength(1);
  });

  it('gives the host back only when no other configured URL uses it', async () => {
    const { api, calls, granted } = fakeApi();
    await requestOrigins(api, ['http://tsa.example/a']);
    await releaseOrigin(api, 'http://tsa.example/a', ['http://tsa.example:8080/b']);
    expect(granted.has('http://tsa.example/*')).toBe(true);
    await releaseOrigin(api, 'http://tsa.example/a', ['https://other.example/']);
    expect(granted.has('http://tsa.example/*')).toBe(false);
    expect(calls.at(-1)).toBe('remove http://tsa.example/*');
  });
});
