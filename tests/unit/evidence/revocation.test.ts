import { describe, expect, it } from 'vitest';
import {
  makeRevocation,
  parseRevocation,
  REVOCATION_PREFIX,
  RevocationError,
  revocationMessage,
} from '../../../lib/evidence/revocation';
import { generateSigningKey } from '../../../lib/evidence/signing';

describe('revocation code', () => {
  it('signs these exact bytes, which another tool must rebuild to check a code', () => {
    const fingerprint = '3f9a0c2be81d47a6b5c0d9e8f7a6b5c4';
    expect(
      new TextDecoder().decode(revocationMessage(fingerprint, '2026-05-01T10:00:00.000Z')),
    ).toBe(
      'dalel/key-revocation/v1\n' +
        `The key ${fingerprint} is revoked: do not trust what it signs after it was lost.\n` +
        'made 2026-05-01T10:00:00.000Z\n',
    );
  });

  it('is a short printable code naming the key; it reads back, whatever the spacing or case', async () => {
    const key = await generateSigningKey();
    const made = await makeRevocation(key, new Date('2026-05-01T10:00:00.700Z'));
    expect(made.code.startsWith(`${REVOCATION_PREFIX}\n`)).toBe(true);
    const lines = made.code.split('\n').slice(1);
    expect(lines.every((l) => /^[A-Z2-7]{4}(-[A-Z2-7]{1,4}){0,7}$/.test(l))).toBe(true);
    expect(made.code.length).toBeLessThan(220);
    const read = await parseRevocation(made.code);
    expect(read).toMatchObject({
      fingerprint: key.fingerprint,
      created: '2026-05-01T10:00:00.000Z',
    });
    const retyped = made.code.toLowerCase().replace(/-/g, ' ').replace(/\n/g, '  ');
    expect((await parseRevocation(retyped)).fingerprint).toBe(key.fingerprint);
    // read aloud and typed back with digits for the look-alike letters O, I and B
    const digits = made.code.replace(/O/g, '0').replace(/I/g, '1').replace(/B/g, '8');
    expect((await parseRevocation(digits)).fingerprint).toBe(key.fingerprint);
  });

  it('a mistyped character, a missing group or another key is refused, never misread', async () => {
    const key = await generateSigningKey();
    const { code } = await makeRevocation(key, new Date());
    const body = code.split('\n').slice(1).join('\n');
    const at = body.indexOf('-') + 1;
    const typo = `${REVOCATION_PREFIX}\n${body.slice(0, at)}${body[at] === 'A' ? 'B' : 'A'}${body.slice(at + 1)}`;
    await expect(parseRevocation(typo)).rejects.toBeInstanceOf(RevocationError);
    await expect(parseRevocation(code.slice(0, -5))).rejects.toThrow(/incomplete/);
    await expect(parseRevocation('hello')).rejects.toThrow(/not a revocation code/);
    await expect(parseRevocation(`${REVOCATION_PREFIX} AB9C`)).rejects.toThrow(/not part of/);
    // Another key's public key in an otherwise genuine code: the signature no longer verifies.
    const other = await generateSigningKey();
    const { code: otherCode } = await makeRevocation(other, new Date());
    const spliced = `${otherCode.slice(0, REVOCATION_PREFIX.length + 1 + 20)}${code.slice(REVOCATION_PREFIX.length + 1 + 20)}`;
    await expect(parseRevocation(spliced)).rejects.toThrow(/does not verify/);
  });
});
