// The list every verifier check goes into (lib/evidence/verify-report.ts): failures, passes and
// notes each keep their file, code, parameters and English words; "where" (a line, an event) is
// put before the words and present only when given; a failures-only view shares the failures and
// drops the rest; the same check reads in another language from its code and parameters alone.
import { describe, expect, it } from 'vitest';
import { CHECK_MESSAGES_EN, outcome } from '../../../lib/evidence/verify-messages';
import { CHECK_MESSAGES_RU } from '../../../lib/evidence/verify-messages.ru';
import {
  CheckList,
  checkText,
  formatFailures,
  type VerifyReport,
} from '../../../lib/evidence/verify-report';

const LINE_7 = outcome('at_line', { line: 7 });

describe('CheckList', () => {
  it('keeps a failure, a pass and a note apart, each with its file, code, parameters and words', () => {
    const checks = new CheckList();
    checks.fail('a.json', 'file_size', { size: 3, listed: 4 });
    checks.pass(null, 'files_ok', { count: 2 });
    checks.note('b.txt', 'container_dalel');
    expect(checks.failures).toStrictEqual([
      {
        code: 'file_size',
        params: { size: 3, listed: 4 },
        ok: false,
        file: 'a.json',
        message: CHECK_MESSAGES_EN.file_size({ size: 3, listed: 4 }),
      },
    ]);
    expect(checks.passed).toStrictEqual([
      {
        code: 'files_ok',
        params: { count: 2 },
        ok: true,
        file: null,
        message: CHECK_MESSAGES_EN.files_ok({ count: 2 }),
      },
    ]);
    // A code without parameters gets an empty object, never undefined.
    expect(checks.notes).toStrictEqual([
      {
        code: 'container_dalel',
        params: {},
        ok: true,
        file: 'b.txt',
        message: 'the container is exactly as Dalel writes it',
      },
    ]);
  });

  it('"where" comes before the words, and is absent, not undefined, when not given', () => {
    const checks = new CheckList();
    checks.fail('custody/events.jsonl', 'file_size', { size: 1, listed: 2 }, LINE_7);
    checks.failWith('custody/events.jsonl', outcome('json_duplicate_key', { key: 'id' }), LINE_7);
    checks.failWith(null, outcome('json_not_utf8'));
    const [sized, duplicate, plain] = checks.failures;
    expect(sized!.where).toStrictEqual(LINE_7);
    expect(sized!.message).toBe('line 7: size 1 bytes, manifest says 2');
    expect(duplicate).toStrictEqual({
      code: 'json_duplicate_key',
      params: { key: 'id' },
      ok: false,
      file: 'custody/events.jsonl',
      where: LINE_7,
      message: 'line 7: duplicate key "id"',
    });
    expect(plain).toStrictEqual({
      code: 'json_not_utf8',
      params: {},
      ok: false,
      file: null,
      message: 'not valid UTF-8',
    });
    expect('where' in plain!).toBe(false);
    const passes = new CheckList();
    passes.pass('x', 'container_dalel');
    passes.note('x', 'container_dalel');
    expect(['where' in passes.passed[0]!, 'where' in passes.notes[0]!]).toEqual([false, false]);
  });

  it('a failures-only view records failures into the same list and drops passes and notes', () => {
    const checks = new CheckList();
    checks.pass(null, 'files_ok', { count: 1 });
    const view = checks.failuresOnly();
    view.fail('a', 'file_listed_missing');
    view.failWith('b', outcome('json_not_utf8'));
    view.pass(null, 'files_ok', { count: 9 });
    view.note(null, 'container_dalel');
    expect(checks.failures.map((f) => [f.file, f.code])).toEqual([
      ['a', 'file_listed_missing'],
      ['b', 'json_not_utf8'],
    ]);
    expect(view.failures).toBe(checks.failures);
    expect(checks.passed.map((p) => p.params)).toEqual([{ count: 1 }]);
    expect(checks.notes).toEqual([]);
  });
});

describe('words for a check', () => {
  it('checkText reads the same check in another language, "where" included', () => {
    const checks = new CheckList();
    checks.fail('custody/events.jsonl', 'json_duplicate_key', { key: 'id' }, LINE_7);
    checks.pass(null, 'files_ok', { count: 3 });
    const [failure] = checks.failures;
    const [passed] = checks.passed;
    expect(checkText(failure!)).toBe(failure!.message);
    expect(checkText(failure!, CHECK_MESSAGES_RU)).toBe(
      `${CHECK_MESSAGES_RU.at_line({ line: 7 })}: ${CHECK_MESSAGES_RU.json_duplicate_key({ key: 'id' })}`,
    );
    expect(checkText(passed!, CHECK_MESSAGES_RU)).toBe(CHECK_MESSAGES_RU.files_ok({ count: 3 }));
    expect(checkText(passed!, CHECK_MESSAGES_RU)).not.toBe(passed!.message);
  });

  it('formatFailures: "file: reason", or the reason alone for the package as a whole', () => {
    const checks = new CheckList();
    checks.fail('a.json', 'file_listed_missing');
    checks.fail(null, 'files_failed', { failed: 1, count: 2 });
    const report = { failures: checks.failures } as VerifyReport;
    expect(formatFailures(report)).toEqual([
      `a.json: ${CHECK_MESSAGES_EN.file_listed_missing()}`,
      CHECK_MESSAGES_EN.files_failed({ failed: 1, count: 2 }),
    ]);
  });
});
