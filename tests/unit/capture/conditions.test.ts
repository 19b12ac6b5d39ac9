import { describe, expect, it } from 'vitest';
import { captureConditions, pngWidth } from '../../../lib/capture/conditions';
import { buildMetadata } from '../../../lib/capture/metadata';
import { deterministicPng } from '../../e2e/support/png';

const plain = {
  pageViewport: { width: 1366, height: 682, devicePixelRatio: 1 },
  pageScreen: { width: 1366, height: 768 },
  pageTimeZone: 'Asia/Almaty',
  deviceTimeZone: 'Asia/Almaty',
  screenshotWidth: 1366,
};

describe('capture conditions (what the browser changed about what the page saw)', () => {
  it('notes nothing for an ordinary browser', () => {
    expect(captureConditions(plain)).toEqual({ viewport: plain.pageViewport, conditions: [] });
  });

  it('records the real pixel ratio and the letterboxed window under resistFingerprinting', () => {
    // Measured in Firefox ESR 153 with privacy.resistFingerprinting and letterboxing on.
    const got = captureConditions({
      pageViewport: { width: 1200, height: 600, devicePixelRatio: 2 },
      pageScreen: { width: 1200, height: 600 },
      pageTimeZone: 'Atlantic/Reykjavik',
      deviceTimeZone: 'Asia/Almaty',
      screenshotWidth: 1200,
    });
    expect(got.viewport).toEqual({ width: 1200, height: 600, devicePixelRatio: 1 });
    expect(got.conditions).toHaveLength(3);
    expect(got.conditions[0]).toMatch(/device pixel ratio of 2; the screenshot's is 1/);
    expect(got.conditions[1]).toMatch(/screen as exactly the window \(1200×600/);
    expect(got.conditions[2]).toMatch(/time zone Atlantic\/Reykjavik.*Asia\/Almaty/);
  });

  it('reads a PNG width and refuses anything else', () => {
    expect(pngWidth(new Uint8Array(deterministicPng('x', 96, 64)))).toBe(96);
    expect(pngWidth(new TextEncoder().encode('<html>not a png at all</html>'))).toBeNull();
  });

  it('puts the measured viewport and the conditions into the metadata', () => {
    const metadata = buildMetadata({
      tabUrl: 'https://x.com/a/status/1',
      serverDate: null,
      page: {
        url: 'https://x.com/a/status/1',
        navigationUrl: 'https://x.com/a/status/1',
        title: 't',
        userAgent: 'Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0',
        language: 'en-US',
        timeZone: 'UTC',
        viewport: { width: 1000, height: 900, devicePixelRatio: 2 },
        screen: { width: 1000, height: 900 },
      },
      startedAt: new Date('2026-05-04T09:30:00Z'),
      endedAt: new Date('2026-05-04T09:30:01Z'),
      extensionVersion: '0.1.0',
      extractor: { name: 'x', version: '1' },
      omissions: [],
      measured: { screenshotWidth: 1000, deviceTimeZone: 'UTC' },
    });
    expect(metadata.viewport.devicePixelRatio).toBe(1);
    expect(metadata.conditions).toHaveLength(2);
  });
});
