// A capture's outside world in Node: a hand-made fixture page (tests/fixtures/site) on linkedom,
// answered by the real content-script handler (lib/content), and fakes for the browser's tabs,
// screenshots, MHTML and network, each recording what it was asked and able to fail on request.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { CapturePorts, TabInfo } from '../../../../lib/background/capture/capture-ports';
import { handleContentRequest } from '../../../../lib/content/handle-request';
import { encodePng } from '../../../../lib/demo/png';
import { repoRoot } from '../../../support/shared-fixtures';
import { fakeWindow } from '../../content/fake-window';

export const POST_URL = 'https://www.instagram.com/p/DalelPost01/';
const POST = readFileSync(path.join(repoRoot, 'tests/fixtures/site/instagram-post.html'), 'utf8');

export const VIEWPORT_PNG = encodePng(64, 40, (x) => [x, 10, 20]);
export const FULL_PNG = encodePng(64, 120, (x, y) => [x, y, 30]);
export const CROP_PNG = encodePng(32, 20, () => [1, 2, 3]);
export const MHTML = new TextEncoder().encode('MIME-Version: 1.0\r\n\r\nhand-made MHTML\r\n');

export interface FakeCapture {
  ports: CapturePorts;
  /** Everything the fakes were asked, in order (`send:<type>` for the content script). */
  calls: string[];
  tab: TabInfo & { closed: boolean };
  /**
   * The content script's session: changing it is what a navigation looks like; `gone`, a
   * navigation that took the content script with it (nothing answers, the tab is still there).
   */
  page: { session: string; url: string; settled: boolean; gone: boolean };
  /** Make the next call of a port fail (rejecting with this error). */
  fail: Partial<
    Record<'captureVisible' | 'fullPage' | 'postCrop' | 'saveMhtml' | 'inject' | 'redact', Error>
  >;
  /** Called before the content script answers a request of this type. */
  before: Partial<Record<string, () => void>>;
  mhtml: Uint8Array | null;
}

export function fakeCapturePorts(html = POST, url = POST_URL): FakeCapture {
  const win = fakeWindow(html, url).win;
  const fake: FakeCapture = {
    calls: [],
    tab: { url, active: true, windowId: 7, closed: false },
    page: { session: 'session-1', url, settled: true, gone: false },
    fail: {},
    before: {},
    mhtml: MHTML,
    ports: undefined as unknown as CapturePorts,
  };
  const failing = (name: keyof FakeCapture['fail']) => {
    fake.calls.push(name);
    const error = fake.fail[name];
    if (error) throw error;
  };
  let time = Date.parse('2026-05-01T10:00:00.000Z');
  fake.ports = {
    tabs: {
      get: async () => {
        if (fake.tab.closed) throw new Error('No tab with id: 1.');
        return { ...fake.tab };
      },
      activate: async () => {
        fake.calls.push('activate');
        fake.tab.active = true;
      },
      inject: async () => failing('inject'),
      send: async (_tabId, message) => {
        const type = String(message.type);
        fake.calls.push(`send:${type}`);
        fake.before[type]?.();
        if (fake.tab.closed || fake.page.gone)
          throw new Error('Could not establish connection. Receiving end does not exist.');
        // linkedom has no MutationObserver: the settle wait itself is tested in the browser.
        if (type === 'cs.settle') return { settled: fake.page.settled, waitedMs: 1000 };
        if (type === 'cs.check') return { session: fake.page.session, url: fake.page.url };
        return handleContentRequest(message, win, fake.page.session);
      },
    },
    captureVisible: async () => {
      failing('captureVisible');
      return VIEWPORT_PNG;
    },
    fullPage: async (deps) => {
      failing('fullPage');
      await deps.assertSameTab();
      return { png: FULL_PNG, warning: null, tiles: [0, 800], scale: 2 };
    },
    postCrop: async () => {
      failing('postCrop');
      return { png: CROP_PNG, warning: null };
    },
    saveMhtml: async () => {
      failing('saveMhtml');
      return fake.mhtml;
    },
    // Offline: every media download fails, and is recorded as an omission.
    fetch: async (input) => {
      fake.calls.push(`fetch:${String(input)}`);
      throw new TypeError('Failed to fetch');
    },
    redact: async () => failing('redact'),
    now: () => new Date((time += 1000)),
  };
  return fake;
}
