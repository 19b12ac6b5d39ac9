import { describe, expect, it } from 'vitest';
import { emptyPost, RecordBuilder } from '../../../lib/platforms/builder';

const make = () =>
  new RecordBuilder('generic', { name: 'test', version: '1.0.0' }, new URL('https://example.org/'));

describe('RecordBuilder', () => {
  it('takes the first strategy that finds a value and records its source', () => {
    const b = make();
    expect(
      b.pick('post.text', [
        ['embedded-json', () => null],
        ['meta', () => '  '],
        ['dom', () => 'hello'],
      ]),
    ).toBe('hello');
    expect(b.sources).toEqual({ 'post.text': 'dom' });
    expect(b.warnings).toEqual([]);
  });

  it('warns about an expected field no strategy found, naming the strategies', () => {
    const b = make();
    expect(
      b.pick('post.id', [
        ['url', () => undefined],
        ['meta', () => []],
      ]),
    ).toBeNull();
    expect(b.warnings).toEqual(['post.id: not found (tried url, meta)']);
  });

  it('stays silent for optional fields', () => {
    const b = make();
    b.pick('post.counts.views', [['embedded-json', () => null]], true);
    expect(b.warnings).toEqual([]);
  });

  it('reports a throwing strategy and goes on to the next', () => {
    const b = make();
    const value = b.pick('post.text', [
      [
        'embedded-json',
        () => {
          throw new Error('boom');
        },
      ],
      ['meta', () => 'ok'],
    ]);
    expect(value).toBe('ok');
    expect(b.warnings).toEqual(['post.text: embedded-json strategy failed (boom)']);
  });

  it('validates the finished record and names the bad field', () => {
    const b = make();
    const post = emptyPost();
    post.id = 'has spaces';
    expect(() => b.finish({ kind: 'post', canonicalUrl: null, post })).toThrow(/post\.id/);
  });

  it('finishes a valid record with platform, url, warnings, sources and extractor', () => {
    const b = make();
    b.warn('w');
    b.note('title', 'meta');
    expect(b.finish({ kind: 'page', canonicalUrl: null, title: 't' })).toMatchObject({
      platform: 'generic',
      url: 'https://example.org/',
      warnings: ['w'],
      sources: { title: 'meta' },
      extractor: { name: 'test', version: '1.0.0' },
    });
  });
});
