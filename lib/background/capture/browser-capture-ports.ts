import { browser } from 'wxt/browser';
import { CAPTURE_SCRIPT } from '../probe-tab';
import type { CapturePorts } from './capture-ports';
import { saveMhtml } from './mhtml';
import { capturePostCrop } from './post-crop';
import { redactDetected } from './redactions';
import { captureVisible, stitchFullPage } from './screenshots';

/** The extension's capture ports: the real tabs, scripting, screenshots, pageCapture and fetch. */
export function browserCapturePorts(): CapturePorts {
  return {
    tabs: {
      get: (tabId) => browser.tabs.get(tabId),
      activate: async (tabId) => void (await browser.tabs.update(tabId, { active: true })),
      inject: async (tabId) =>
        void (await browser.scripting.executeScript({
          target: { tabId },
          files: [CAPTURE_SCRIPT],
        })),
      send: (tabId, message) => browser.tabs.sendMessage(tabId, message),
    },
    captureVisible,
    fullPage: stitchFullPage,
    postCrop: capturePostCrop,
    saveMhtml,
    fetch: (input, init) => fetch(input, init),
    redact: redactDetected,
    now: () => new Date(),
  };
}
