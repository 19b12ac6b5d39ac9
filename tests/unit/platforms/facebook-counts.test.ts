// Facebook's reaction, comment and share counts (lib/platforms/facebook-counts.ts): from the
// page-state scripts for the post's own id only, and from the leaf texts the Comet web shows.
import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../../cli/parse-html';
import { countsFromScripts, countsFromText } from '../../../lib/platforms/facebook-counts';

const page = (...scripts: string[]) =>
  parseHtml(`<html><body>${scripts.map((s) => `<script>${s}</script>`).join('')}</body></html>`);

const comet = (id: string, between = '') =>
  `comment_count:{total_count:12},reaction_count:{count:345},share_count:{count:67}${between},share_fbid:"${id}"`;

describe('countsFromScripts', () => {
  it('reads the Comet counts that precede the post id, with several digits each', () => {
    expect(countsFromScripts(page(comet('777')), '777')).toEqual({
      comments: 12,
      likes: 345,
      shares: 67,
    });
  });

  it('reads the mobile page-state entry of the post', () => {
    const doc = page('ft_ent_identifier:777,comment_count:1,share_count:2,x:1,like_count:3}');
    expect(countsFromScripts(doc, '777')).toEqual({ comments: 1, shares: 2, likes: 3 });
  });

  it('claims nothing without an id, even when an entry has a null identifier', () => {
    const doc = page('ft_ent_identifier:null,comment_count:1,share_count:2,like_count:3}');
    expect(countsFromScripts(doc, null)).toBeNull();
  });

  it('claims nothing when the id is only mentioned, not a share_fbid', () => {
    expect(countsFromScripts(page('comment_count:{total_count:4},post:"777"'), '777')).toBeNull();
  });

  it('claims nothing when no comment count precedes the post id', () => {
    expect(
      countsFromScripts(page('share_fbid:"777",comment_count:{total_count:4}'), '777'),
    ).toBeNull();
  });

  it('reads counts at the very start of the script', () => {
    expect(
      countsFromScripts(page('comment_count:{total_count:4},share_fbid:"777"'), '777'),
    ).toEqual({ comments: 4, likes: null, shares: null });
  });

  it('reads counts up to 2000 characters before the id, and no further', () => {
    const pad = (n: number) => `,p:"${'x'.repeat(n - 5)}"`;
    const near = comet('777', pad(2000 - comet('', '').length + 'share_fbid:""'.length));
    const far = comet('777', pad(2001 - comet('', '').length + 'share_fbid:""'.length));
    expect(near.indexOf('share_fbid') - near.indexOf('comment_count')).toBe(2000);
    expect(far.indexOf('share_fbid') - far.indexOf('comment_count')).toBe(2001);
    expect(countsFromScripts(page(near), '777')?.comments).toBe(12);
    expect(countsFromScripts(page(far), '777')).toBeNull();
  });

  it('measures the 2000 characters from the counts, wherever they are in the script', () => {
    const doc = page(`var filler="${'x'.repeat(3000)}";${comet('777')}`);
    expect(countsFromScripts(doc, '777')?.comments).toBe(12);
  });

  it('does not take counts that belong to an earlier post or follow the id', () => {
    const doc = page(
      'reaction_count:{count:99},share_fbid:"111",' +
        'comment_count:{total_count:4},share_fbid:"777",share_count:{count:8}',
    );
    expect(countsFromScripts(doc, '777')).toEqual({ comments: 4, likes: null, shares: null });
  });
});

const html = (body: string) => parseHtml(`<html><body><div id="r">${body}</div></body></html>`);
const root = (body: string) => html(body).getElementById('r');

describe('countsFromText', () => {
  it('claims nothing without a root or without any count', () => {
    expect(countsFromText(null)).toBeNull();
    expect(countsFromText(root('<span>Nice post</span><span>7</span>'))).toBeNull();
  });

  it('reads each count alone', () => {
    expect(countsFromText(root('<span>4 comments</span>'))).toEqual({
      likes: null,
      comments: 4,
      shares: null,
    });
    expect(countsFromText(root('<span>5 shares</span>'))).toEqual({
      likes: null,
      comments: null,
      shares: 5,
    });
    expect(countsFromText(root('<span>All reactions:</span><span>1,2 тыс.</span>'))).toEqual({
      likes: 1200,
      comments: null,
      shares: null,
    });
  });

  it('reads the number after the reactions label, with spacing collapsed and trimmed', () => {
    expect(
      countsFromText(
        root('<span> All \n reactions: </span><span> 9 </span><span>\n 3 comments </span>'),
      ),
    ).toEqual({ likes: 9, comments: 3, shares: null });
  });

  it('reads no likes without the reactions label', () => {
    expect(countsFromText(root('<span>9</span><span>3 comments</span>'))).toEqual({
      likes: null,
      comments: 3,
      shares: null,
    });
  });

  it('reads leaf elements only, never a text assembled from children', () => {
    expect(countsFromText(root('<a><span>3</span> comments</a>'))).toBeNull();
  });
});
