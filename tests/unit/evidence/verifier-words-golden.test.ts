// Every sentence the verifier can say to a lawyer, in English, Russian and Kazakh, rendered with
// marked parameters and compared with a reviewed copy (verifier-words.golden.txt). A word changed
// by accident — a dropped parameter, a swapped branch, a lost translation — fails here; a word
// changed on purpose is reviewed in the golden file's diff (`npx vitest run -u` rewrites it).
import { describe, expect, it, vi } from 'vitest';
import type { CheckCode } from '../../../lib/evidence/verify-messages';

/**
 * The tables loaded afresh inside each test: they are module-level constants, which a test
 * checks only if it evaluates them itself (Stryker's static mutants; see table-specs.test.ts).
 */
async function freshTables() {
  vi.resetModules();
  const [en, ru, kk, language, codes, page] = await Promise.all([
    import('../../../lib/evidence/verify-messages'),
    import('../../../lib/evidence/verify-messages.ru'),
    import('../../../lib/evidence/verify-messages.kk'),
    import('../../../lib/evidence/verifier-language'),
    import('../../../lib/evidence/timestamp/codes'),
    import('../../../lib/evidence/verifier-page/page-text'),
  ]);
  return { en, ru, kk, ...language, ...codes, ...page };
}
type Tables = Awaited<ReturnType<typeof freshTables>>;

/**
 * Parameters for a message: every key read gives a marked value `⟦key⟧`, except those listed,
 * which a message branches or looks up on. A code with several entries is rendered once per
 * entry, so each branch of its sentence is in the golden file.
 */
const VARIANTS: Partial<Record<CheckCode, Record<string, unknown>[]>> = {
  zip_file_type: [{ type: 'block_device' }, { type: 'fifo' }],
  container_repacked: [{ changes: ['folders', 'compression', 'zip64'] }, { changes: ['order'] }],
  rotation_bad: [{ reason: 'fingerprint_mismatch' }, { reason: 'not_base64' }],
  shape_type: [
    { expected: 'non-negative integer' },
    { expected: 'non-negative integer', path: '' },
  ],
  shape_unknown_key: [{}, { path: '' }],
  shape_format: [{ format: 'datetime' }, { format: 'sha256' }],
  withheld_listed: [{}, { copy: '' }],
  custody_ok: [{ earlier: 4242 }, { earlier: 0 }],
};

function marked(values: Record<string, unknown> = {}) {
  return new Proxy(values, {
    get: (target, key) =>
      typeof key === 'string' && key in target ? target[key] : `⟦${String(key)}⟧`,
  }) as never;
}

function checkLines(t: Tables): string[] {
  const { VERIFIER_LANGUAGES, VERIFIER_WORDS } = t;
  const lines: string[] = [];
  for (const code of Object.keys(t.en.CHECK_MESSAGES_EN) as CheckCode[])
    for (const variant of VARIANTS[code] ?? [{}])
      for (const lang of VERIFIER_LANGUAGES) {
        const render = VERIFIER_WORDS[lang].checks[code] as (p: unknown) => string;
        const given = Object.keys(variant).length ? ` ${JSON.stringify(variant)}` : '';
        lines.push(`${code}${given} [${lang}] ${render(marked(variant))}`);
      }
  return lines;
}

function timeLines(t: Tables): string[] {
  const { VERIFIER_LANGUAGES, VERIFIER_WORDS, TOKEN_CODES } = t;
  const lines: string[] = [];
  for (const lang of VERIFIER_LANGUAGES) {
    const time = VERIFIER_WORDS[lang].time;
    for (const code of TOKEN_CODES) {
      lines.push(`token ${code} [${lang}] ${time.tokens[code](marked())}`);
      lines.push(`token ${code} {"text":""} [${lang}] ${time.tokens[code](marked({ text: '' }))}`);
    }
    lines.push(`trustedTime [${lang}] ${time.trustedTime(marked())}`);
    lines.push(`tokenSays [${lang}] ${time.tokenSays({ time: '⟦time⟧', tsa: '⟦tsa⟧' })}`);
    lines.push(`tokenSays no TSA [${lang}] ${time.tokenSays({ time: '⟦time⟧', tsa: null })}`);
    lines.push(`notOverSignature [${lang}] ${time.notOverSignature}`);
    lines.push(`notStamped [${lang}] ${time.notStamped}`);
  }
  return lines;
}

/** verify.html's words; counts in the forms each language's plural rules pick. */
function pageLines(t: Tables): string[] {
  const { VERIFIER_LANGUAGES, PAGE_TEXT } = t;
  const lines: string[] = [];
  for (const lang of VERIFIER_LANGUAGES) {
    const text = PAGE_TEXT[lang];
    for (const [key, value] of Object.entries(text))
      if (typeof value === 'string') lines.push(`page ${key} [${lang}] ${value}`);
    lines.push(`page build [${lang}] ${text.build('⟦version⟧')}`);
    lines.push(`page checking [${lang}] ${text.checking('⟦file⟧')}`);
    lines.push(`page progress [${lang}] ${text.progress('⟦file⟧', 42)}`);
    for (const n of [1, 2, 5, 21, 22, 25])
      lines.push(`page invalid ${n} [${lang}] ${text.invalid(n)}`);
    lines.push(`page unconfirmed [${lang}] ${text.unconfirmed('⟦fingerprint⟧')}`);
    lines.push(`page valid [${lang}] ${text.valid('⟦fingerprint⟧', false)}`);
    lines.push(`page valid rotated [${lang}] ${text.valid('⟦fingerprint⟧', true)}`);
    lines.push(`page error [${lang}] ${text.error('⟦detail⟧')}`);
  }
  return lines;
}

function nameLines(t: Tables): string[] {
  const { en, ru, kk, VERIFIER_LANGUAGES } = t;
  const sets = {
    'form change': { en: en.FORM_CHANGE_EN, ru: ru.FORM_CHANGE_RU, kk: kk.FORM_CHANGE_KK },
    'file type': { en: en.FILE_TYPE_EN, ru: ru.FILE_TYPE_RU, kk: kk.FILE_TYPE_KK },
    'handover problem': {
      en: en.ROTATION_PROBLEM_EN,
      ru: ru.ROTATION_PROBLEM_RU,
      kk: kk.ROTATION_PROBLEM_KK,
    },
  };
  const lines: string[] = [];
  for (const [what, byLang] of Object.entries(sets))
    for (const key of Object.keys(byLang.en))
      for (const lang of VERIFIER_LANGUAGES)
        lines.push(`${what} ${key} [${lang}] ${(byLang[lang] as Record<string, string>)[key]}`);
  return lines;
}

describe("the verifier's words, as a lawyer reads them", () => {
  it('every check, in every language, with each branch of its sentence', async () => {
    const tables = await freshTables();
    const lines = checkLines(tables);
    // Not vacuous: every code in three languages, and the parameters reach the words.
    expect(lines.length).toBeGreaterThanOrEqual(
      Object.keys(tables.en.CHECK_MESSAGES_EN).length * 3,
    );
    expect(lines.find((l) => l.startsWith('capture_event_seal [ru]'))).toContain('⟦seal⟧');
    await expect(lines.join('\n') + '\n').toMatchFileSnapshot('./golden/verifier-checks.txt');
  });

  it("the words a reader sees for an outcome are the table's, in the table's language", async () => {
    const { en, ru } = await freshTables();
    const o = en.outcome('custody_not_extending', { size: 7 });
    expect(o).toEqual({ code: 'custody_not_extending', params: { size: 7 } });
    expect(en.renderOutcome(o)).toBe(en.CHECK_MESSAGES_EN.custody_not_extending({ size: 7 }));
    expect(en.renderOutcome(o, ru.CHECK_MESSAGES_RU)).toBe(
      ru.CHECK_MESSAGES_RU.custody_not_extending({ size: 7 }),
    );
    expect(en.outcome('custody_root')).toEqual({ code: 'custody_root', params: {} });
  });

  it('every time-stamp result and summary', async () => {
    const tables = await freshTables();
    const lines = timeLines(tables);
    expect(lines.length).toBe(3 * (tables.TOKEN_CODES.length * 2 + 5));
    await expect(lines.join('\n') + '\n').toMatchFileSnapshot('./golden/verifier-time.txt');
  });

  it("verify.html's labels, verdicts and counts, and the names of re-packings, file types and handover problems", async () => {
    const tables = await freshTables();
    const lines = [...pageLines(tables), ...nameLines(tables)];
    expect(lines.some((l) => l.startsWith('page invalid 21 [ru]'))).toBe(true);
    await expect(lines.join('\n') + '\n').toMatchFileSnapshot('./golden/verifier-page.txt');
  });
});
