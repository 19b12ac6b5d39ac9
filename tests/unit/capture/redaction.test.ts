import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import {
  redactSnapshot,
  screenshotBoxes,
  type ViewerRegions,
} from '../../../lib/capture/redaction';
import { serializeSnapshot } from '../../../lib/content/snapshot';
import { markViewer } from '../../../lib/content/viewer-marks';
import { findViewerIdentity } from '../../../lib/platforms/viewer-identity';
import { repoRoot } from '../../support/shared-fixtures';

const parse = (html: string) => parseHTML(html).document as unknown as Document;
const fixture = (name: string) =>
  parse(readFileSync(path.join(repoRoot, 'tests/fixtures/site/logged-in', name), 'utf8'));

describe('viewer identity on logged-in pages', () => {
  it("finds the viewer's avatar and profile link in Instagram's navigation, not the author's", () => {
    const found = findViewerIdentity(fixture('instagram-post.html'), 'instagram');
    expect(found.map((f) => f.label)).toEqual(['profile link (navigation)']);
    expect(found[0]!.element.getAttribute('href')).toBe('/monitor.viewer/');
    expect(found[0]!.element.textContent).toContain('Profile');
  });

  it("finds X's account switcher and profile link", () => {
    const found = findViewerIdentity(fixture('x-post.html'), 'x');
    expect(found.map((f) => f.label)).toEqual(['profile link (navigation)', 'account switcher']);
    expect(found[1]!.element.textContent).toContain('@monitor_viewer');
  });

  it.each([
    [
      'facebook-post-ru.html',
      'facebook',
      ['account menu'],
      (el: Element) => el.querySelector('img')?.getAttribute('alt'),
      'Монитор Зритель',
    ],
    [
      'vk-post-kk.html',
      'vk',
      ['account menu', 'my profile (menu)'],
      (el: Element) => el.textContent?.trim(),
      'Монитор',
    ],
    [
      'youtube-video.html',
      'youtube',
      ['account avatar'],
      (el: Element) => el.getAttribute('id'),
      'avatar-btn',
    ],
    [
      'tiktok-video.html',
      'tiktok',
      ['account avatar', 'profile link (navigation)'],
      (el: Element) => el.getAttribute('href'),
      '/@monitor.viewer',
    ],
  ] as const)(
    "%s: the viewer's own account is found, never the author's",
    (file, platform, labels, read, first) => {
      const found = findViewerIdentity(fixture(file), platform);
      expect(found.map((f) => f.label)).toEqual(labels);
      expect(read(found[0]!.element)).toBe(first);
      for (const f of found)
        expect(f.element.textContent ?? '').not.toMatch(/Example|Мысал|Пример/);
    },
  );

  it('finds nothing on a page without a logged-in header', () => {
    const doc = parse(
      '<html><body><article><img alt="x\'s profile picture"></article></body></html>',
    );
    expect(findViewerIdentity(doc, 'instagram')).toEqual([]);
  });
});

describe('redacted copies', () => {
  const found: ViewerRegions = {
    nonce: 'abc12345',
    scrollX: 0,
    scrollY: 300,
    regions: [
      { id: 0, label: 'account switcher', x: 12, y: 700, width: 200, height: 40, fixed: true },
      { id: 1, label: 'profile link', x: 20, y: 100, width: 80, height: 20, fixed: false },
    ],
  };

  it('boxes the viewport at the regions, scaled and padded, clamped to the image', () => {
    const boxes = screenshotBoxes(found, 'viewport', 2, { width: 2560, height: 1600 });
    expect(boxes).toEqual([
      {
        x: 16,
        y: 1392,
        width: 416,
        height: 96,
        label: 'account switcher',
        source: 'detected',
        element: 0,
      },
      {
        x: 32,
        y: 192,
        width: 176,
        height: 56,
        label: 'profile link',
        source: 'detected',
        element: 1,
      },
    ]);
  });

  it('boxes a fixed region once per stitched screen, a scrolling one once at its page position', () => {
    const boxes = screenshotBoxes(found, 'full', 1, { width: 1280, height: 3000 }, [0, 800, 1600]);
    expect(boxes.filter((b) => b.element === 0).map((b) => b.y)).toEqual([696, 1496, 2296]);
    expect(boxes.filter((b) => b.element === 1).map((b) => b.y)).toEqual([396]);
  });

  it('replaces exactly the marked elements in the snapshot; a page cannot forge a mark', () => {
    const doc = fixture('x-post.html');
    doc.body.appendChild(doc.createComment('dalel-abc12345-viewer-0 10x10'));
    const viewer = findViewerIdentity(doc, 'x');
    const regions = viewer.map((v, id) => ({
      id,
      label: v.label,
      x: 0,
      y: 0,
      width: 200,
      height: 40,
      fixed: true,
    }));
    const snap = serializeSnapshot(
      doc,
      {
        url: 'https://x.com/a/status/1',
        capturedAt: 'now',
        nonce: 'abc12345',
        ...markViewer(viewer, 'abc12345', regions),
      },
      parse,
    );
    expect(snap.html).toContain('@monitor_viewer');
    expect(snap.html.match(/<!--dalel-abc12345-viewer-\d+ \d+x\d+-->/g)).toHaveLength(2);
    const out = redactSnapshot(snap.html, 'abc12345', [0, 1]);
    expect(out.replaced).toEqual([0, 1]);
    expect(out.html).not.toContain('@monitor_viewer');
    expect(out.html).not.toContain('Monitor Viewer');
    expect(out.html).toContain('Free the activists'); // the post itself is untouched
    expect(out.html).toContain('data-dalel-redacted="1"');
    // Only one element: the other stays.
    const one = redactSnapshot(snap.html, 'abc12345', [0]);
    expect(one.html).toContain('@monitor_viewer');
    expect(one.html).not.toContain('>Profile<');
  });
});
