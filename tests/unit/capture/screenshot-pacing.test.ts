import { describe, expect, it } from 'vitest';
import {
  CHROME_PACING,
  pacingFor,
  ScreenshotPacer,
  UNPACED,
} from '../../../lib/capture/screenshot-pacing';

describe('screenshot pacing per browser', () => {
  it('paces Chrome (no runtime.getBrowserInfo) and not Firefox (runtime.getBrowserInfo)', () => {
    expect(pacingFor({ runtime: { getManifest: () => undefined } })).toBe(CHROME_PACING);
    expect(pacingFor({})).toBe(CHROME_PACING);
    expect(pacingFor({ runtime: { getBrowserInfo: async () => undefined } })).toBe(UNPACED);
  });

  it('never waits in Firefox, however fast the calls come', () => {
    const pacer = new ScreenshotPacer(UNPACED);
    for (let t = 0; t < 20; t++) {
      expect(pacer.delay(t)).toBe(0);
      pacer.took(t);
    }
  });

  it('lets Chrome make two calls per window and spaces the third to the window’s end', () => {
    const pacer = new ScreenshotPacer(CHROME_PACING);
    const calls: number[] = [];
    let now = 0;
    // Ten screens as fast as the pacer allows, each call taking 40 ms of work after it.
    for (let i = 0; i < 10; i++) {
      now += pacer.delay(now);
      calls.push(now);
      pacer.took(now);
      now += 40;
    }
    // Any three consecutive calls span more than the browser's one-second window…
    for (let i = 2; i < calls.length; i++)
      expect(calls[i]! - calls[i - 2]!).toBeGreaterThanOrEqual(CHROME_PACING.windowMs);
    // …and the whole run stays within the margin of the floor (0.5 s per extra call).
    const floor = ((calls.length - 2) / 2) * 1_000;
    expect(calls.at(-1)!).toBeGreaterThanOrEqual(floor);
    expect(calls.at(-1)!).toBeLessThanOrEqual(floor + 40 + 4 * CHROME_PACING.windowMs - 4_000);
  });
});
