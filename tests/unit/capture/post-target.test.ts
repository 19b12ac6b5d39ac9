import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CAPS } from '../../../lib/capture/caps';
import { planPostBands } from '../../../lib/capture/post-bands';
import { chosenElement } from '../../../lib/content/collect';
import { extractRecord } from '../../../lib/content/extract-record';
import { pointerTarget, rememberPointer } from '../../../lib/content/pointer';
import { serializeSnapshot, TARGET_ATTRIBUTE } from '../../../lib/content/snapshot';
import { postContainerAt } from '../../../lib/platforms/registry';
import { HANDMADE_DIR } from '../platforms/expectations';

const feed = () =>
  parseHTML(readFileSync(path.join(HANDMADE_DIR, 'vk/feed-desktop-ru.html'), 'utf8'))
    .document as unknown as Document;

describe('"Capture this post": the pointer, the record, the snapshot mark', () => {
  it('remembers the element a context menu was opened on, in a scope of its own, not in the page', () => {
    const { window, document } = parseHTML('<html><body><p id="x">post</p></body></html>');
    const scope = {};
    rememberPointer(window as unknown as Window, scope);
    const p = document.getElementById('x')!;
    expect(pointerTarget(scope)).toBeNull();
    p.dispatchEvent(new window.Event('contextmenu', { bubbles: true }));
    expect(pointerTarget(scope)).toBe(p);
    expect(document.documentElement.outerHTML).not.toMatch(/dalel/i);
    // Older than ten minutes, or gone from the page: not the one meant.
    expect(pointerTarget(scope, Date.now() + 11 * 60_000)).toBeNull();
    p.remove();
    expect(pointerTarget(scope)).toBeNull();
  });

  it("takes the element Firefox names for the menu, else the listener's, and says which", () => {
    const { window, document } = parseHTML(
      '<html><body><p id="named">a</p><p id="remembered">b</p></body></html>',
    );
    rememberPointer(window as unknown as Window);
    const named = document.getElementById('named')!;
    const remembered = document.getElementById('remembered')!;
    remembered.dispatchEvent(new window.Event('contextmenu', { bubbles: true }));
    const asked: number[] = [];
    const firefox = {
      menus: { getTargetElement: (id: number) => (asked.push(id), id === 42 ? named : null) },
    };
    expect(chosenElement({ targetElementId: 42 }, firefox)).toEqual({
      element: named,
      by: 'browser',
    });
    expect(asked).toEqual([42]);
    // An id Firefox no longer knows, no `menus` API (Chrome), or one that throws: the listener's.
    for (const menus of [
      firefox,
      undefined,
      {
        menus: {
          getTargetElement: () => {
            throw new Error('gone');
          },
        },
      },
    ])
      expect(chosenElement({ targetElementId: 7 }, menus)).toEqual({
        element: remembered,
        by: 'listener',
      });
    // A named element no longer in the page is not taken.
    named.remove();
    expect(chosenElement({ targetElementId: 42 }, firefox)?.by).toBe('listener');
    remembered.remove();
    expect(chosenElement({}, firefox)).toBeNull();
  });

  it('reads the post around the right-clicked element and only its media', () => {
    const doc = feed();
    const clicked = doc.querySelector('#post555000111_88 .wall_post_text')!;
    const { record, media } = extractRecord(doc, new URL('https://vk.com/feed'), clicked);
    expect(record.kind).toBe('post');
    expect(record.post?.id).toBe('555000111_88');
    expect(record.target).toMatchObject({
      via: 'pointer',
      permalink: 'https://vk.com/wall555000111_88',
    });
    expect(doc.querySelector(record.target!.path)).toBe(doc.querySelector('#post555000111_88'));
    expect(media).toEqual([]); // the other post's photo is not this post's
  });

  it('marks the chosen post on the snapshot copy and never on the page', () => {
    const doc = feed();
    const before = doc.documentElement.outerHTML;
    const container = postContainerAt(
      new URL('https://vk.com/feed'),
      doc.querySelector('#post-210000001_4321 .wall_post_text')!,
    );
    const snap = serializeSnapshot(doc, {
      url: 'https://vk.com/feed',
      capturedAt: '2026-05-11T10:00:00.000Z',
      nonce: 'abc123xyz',
      target: container,
    });
    expect(doc.documentElement.outerHTML).toBe(before);
    const copy = parseHTML(snap.html).document;
    const marked = copy.querySelectorAll(`[${TARGET_ATTRIBUTE}="post"]`);
    expect(marked.length).toBe(1);
    expect(marked[0]!.id).toBe('post-210000001_4321');
    expect(snap.html).toContain(`carries ${TARGET_ATTRIBUTE}="post"`);
  });

  it('an element in no post gives no container (the whole page is captured, with a warning)', () => {
    const doc = feed();
    const url = new URL('https://vk.com/feed');
    expect(postContainerAt(url, doc.querySelector('#feed_rows')!)).toBeNull();
    const { record } = extractRecord(doc, url, doc.querySelector('#feed_rows'));
    expect(record.target ?? null).toBeNull();
    expect(record.warnings[0]).toMatch(/^target: no vk post found around the chosen element/);
  });
});

describe('the post screenshot plan', () => {
  const view = { scrollY: 1000, innerWidth: 1280, innerHeight: 800, scrollHeight: 6000 };

  it('cuts a post wholly on screen from the viewport already taken', () => {
    const plan = planPostBands({ x: 340, y: 1100, width: 600, height: 400 }, view, DEFAULT_CAPS)!;
    expect(plan).toMatchObject({ x: 340, y: 1100, width: 600, height: 400, warning: null });
    expect(plan.bands).toEqual([{ scrollY: null, from: 1100, to: 1500 }]);
  });

  it('scrolls a tall post through the viewport below a margin for fixed header bars', () => {
    const plan = planPostBands({ x: 0, y: 1500, width: 600, height: 1500 }, view, DEFAULT_CAPS)!;
    expect(plan.bands).toEqual([
      { scrollY: 1380, from: 1500, to: 2180 },
      { scrollY: 2060, from: 2180, to: 2860 },
      { scrollY: 2740, from: 2860, to: 3000 },
    ]);
    // Every document row of the post is covered once, in order.
    expect(plan.bands[0]!.from).toBe(plan.y);
    expect(plan.bands.at(-1)!.to).toBe(plan.y + plan.height);
  });

  it('clips to the page and the caps, and says so', () => {
    const plan = planPostBands({ x: -20, y: 0, width: 2000, height: 40_000 }, view, {
      ...DEFAULT_CAPS,
      maxFullPageHeight: 3000,
    })!;
    expect(plan).toMatchObject({ x: 0, width: 1280, height: 3000 });
    expect(plan.warning).toMatch(/post screenshot cut at 3000 px of 6000 px/);
    expect(planPostBands({ x: 0, y: 0, width: 0, height: 10 }, view, DEFAULT_CAPS)).toBeNull();
  });
});
