import { beforeAll, describe, expect, it } from 'vitest';
import { makeRevocation } from '../../../lib/evidence/revocation';
import { checkRevocations } from '../../../lib/evidence/revocation-check';
import { generateSigningKey, type SigningKey } from '../../../lib/evidence/signing';
import type { TrustedTime } from '../../../lib/evidence/timestamp/check-package';
import { CheckList } from '../../../lib/evidence/verify-report';

// A revoked signing key: the package stands only on a trusted time before the key was lost.

let signer: SigningKey;
let bystander: SigningKey;
let code: string;
let otherCode: string;

beforeAll(async () => {
  signer = await generateSigningKey();
  bystander = await generateSigningKey();
  code = (await makeRevocation(signer, new Date('2026-06-01T00:00:00Z'))).code;
  otherCode = (await makeRevocation(bystander, new Date('2026-06-01T00:00:00Z'))).code;
});

const stamped = (time: string): TrustedTime => ({
  time,
  tsa: 'Dalel Test TSA',
  file: 'timestamps/statement.sig.tsr',
});

async function judge(
  earliest: TrustedTime | null,
  notices: { code: string; compromisedSince: string | null }[],
) {
  const checks = new CheckList();
  const outcome = await checkRevocations(signer.fingerprint, earliest, notices, checks);
  const all = [...checks.failures, ...checks.passed].map((c) => ({
    ok: c.ok,
    code: c.code,
    params: c.params,
  }));
  return { outcome, all };
}

describe('checkRevocations', () => {
  it('a trusted time before the loss clears the package', async () => {
    const since = '2026-05-01T12:00:00.000Z';
    const { outcome, all } = await judge(stamped('2026-05-01T11:59:59.999Z'), [
      { code, compromisedSince: since },
    ]);
    expect(outcome).toEqual({
      fingerprint: signer.fingerprint,
      compromisedSince: since,
      signedBeforeLoss: true,
    });
    expect(all).toEqual([
      {
        ok: true,
        code: 'revocation_before_loss',
        params: {
          fingerprint: signer.fingerprint,
          since,
          time: '2026-05-01T11:59:59.999Z',
          tsa: 'Dalel Test TSA',
        },
      },
    ]);
  });

  it('a trusted time at or after the loss, or none, does not', async () => {
    const since = '2026-05-01T12:00:00.000Z';
    for (const [earliest, shown] of [
      [stamped(since), since],
      [stamped('2026-05-02T00:00:00.000Z'), '2026-05-02T00:00:00.000Z'],
      [null, 'none'],
    ] as const) {
      const { outcome, all } = await judge(earliest, [{ code, compromisedSince: since }]);
      expect(outcome?.signedBeforeLoss, shown).toBe(false);
      expect(all, shown).toEqual([
        {
          ok: false,
          code: 'revocation_after_loss',
          params: { fingerprint: signer.fingerprint, since, earliest: shown },
        },
      ]);
    }
  });

  it('without the date of the loss nothing signed by the key is cleared', async () => {
    const { outcome, all } = await judge(stamped('2020-01-01T00:00:00.000Z'), [
      { code, compromisedSince: null },
    ]);
    expect(outcome).toEqual({
      fingerprint: signer.fingerprint,
      compromisedSince: null,
      signedBeforeLoss: false,
    });
    expect(all).toEqual([
      { ok: false, code: 'revocation_no_date', params: { fingerprint: signer.fingerprint } },
    ]);
  });

  it('another key’s revocation is ignored; an unreadable code is named, and the rest still read', async () => {
    const { outcome, all } = await judge(null, [
      { code: otherCode, compromisedSince: null },
      { code: 'DALEL-REVOKE-1\nNOT A CODE', compromisedSince: null },
      { code, compromisedSince: null },
    ]);
    expect(outcome?.fingerprint).toBe(signer.fingerprint);
    expect(all.map((c) => c.code)).toEqual(['revocation_unreadable', 'revocation_no_date']);
    expect(all[0]!.params).toEqual({ detail: expect.stringMatching(/./) });
    const ignored = await judge(null, [{ code: otherCode, compromisedSince: null }]);
    expect(ignored).toEqual({ outcome: null, all: [] });
  });

  it('without a signer (no signature could be read) no revocation applies', async () => {
    const checks = new CheckList();
    expect(
      await checkRevocations(null, null, [{ code, compromisedSince: null }], checks),
    ).toBeNull();
    expect(checks.failures).toEqual([]);
  });
});
