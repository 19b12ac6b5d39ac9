import { afterEach, describe, expect, it, vi } from 'vitest';

/**
 * Which menu API the triggers use, and what "Capture this post" hands the runner. The browsers
 * themselves are driven in tests/e2e/capture-post.spec.ts (Chromium, the registered listener) and
 * tests/e2e-firefox/capture-post.spec.ts (Firefox, the real menu).
 */

type Listener = (...args: unknown[]) => unknown;

function fakeMenus() {
  const created: Array<{ id: string; documentUrlPatterns?: string[] }> = [];
  const listeners: Listener[] = [];
  return {
    created,
    listeners,
    api: {
      create: (item: { id: string; documentUrlPatterns?: string[] }) => void created.push(item),
      removeAll: async () => undefined,
      onClicked: { addListener: (f: Listener) => void listeners.push(f) },
    },
  };
}

async function register(apis: Record<string, unknown>) {
  vi.resetModules();
  const commands: Listener[] = [];
  vi.doMock('wxt/browser', () => ({
    browser: {
      ...apis,
      runtime: { onInstalled: { addListener: () => undefined } },
      commands: { onCommand: { addListener: (f: Listener) => void commands.push(f) } },
      tabs: { query: async () => [] },
      i18n: { getMessage: () => '' },
    },
  }));
  const triggers = await import('../../../lib/background/capture/triggers');
  const runs: Array<[number, unknown]> = [];
  triggers.registerCaptureTriggers(
    async (tabId, options) => void runs.push([tabId, options]),
    async () => undefined,
  );
  return { triggers, runs, commands };
}

afterEach(() => {
  vi.doUnmock('wxt/browser');
});

describe('the context-menu triggers', () => {
  it('use Firefox\'s `menus` and pass on the element it names for "Capture this post"', async () => {
    const firefox = fakeMenus();
    const chromeStyle = fakeMenus();
    const { triggers, runs } = await register({
      menus: firefox.api,
      contextMenus: chromeStyle.api,
    });
    await vi.waitFor(() => expect(firefox.created).toHaveLength(2));
    expect(chromeStyle.created).toEqual([]);
    expect(firefox.created.map((i) => i.id)).toEqual([
      triggers.CONTEXT_MENU_ID,
      triggers.POST_MENU_ID,
    ]);
    expect(firefox.created[1]!.documentUrlPatterns).toContain('https://vk.com/*');
    firefox.listeners[0]!({ menuItemId: triggers.POST_MENU_ID, targetElementId: 5301 }, { id: 7 });
    firefox.listeners[0]!(
      { menuItemId: triggers.CONTEXT_MENU_ID, targetElementId: 5302 },
      { id: 8 },
    );
    await vi.waitFor(() => expect(runs).toHaveLength(2));
    expect(runs).toEqual([
      [7, { scope: 'pointer', targetElementId: 5301 }],
      [8, undefined],
    ]);
  });

  it("use Chrome's `contextMenus`, where no element is named (the pointer listener's is taken)", async () => {
    const chrome = fakeMenus();
    const { triggers, runs } = await register({ contextMenus: chrome.api });
    await vi.waitFor(() => expect(chrome.created).toHaveLength(2));
    chrome.listeners[0]!({ menuItemId: triggers.POST_MENU_ID, frameId: 0 }, { id: 3 });
    await vi.waitFor(() =>
      expect(runs).toEqual([[3, { scope: 'pointer', targetElementId: undefined }]]),
    );
  });

  it('still register the shortcut where the browser has no context menu (Firefox for Android)', async () => {
    const { triggers, runs, commands } = await register({});
    expect(commands).toHaveLength(1);
    await commands[0]!(triggers.CAPTURE_COMMAND, { id: 11 });
    expect(runs).toEqual([[11, undefined]]);
  });
});
