import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { canonicalJson, sha256Blob, sha256Bytes } from '../../../lib/capture/ports';
import { captureSeal, sealCapture } from '../../../lib/capture/seal';
import { captureSchema } from '../../../lib/model/capture';
import { accountCapture } from './make-capture';

describe('canonical JSON (RFC 8785)', () => {
  it('sorts keys by UTF-16 code units and writes numbers the ECMAScript way', () => {
    expect(
      canonicalJson({
        b: 1,
        a: [true, null, 'x'],
        '\u00e9': 1e21,
        A: 0.000001,
        '\ud83d\ude00': -0,
      }),
    ).toBe('{"A":0.000001,"a":[true,null,"x"],"b":1,"é":1e+21,"😀":0}');
  });

  it('refuses what JSON cannot carry instead of silently dropping it', () => {
    expect(() => canonicalJson({ a: undefined })).toThrow(/\$\.a is undefined/);
    expect(() => canonicalJson({ n: Number.NaN })).toThrow(/not finite/);
    expect(() => canonicalJson({ s: 'bad \ud800' })).toThrow(/lone surrogate/);
  });
});

describe('hashing', () => {
  it('matches Node’s SHA-256 for bytes and blobs', async () => {
    const bytes = new TextEncoder().encode('Дәлел');
    const expected = `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
    expect(await sha256Bytes(bytes)).toBe(expected);
    expect(await sha256Blob(new Blob([bytes]))).toBe(expected);
  });
});

describe('capture seal', () => {
  it('is the SHA-256 of the canonical JSON of the capture without its seal', async () => {
    const { seal: _seal, ...rest } = accountCapture({});
    const sealed = await sealCapture(rest);
    const expected = `sha256:${createHash('sha256').update(canonicalJson(rest)).digest('hex')}`;
    expect(sealed.seal).toBe(expected);
    expect(captureSchema.parse(sealed)).toEqual(sealed);
    expect(await captureSeal(sealed)).toBe(expected); // an existing seal is ignored, not hashed
  });

  it('changes when any field changes', async () => {
    const { seal: _seal, ...rest } = accountCapture({});
    const a = await captureSeal(rest);
    const b = await captureSeal({ ...rest, warnings: ['x'] });
    const c = await captureSeal({
      ...rest,
      metadata: { ...rest.metadata, serverDate: 'Mon, 04 May 2026 09:30:00 GMT' },
    });
    expect(new Set([a, b, c]).size).toBe(3);
  });
});
