// The one rule that lets files outside the signed manifest into a package (annex.ts): files under
// timestamps/, and only when the verifier has a checker for them. The default checker is the
// RFC 3161 one (timestamp/annex-checker.ts); without any checker they are refused like any
// unlisted file.
import { describe, expect, it } from 'vitest';
import { annexCompressed, inAnnex, type AnnexChecker } from '../../../lib/evidence/annex';
import { LAYOUT } from '../../../lib/evidence/manifest';
import { demoPackage, failureText, get, repack, unpack, verifyBytes } from './package-fixture';

const token = new TextEncoder().encode('not really a timestamp token');

describe('the unsigned annex (timestamps/)', () => {
  it('is the top-level timestamps/ directory; only its README is written deflated', () => {
    expect(inAnnex('timestamps/1.tsr')).toBe(true);
    expect(inAnnex('captures/timestamps/1.tsr')).toBe(false);
    expect(inAnnex('timestamps')).toBe(false);
    expect(annexCompressed('timestamps/README')).toBe(true);
    expect(annexCompressed('timestamps/1.tsr')).toBe(false);
    expect(annexCompressed('timestamps/README.ots')).toBe(false);
  });

  it('without a checker, an annex file is refused: nothing unsigned is let in unchecked', async () => {
    const { zip, key } = await demoPackage();
    const withAnnex = await repack([
      ...(await unpack(zip)),
      { name: 'timestamps/1.tsr', data: token },
    ]);
    const report = await verifyBytes(withAnnex, { pinnedKey: key.fingerprint, annex: null });
    expect(report.verdict).toBe('invalid');
    expect(failureText(report)).toContain(
      'timestamps/1.tsr: in the unsigned annex timestamps/, but this verifier has no checker for it',
    );
  });

  it('the default (RFC 3161) checker admits only tokens and their README; a bad token gives no trusted time', async () => {
    const { zip, key } = await demoPackage();
    const entries = await unpack(zip);
    const withToken = await repack([
      ...entries,
      { name: 'timestamps/1.tsr', data: token },
      { name: 'timestamps/README', data: new TextEncoder().encode('how to check') },
    ]);
    const report = await verifyBytes(withToken, { pinnedKey: key.fingerprint });
    expect(report.verdict, failureText(report)).toBe('valid');
    expect(report.timestamps!.tokens).toEqual([
      expect.objectContaining({ file: 'timestamps/1.tsr', status: 'invalid', code: 'unparsable' }),
    ]);
    expect(report.timestamps!.earliest).toBeNull();
    expect(report.notes.map((n) => `${n.file}:${n.code}`)).toContain(
      'timestamps/1.tsr:timestamp_not_trusted',
    );
    const withOther = await repack([
      ...entries,
      { name: 'timestamps/notes.html', data: new TextEncoder().encode('<b>trust me</b>') },
    ]);
    const other = await verifyBytes(withOther, { pinnedKey: key.fingerprint });
    expect(other.verdict).toBe('invalid');
    expect(failureText(other)).toContain(
      'timestamps/notes.html: not a time-stamp token (N.tsr) or its README',
    );
  });

  it('with a checker, annex files reach it with the signed statement and signature, and are noted', async () => {
    const { zip, key } = await demoPackage();
    const entries = await unpack(zip);
    const withAnnex = await repack([
      ...entries,
      { name: 'timestamps/1.tsr', data: token },
      { name: 'timestamps/README', data: new TextEncoder().encode('how to check') },
    ]);
    const seen: string[] = [];
    const annex: AnnexChecker = async (files, context) => {
      for (const f of files) seen.push(`${f.name}:${f.bytes.length}`);
      expect(context.signature).toEqual(get(entries, LAYOUT.signature));
      expect(context.statement).toEqual(get(entries, LAYOUT.statement));
      context.checks.fail('timestamps/1.tsr', 'internal_error', { detail: 'checker says no' });
    };
    const report = await verifyBytes(withAnnex, { pinnedKey: key.fingerprint, annex });
    expect(seen).toEqual([`timestamps/1.tsr:${token.length}`, 'timestamps/README:12']);
    expect(report.notes.map((n) => n.code)).toContain('annex_present');
    // The checker's verdict counts: here it refused the token.
    expect(report.verdict).toBe('invalid');
    expect(failureText(report)).toContain('timestamps/1.tsr: checker says no');
    const accepting = await verifyBytes(withAnnex, {
      pinnedKey: key.fingerprint,
      annex: async () => {},
    });
    expect(accepting.verdict, failureText(accepting)).toBe('valid');
  });

  it('only flat, short names and small files are admitted to the annex', async () => {
    const { zip, key } = await demoPackage();
    const bad = await repack([
      ...(await unpack(zip)),
      { name: 'timestamps/sub/1.tsr', data: token },
      { name: 'timestamps/big.tsr', data: new Uint8Array(1024 * 1024 + 1) },
    ]);
    const report = await verifyBytes(bad, { pinnedKey: key.fingerprint, annex: async () => {} });
    expect(report.failures.filter((f) => f.code === 'annex_entry_bad').map((f) => f.file)).toEqual([
      'timestamps/sub/1.tsr',
      'timestamps/big.tsr',
    ]);
  });
});
