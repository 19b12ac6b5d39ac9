import { describe, expect, it } from 'vitest';
import { neutralFileName } from '../../../lib/vault/neutral-name';

describe('neutral download names', () => {
  it('name nothing but the app and a random tag', () => {
    const names = Array.from({ length: 50 }, () => neutralFileName());
    for (const n of names) expect(n).toMatch(/^dalel-[0-9a-f]{8}\.zip$/);
    expect(new Set(names).size).toBeGreaterThan(45);
    expect(neutralFileName('json')).toMatch(/\.json$/);
    expect(() => neutralFileName('../x')).toThrow(/bad file extension/);
  });
});
