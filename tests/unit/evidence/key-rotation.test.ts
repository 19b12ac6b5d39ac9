// What a `key_rotated` event proves, one refusal at a time: a lawyer reads "signed" only when the
// statement is well formed, names the event's own keys, whose fingerprints it states truly, and
// carries the previous key's signature over its canonical bytes. Handovers chain keys by signed
// steps. signer-continuity.test.ts drives the same checks through whole packages.
import { describe, expect, it } from 'vitest';
import type { CustodyEvent } from '../../../lib/model/custody';
import { canonicalBytes } from '../../../lib/evidence/canonical-json';
import { toBase64 } from '../../../lib/evidence/hex';
import {
  checkRotationEvent,
  Handovers,
  signRotation,
  type SignedRotation,
} from '../../../lib/evidence/key-rotation';
import { generateSigningKey } from '../../../lib/evidence/signing';

const at = new Date('2026-03-01T10:00:00.000Z');

async function keys() {
  const a = await generateSigningKey();
  const b = await generateSigningKey();
  const handover = await signRotation(a, b, at);
  return { a, b, handover };
}

/** A `key_rotated` event as the keys repository writes it (hashes do not matter here). */
function rotatedEvent(data: Record<string, unknown>): CustodyEvent {
  return {
    seq: 3,
    at: at.toISOString(),
    actor: 'x',
    type: 'key_rotated',
    subject: { kind: 'key', id: 'key_1' },
    data,
    prevHash: `sha256:${'0'.repeat(64)}`,
    hash: `sha256:${'1'.repeat(64)}`,
  };
}

async function eventFor(rotation: unknown, over: Record<string, unknown> = {}) {
  const { a, b } = await fixture;
  return rotatedEvent({
    algorithm: 'Ed25519',
    fingerprint: b.fingerprint,
    publicKey: toBase64(b.publicKeyRaw),
    previous: a.fingerprint,
    ...(rotation === undefined ? {} : { rotation }),
    ...over,
  });
}

const fixture = keys();

describe('checkRotationEvent', () => {
  it('a true handover is signed, between the event’s two keys', async () => {
    const { a, b, handover } = await fixture;
    expect(handover.statement).toEqual({
      type: 'dalel/key-rotation/v1',
      previous: a.fingerprint,
      previousKey: toBase64(a.publicKeyRaw),
      next: b.fingerprint,
      nextKey: toBase64(b.publicKeyRaw),
      at: '2026-03-01T10:00:00.000Z',
    });
    expect(await checkRotationEvent(await eventFor(handover))).toEqual({
      kind: 'signed',
      previous: a.fingerprint,
      next: b.fingerprint,
    });
  });

  it('no handover is unsigned; missing fingerprints read as "?"', async () => {
    const { a, b } = await fixture;
    expect(await checkRotationEvent(await eventFor(undefined))).toEqual({
      kind: 'unsigned',
      previous: a.fingerprint,
      next: b.fingerprint,
    });
    expect(await checkRotationEvent(rotatedEvent({ fingerprint: 7, previous: null }))).toEqual({
      kind: 'unsigned',
      previous: '?',
      next: '?',
    });
  });

  it('a statement of the wrong shape, or a signature that is no string, is malformed', async () => {
    const { a, b, handover } = await fixture;
    const invalid = { kind: 'invalid', previous: a.fingerprint, next: b.fingerprint };
    for (const rotation of [
      null,
      {},
      { signature: handover.signature },
      { statement: { ...handover.statement, type: 'other' }, signature: handover.signature },
      { statement: { ...handover.statement, extra: 1 }, signature: handover.signature },
      { statement: handover.statement },
      { statement: handover.statement, signature: 64 },
    ])
      expect(await checkRotationEvent(await eventFor(rotation))).toEqual({
        ...invalid,
        reason: 'malformed',
      });
  });

  it('a statement naming other keys than the event is refused, whichever key differs', async () => {
    const { a, b, handover } = await fixture;
    const c = await generateSigningKey();
    const reason = async (over: Record<string, unknown>) =>
      ((await checkRotationEvent(await eventFor(handover, over))) as { reason?: string }).reason;
    expect(await reason({ fingerprint: c.fingerprint })).toBe('other_keys');
    expect(await reason({ publicKey: toBase64(c.publicKeyRaw) })).toBe('other_keys');
    expect(await reason({ previous: c.fingerprint })).toBe('other_keys');
    expect(await reason({ previous: a.fingerprint, fingerprint: b.fingerprint })).toBeUndefined();
  });

  it('a signature that is not base64 is said so', async () => {
    const { handover } = await fixture;
    const check = await checkRotationEvent(
      await eventFor({ statement: handover.statement, signature: 'not base64!' }),
    );
    expect(check).toMatchObject({ kind: 'invalid', reason: 'not_base64' });
  });

  it('a fingerprint that is not of its stated key is a mismatch, previous or next', async () => {
    const { a, b, handover } = await fixture;
    const c = await generateSigningKey();
    // The statement swaps in c's key under a's fingerprint, signed by c: only the fingerprint lies.
    const lyingPrevious = await signed(c, { ...handover.statement, previousKey: b64(c) });
    expect(await checkRotationEvent(await eventFor(lyingPrevious))).toMatchObject({
      reason: 'fingerprint_mismatch',
    });
    const lyingNext = await signed(a, { ...handover.statement, nextKey: b64(c) });
    expect(
      await checkRotationEvent(await eventFor(lyingNext, { publicKey: b64(c) })),
    ).toMatchObject({ reason: 'fingerprint_mismatch' });
    expect(b.fingerprint).not.toBe(c.fingerprint);
  });

  it('a signature by another key, or over other bytes, is a bad signature', async () => {
    const { b, handover } = await fixture;
    const byNext = await signed(b, handover.statement);
    expect(await checkRotationEvent(await eventFor(byNext))).toMatchObject({
      reason: 'bad_signature',
    });
    const other = { ...handover.statement, at: '2026-03-02T10:00:00.000Z' };
    expect(
      await checkRotationEvent(await eventFor({ statement: other, signature: handover.signature })),
    ).toMatchObject({ reason: 'bad_signature' });
  });
});

const b64 = (k: { publicKeyRaw: Uint8Array }) => toBase64(k.publicKeyRaw);

async function signed(
  by: { sign(bytes: Uint8Array): Promise<Uint8Array> },
  statement: SignedRotation['statement'],
): Promise<SignedRotation> {
  return { statement, signature: toBase64(await by.sign(canonicalBytes(statement))) };
}

describe('Handovers', () => {
  it('counts signed steps along the shortest chain; a key reaches itself in 0; no chain is null', () => {
    const h = new Handovers();
    h.add('a', 'b');
    h.add('b', 'c');
    h.add('c', 'd');
    h.add('a', 'c');
    h.add('a', 'b');
    expect(h.reaches('a', 'a')).toBe(0);
    expect(h.reaches('a', 'b')).toBe(1);
    expect(h.reaches('a', 'c')).toBe(1);
    expect(h.reaches('a', 'd')).toBe(2);
    expect(h.reaches('b', 'd')).toBe(2);
    expect(h.reaches('d', 'a')).toBeNull();
    expect(h.reaches('x', 'x')).toBe(0);
    expect(h.reaches('x', 'a')).toBeNull();
  });

  it('a cycle ends the search', () => {
    const h = new Handovers();
    h.add('a', 'b');
    h.add('b', 'a');
    expect(h.reaches('a', 'z')).toBeNull();
    expect(h.reaches('b', 'a')).toBe(1);
  });
});
