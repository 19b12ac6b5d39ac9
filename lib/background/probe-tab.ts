import { browser } from 'wxt/browser';
import { detectionSchema, type Detection } from '../messaging/content-protocol';

export const CAPTURE_SCRIPT = '/content-scripts/capture.js';

/**
 * Injects the capture content script into a tab (it is never declared in the manifest, so it runs
 * only where the monitor captures) and asks it what page it sees.
 */
export async function probeTab(tabId: number): Promise<Detection> {
  await browser.scripting.executeScript({ target: { tabId }, files: [CAPTURE_SCRIPT] });
  const answer = await browser.tabs.sendMessage(tabId, { type: 'cs.detect' });
  return detectionSchema.parse(answer);
}
