import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../../cli/parse-html';
import { parseCount } from '../../../lib/platforms/counts';
import { fromUnix, parseCalendarDate, parseDate } from '../../../lib/platforms/dates';
import { assignedJson, jsonLd, meta, visibleText } from '../../../lib/platforms/dom';
import { findAssignedJson, scanBalanced, stripJsonPrefix } from '../../../lib/platforms/json-scan';
import { cleanMultiline, hashtagsOf, mentionsOf } from '../../../lib/platforms/text';

describe('parseCount', () => {
  it.each([
    ['1.2K', 1200],
    ['298K likes', 298000],
    ['1,234', 1234],
    ['1.234.567', 1234567],
    ['1 234', 1234],
    ['2\u00a0315 подписчиков', 2315],
    ['1,2 тыс.', 1200],
    ['12 млн', 12_000_000],
    ['3 мың', 3000],
    ['1,2 мың жазылушы', 1200],
    ['14.1m Followers', 14_100_000],
    ['2,362 Followers', 2362],
    ['7', 7],
    [42, 42],
  ] as const)('%s → %d', (input, n) => expect(parseCount(input)).toBe(n));

  it.each(['1,5', '12.5', 'many', '', '1.2.3K', '-3'])(
    '"%s" is ambiguous or not a count → null',
    (input) => expect(parseCount(input)).toBeNull(),
  );

  it('reads nothing from null or undefined', () => {
    expect(parseCount(null)).toBeNull();
    expect(parseCount(undefined)).toBeNull();
  });

  it('reads comma- or dot-grouped thousands led by one to three digits', () => {
    expect(parseCount('12,345')).toBe(12345);
    expect(parseCount('123.456.789')).toBe(123456789);
    expect(parseCount('1234.567')).toBeNull();
  });

  it('takes a number only when it is a non-negative whole number', () => {
    expect(parseCount(0)).toBe(0);
    expect(parseCount(-3)).toBeNull();
    expect(parseCount(1.5)).toBeNull();
    expect(parseCount(2 ** 53)).toBeNull();
  });

  it('reads space-grouped thousands only in groups of exactly three', () => {
    expect(parseCount('12 345')).toBe(12345);
    expect(parseCount('1 234 567')).toBe(1234567);
    expect(parseCount('1 234 Followers')).toBe(1234);
    expect(parseCount('1  234')).toBe(1234);
    expect(parseCount("1'234")).toBe(1234);
    expect(parseCount('12 34')).toBeNull();
    expect(parseCount('1 2345')).toBeNull();
    expect(parseCount('1234 567')).toBeNull();
  });

  it('refuses a space-grouped number with a decimal part', () => {
    expect(parseCount('1 000.5')).toBeNull();
    expect(parseCount('1.5 000')).toBeNull();
  });

  it('reads comma- or dot-grouped thousands only when the whole number is grouped', () => {
    expect(parseCount('1,234.5')).toBeNull();
    expect(parseCount('1234,567')).toBeNull();
  });

  it('reads a space-grouped number before a unit', () => {
    expect(parseCount('1 500 тыс.')).toBe(1_500_000);
  });
});

describe('dates', () => {
  it('turns unix seconds and milliseconds into ISO UTC', () => {
    expect(fromUnix(1622318373)).toBe('2021-05-29T19:59:33Z');
    expect(fromUnix(1622318373000)).toBe('2021-05-29T19:59:33Z');
    expect(fromUnix(0)).toBeNull();
  });
  it('accepts only timestamps that name their zone', () => {
    expect(parseDate('2020-01-30T15:39:43.000Z')).toBe('2020-01-30T15:39:43Z');
    expect(parseDate('2021-05-29T19:59:33+02:00')).toBe('2021-05-29T17:59:33Z');
    expect(parseDate('Sat, 29 May 2021 19:59:33 GMT')).toBe('2021-05-29T19:59:33Z');
    expect(parseDate('2021-05-29T19:59:33')).toBeNull();
    expect(parseDate('Apr 19, 2021 at 6:18 AM')).toBeNull();
  });
  it('reads calendar dates in en, ru and kk without claiming a time', () => {
    expect(parseCalendarDate('May 29, 2021')).toBe('2021-05-29');
    expect(parseCalendarDate('29 мая 2021 г.')).toBe('2021-05-29');
    expect(parseCalendarDate('2021 ж. 29 мамыр')).toBe('2021-05-29');
    expect(parseCalendarDate('yesterday')).toBeNull();
  });
});

describe('balanced JSON scanning (never eval)', () => {
  it('skips braces inside strings and escaped quotes', () => {
    const src = 'x = {"a":"}{\\"","b":[1,{"c":"]"}]}; y = 2';
    const start = src.indexOf('{');
    expect(JSON.parse(src.slice(start, scanBalanced(src, start)))).toEqual({
      a: '}{"',
      b: [1, { c: ']' }],
    });
  });
  it('reports broken or unbalanced JSON instead of throwing', () => {
    const found = findAssignedJson(
      'window._sharedData = {"a": 1,}; window._sharedData = {"b": 2};',
      '_sharedData',
    );
    expect(found.values).toEqual([{ b: 2 }]);
    expect(found.errors[0]).toMatch(/_sharedData/);
    expect(findAssignedJson('window._sharedData = {"a": 1', '_sharedData').errors[0]).toMatch(
      /unbalanced/,
    );
  });
  it('finds assignments in inline scripts only', () => {
    const doc = parseHtml(
      '<html><body><script>var ytInitialPlayerResponse = {"v":1};</script><script src="x.js">var ytInitialPlayerResponse = {"v":2};</script></body></html>',
    );
    expect(assignedJson(doc, 'ytInitialPlayerResponse')).toEqual([{ v: 1 }]);
  });
  it('strips anti-hijacking prefixes', () => {
    expect(stripJsonPrefix('for (;;);{"a":1}')).toBe('{"a":1}');
    expect(stripJsonPrefix(")]}'\n[1]")).toBe('[1]');
  });
});

describe('dom helpers', () => {
  it('reads meta by property, name or itemprop', () => {
    const doc = parseHtml(
      '<html><head><meta property="og:title" content=" A  title "><meta name="description" content="D"><meta itemprop="x" content="X"></head></html>',
    );
    expect([
      meta(doc, 'og:title'),
      meta(doc, 'description'),
      meta(doc, 'x'),
      meta(doc, 'nope'),
    ]).toEqual(['A title', 'D', 'X', null]);
  });
  it('parses JSON-LD, flattening arrays and @graph, warning on broken blocks', () => {
    const warnings: string[] = [];
    const doc = parseHtml(
      '<html><head><script type="application/ld+json">[{"@type":"A"},{"@graph":[{"@type":"B"}]}]</script><script type="application/ld+json">{broken</script></head></html>',
    );
    const items = jsonLd(doc, warnings);
    expect(items.map((i) => i['@type'])).toEqual(['A', undefined, 'B']);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/json-ld block 2/);
  });
  it('reads visible text without scripts and styles', () => {
    const doc = parseHtml(
      '<html><body><p>One<br>Two</p><script>hidden()</script><style>.x{}</style><div>Three</div></body></html>',
    );
    expect(cleanMultiline(visibleText(doc.body))).toBe('One\nTwo\n\nThree');
  });
  it('extracts hashtags and mentions in any script', () => {
    expect(hashtagsOf('#свободуслова and #KZ #KZ, a#b')).toEqual(['свободуслова', 'KZ']);
    expect(mentionsOf('@dana.example, mail me at a@b.kz')).toEqual(['dana.example']);
  });
});
