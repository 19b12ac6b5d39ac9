import { describe, expect, it } from 'vitest';
import { CaptureIndex } from '../../../lib/search/capture-index';
import { listingOf } from '../../../lib/search/capture-listing';
import { firstWords, shortHash } from '../../../lib/search/capture-summary';
import type { Platform } from '../../../lib/platforms/record';
import { capture, legalCase, link, person } from './synthetic';

const PLATFORMS: Platform[] = ['instagram', 'facebook', 'x', 'telegram'];

describe('CaptureIndex over 10,000 captures', () => {
  // Every 7th capture is about Ayan, every 11th is in the Bekov case as a ground; every 1000th
  // contains a Russian phrase with ё; the rest is noise.
  const captures = Array.from({ length: 10_000 }, (_, n) =>
    capture(n, {
      platform: PLATFORMS[n % 4],
      text: n % 1000 === 0 ? `Всё будет хорошо, номер ${n}` : `ordinary post ${n}`,
    }),
  );
  const persons = [person('per_a', 'Ayan Serikbayev', ['Аян Серикбаев']), person('per_b', 'Other')];
  const cases = [legalCase('case_b', 'Bekov case', { article: 'Art. 405 Part 2' })];
  const links = captures.flatMap((c, n) => [
    ...(n % 7 === 0 ? [link(`l7_${n}`, c.id, 'per_a', null, 'account_state')] : []),
    ...(n % 11 === 0 ? [link(`l11_${n}`, c.id, null, 'case_b', 'ground', `note ${n}`)] : []),
  ]);
  const index = new CaptureIndex(captures.map(listingOf), links, persons, cases);
  const expected = (pred: (n: number) => boolean) =>
    captures
      .map((_, n) => n)
      .filter(pred)
      .reverse()
      .map((n) => `cap_${n}`);

  it('lists every capture newest first without filters', () => {
    const all = index.search();
    expect(all).toHaveLength(10_000);
    expect(all[0]!.id).toBe('cap_9999');
    expect(all.at(-1)!.id).toBe('cap_0');
  });

  it('filters by person, case, category and platform together', () => {
    const hits = index.search({ personId: 'per_a', caseId: 'case_b', platform: 'instagram' });
    expect(hits.map((h) => h.id)).toEqual(expected((n) => n % 77 === 0 && n % 4 === 0));
    expect(index.search({ category: 'ground' }).map((h) => h.id)).toEqual(
      expected((n) => n % 11 === 0),
    );
    expect(hits[0]!.categories.sort()).toEqual(['account_state', 'ground']);
  });

  it('finds the captures tagged to nobody (the popup\'s "not tagged yet")', () => {
    const page = index.page({ untagged: true }, 3);
    const untagged = (n: number) => n % 7 !== 0 && n % 11 !== 0;
    expect(page.total).toBe(captures.filter((_, n) => untagged(n)).length);
    expect(page.hits.map((h) => h.id)).toEqual(expected(untagged).slice(0, 3));
    expect(index.page({ untagged: false }, 1).total, 'false does not filter').toBe(10_000);
  });

  it('matches free text in any case, ё as е, and through linked names and notes', () => {
    expect(index.search({ text: 'ВСЕ будет' }).map((h) => h.id)).toEqual(
      expected((n) => n % 1000 === 0),
    );
    expect(index.search({ text: 'серикбаев 700' }).map((h) => h.id)).toEqual(
      expected((n) => n % 7 === 0 && String(n).includes('700')),
    );
    expect(index.search({ text: 'note 4301' }).map((h) => h.id)).toEqual(['cap_4301']);
    expect(index.search({ text: 'nothing-like-this' })).toEqual([]);
  });

  it('filters by an inclusive range of UTC days', () => {
    // capture n is sealed n minutes after 2026-01-01T00:00Z: day 2 holds n = 1440…2879.
    const hits = index.search({ from: '2026-01-02', to: '2026-01-02' });
    expect(hits).toHaveLength(1440);
    expect(hits[0]!.id).toBe('cap_2879');
    expect(hits.at(-1)!.id).toBe('cap_1440');
  });

  it('stops at the limit', () => {
    expect(index.search({ kind: 'post' }, 25)).toHaveLength(25);
  });

  it('pages: the newest `limit` matches and the count of all of them', () => {
    const first = index.page({ platform: 'facebook' }, 100);
    expect(first.total).toBe(2_500);
    expect(first.hits.map((h) => h.id)).toEqual(expected((n) => n % 4 === 1).slice(0, 100));
    // The next page is the longer prefix: the first 100 rows do not move.
    const second = index.page({ platform: 'facebook' }, 200);
    expect(second.total).toBe(2_500);
    expect(second.hits.slice(0, 100)).toEqual(first.hits);
    expect(second.hits[100]!.id).toBe(expected((n) => n % 4 === 1)[100]);
    expect(index.page({ text: 'nothing-like-this' }, 100)).toEqual({ total: 0, hits: [] });
    expect(index.page({}, 100).total).toBe(10_000);
  });

  it('ships no folded text in its hits', () => {
    const [hit] = index.search({}, 1);
    expect(Object.keys(hit!).sort()).toEqual(
      [
        'id',
        'url',
        'platform',
        'kind',
        'sealedAt',
        'seal',
        'author',
        'publishedAt',
        'excerpt',
        'noticeType',
        'accountState',
        'accountKey',
        'personIds',
        'caseIds',
        'categories',
        // The screenshot's hash, for the list's thumbnail (not text).
        'screenshot',
      ].sort(),
    );
  });
});

describe('capture summaries', () => {
  it('shows the notice message for a notice and the short hash of the seal', () => {
    const hit = new CaptureIndex(
      [listingOf(capture(5, { notice: 'This account is suspended' }))],
      [],
      [],
      [],
    ).search()[0]!;
    expect(hit.excerpt).toBe('This account is suspended');
    expect(hit.noticeType).toBe('suspended');
    expect(shortHash(hit.seal)).toBe('000000000005');
    expect(shortHash('sha256:abcdef0123456789')).toBe('abcdef012345');
  });

  it('cuts long text at a word boundary', () => {
    expect(firstWords('one two three four five', 12)).toBe('one two…');
    expect(firstWords('  short\n text ')).toBe('short text');
  });
});
