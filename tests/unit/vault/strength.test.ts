import { describe, expect, it } from 'vitest';
import { checkPassphrase, MIN_PASSPHRASE_LENGTH, variantsOf } from '../../../lib/vault/strength';
import { commonPasswords } from '../../support/common-passwords';

const common = commonPasswords();
const problems = (p: string) => checkPassphrase(p, common).problems;

describe('passphrase strength', () => {
  it('ships a list of tens of thousands of common passwords, Russian-layout typings among them', () => {
    expect(common.size).toBeGreaterThan(40_000);
    for (const w of ['password', 'qwerty123', 'ghbdtn', 'parol'])
      expect(common.has(w), w).toBe(true);
  });

  it('accepts long, uncommon passphrases in any script', () => {
    for (const p of [
      'жасыл алма 2026 secret',
      'қызыл алма 2026 таңертең',
      'correct horse battery staple',
      'Tumar-Ata kettle 7 windows',
    ])
      expect(checkPassphrase(p, common), p).toEqual({ ok: true, problems: [] });
  });

  it(`refuses fewer than ${MIN_PASSPHRASE_LENGTH} characters, counted as letters, not bytes`, () => {
    expect(problems('short pass!')).toContain('too_short');
    expect(problems('қазақстан123')).not.toContain('too_short'); // 12 letters, 20+ bytes
  });

  it('refuses common passwords, also dressed up with digits, symbols, repeats or l33t', () => {
    for (const p of [
      'password1234',
      '!!!password2026!!!',
      'qwertyqwertyqwerty',
      'P@ssw0rd2026!!',
      'iloveyou iloveyou',
      'monkey123456789',
    ])
      expect(problems(p), p).toContain('common');
  });

  it('refuses a Russian word typed on either layout ("привет" is "ghbdtn")', () => {
    expect(variantsOf('привет2026!!!!')).toContain('ghbdtn');
    expect(problems('привет2026!!!!')).toContain('common');
    expect(problems('ghbdtn12345678')).toContain('common');
  });

  it('refuses sequences and a handful of characters repeated', () => {
    expect(problems('123456789012')).toContain('sequence');
    expect(problems('abcdefghijklmn')).toContain('sequence');
    expect(problems('йцукенгшщзхъ')).toContain('sequence');
    expect(problems('aaaabbbbaaaa')).toContain('too_few_distinct');
  });
});
