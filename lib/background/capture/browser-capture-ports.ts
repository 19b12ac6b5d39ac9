import { browser } from 'wxt/browser';
import { CAPTURE_SCRIPT } from '../probe-tab';
import type { CapturePorts } from './capture-ports';
import { saveMhtml } from './mhtml';
import { capturePostCrop } from './post-crop';
import { redactDetected } from './redactions';
import { stitchFullPage } from './screenshots';
import { captureVisible } from './visible-tab';
import { browserImagePorts } from './browser-image-ports';

/** The extension's capture ports: the real tabs, scripting, screenshots, pageCapture and fetch. */
export function browserCapturePorts(): CapturePorts {
  const images = browserImagePorts();
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
    fullPage: (deps) => stitchFullPage(deps, images),
    postCrop: (deps) => capturePostCrop(deps, images),
    saveMhtml,
    fetch: (input, init) => fetch(input, init),
    redact: redactDetected,
    now: () => new Date(),
  };
}
