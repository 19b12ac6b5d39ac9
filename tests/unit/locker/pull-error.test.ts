import { describe, expect, it } from 'vitest';
import { pullErrorText } from '../../../components/dashboard/locker/pull-error';

const t = (key: string, ...subs: Array<string | number>) =>
  `[${key}${subs.length ? ` ${subs.join(',')}` : ''}]`;

describe("the pull page's errors, worded for reading (not writing)", () => {
  it("a locker code from the background becomes the reader's sentence, with the detail kept", () => {
    expect(pullErrorText(t, new Error('forbidden: GET 127.0.0.1:1: AccessDenied'))).toBe(
      '[pullError_forbidden] (GET 127.0.0.1:1: AccessDenied)',
    );
  });

  it('anything else is described as every other request failure', () => {
    expect(pullErrorText(t, new Error('something: else'))).not.toContain('pullError_');
  });
});
