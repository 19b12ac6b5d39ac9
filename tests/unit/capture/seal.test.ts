import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sealCapture } from '../../../lib/capture/seal';
import { canonicalize } from '../../../lib/evidence/canonical-json';
import { captureSchema } from '../../../lib/model/capture';
import { accountCapture } from './make-capture';

describe('capture seal', () => {
  it('is the SHA-256 of the RFC 8785 JSON of the capture without its seal', async () => {
    const { seal: _seal, ...rest } = accountCapture({});
    const sealed = await sealCapture(rest);
    const expected = `sha256:${createHash('sha256').update(canonicalize(rest)).digest('hex')}`;
    expect(sealed.seal).toBe(expected);
    expect(captureSchema.parse(sealed)).toEqual(sealed);
  });

  it('changes when any field changes', async () => {
    const { seal: _seal, ...rest } = accountCapture({});
    const seals = await Promise.all([
      sealCapture(rest),
      sealCapture({ ...rest, warnings: ['x'] }),
      sealCapture({
        ...rest,
        metadata: { ...rest.metadata, serverDate: 'Mon, 04 May 2026 09:30:00 GMT' },
      }),
    ]);
    expect(new Set(seals.map((s) => s.seal)).size).toBe(3);
  });

  it('refuses a capture JSON cannot carry instead of sealing a silently different one', async () => {
    const { seal: _seal, ...rest } = accountCapture({});
    await expect(
      sealCapture({ ...rest, accountKey: undefined as unknown as null }),
    ).rejects.toThrow(/undefined/);
  });
});
