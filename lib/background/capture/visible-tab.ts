import { browser } from 'wxt/browser';
import { pacingFor, ScreenshotPacer } from '../../capture/screenshot-pacing';
import { dataUrlBytes } from './bytes';

let pacer: ScreenshotPacer | undefined;

/**
 * PNG bytes of what the tab's window shows now; in Chrome paced to stay inside its rate limit,
 * in Firefox at once (lib/capture/screenshot-pacing.ts).
 */
export async function captureVisible(windowId: number): Promise<Uint8Array> {
  pacer ??= new ScreenshotPacer(pacingFor(browser));
  const wait = pacer.delay(Date.now());
  if (wait > 0) await new Promise((r) => setTimeout(r, wait));
  pacer.took(Date.now());
  return dataUrlBytes(await browser.tabs.captureVisibleTab(windowId, { format: 'png' }));
}
