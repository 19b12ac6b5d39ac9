import { describe, expect, it, vi } from 'vitest';
import {
  failureReason,
  parseLastFailure,
  reportTriggerFailure,
  STORAGE_UNAVAILABLE,
  type FailurePorts,
  type LastFailure,
} from '../../../lib/capture/trigger-failure';
import { ProtocolError } from '../../../lib/messaging/router';
import { StoreFullError } from '../../../lib/store/storage-full';

function ports(overrides: Partial<FailurePorts> = {}) {
  const saved: LastFailure[] = [];
  const badges: Array<[number, string]> = [];
  const notes: Array<[string, string]> = [];
  const p: FailurePorts = {
    now: () => new Date('2026-05-04T09:30:00Z'),
    tabUrl: async () => 'https://www.instagram.com/p/DalelPost01/',
    save: async (f) => void saved.push(f),
    badge: async (tabId, title) => void badges.push([tabId, title]),
    notify: async (title, message) => void notes.push([title, message]),
    message: (key) => `«${key}»`,
    ...overrides,
  };
  return { p, saved, badges, notes };
}

describe('failures of captures started by the shortcut or the context menu', () => {
  it('names the kind of each failure', () => {
    expect(failureReason(new ProtocolError('locked', 'Dalel is locked: enter…'))).toBe('locked');
    expect(failureReason(new StoreFullError(new Error('quota')))).toBe('full');
    expect(failureReason(new Error(`${STORAGE_UNAVAILABLE}: InvalidStateError`))).toBe('storage');
    expect(
      failureReason(new Error('Dalel can take a screenshot … only after you press its button')),
    ).toBe('gesture');
    expect(failureReason(new Error('Missing activeTab permission'))).toBe('gesture');
    expect(failureReason(new Error('the tab was closed'))).toBe('other');
    expect(failureReason('a string')).toBe('other');
  });

  it('shows the badge, notifies with the kind only, and keeps the whole failure for the popup', async () => {
    const { p, saved, badges, notes } = ports();
    const error = new ProtocolError('locked', 'Dalel is locked: enter the passphrase to continue.');
    const failure = await reportTriggerFailure(p, 7, 'shortcut', error);
    expect(failure).toEqual({
      at: '2026-05-04T09:30:00.000Z',
      tabId: 7,
      url: 'https://www.instagram.com/p/DalelPost01/',
      via: 'shortcut',
      reason: 'locked',
      message: 'Dalel is locked: enter the passphrase to continue.',
    });
    expect(saved).toEqual([failure]);
    expect(badges).toEqual([[7, 'Dalel: Dalel is locked: enter the passphrase to continue.']]);
    // The notification never names the page: notification centres keep a history.
    expect(notes).toEqual([['«notifyCaptureFailedTitle»', '«failureReason_locked»']]);
    expect(JSON.stringify(notes)).not.toContain('instagram');
  });

  it('still shows the badge and the notification when saving or reading the tab fails', async () => {
    const { p, badges, notes } = ports({
      tabUrl: () => Promise.reject(new Error('no tab')),
      save: () => Promise.reject(new Error('no session storage')),
    });
    const failure = await reportTriggerFailure(p, 3, 'menu', new Error('boom'));
    expect(failure.url).toBeNull();
    expect(failure.via).toBe('menu');
    expect(badges).toHaveLength(1);
    expect(notes).toHaveLength(1);
  });

  it('reads back only well-formed failures from storage', () => {
    const good = {
      at: '2026-05-04T09:30:00.000Z',
      tabId: 1,
      url: null,
      via: 'menu',
      reason: 'other',
      message: 'x',
    };
    expect(parseLastFailure(good)).toEqual(good);
    expect(parseLastFailure(undefined)).toBeNull();
    expect(parseLastFailure({ ...good, reason: 'nope' })).toBeNull();
    expect(parseLastFailure({ ...good, extra: 1 })).toBeNull();
  });
});

describe('the shortcut and menu triggers', () => {
  it('hand every failure to onFailure with what started it, never swallow it', async () => {
    const listeners: Record<string, (...args: unknown[]) => unknown> = {};
    vi.doMock('wxt/browser', () => ({
      browser: {
        runtime: { onInstalled: { addListener: (f: () => void) => (listeners.installed = f) } },
        contextMenus: {
          create: () => undefined,
          removeAll: async () => undefined,
          onClicked: { addListener: (f: () => void) => (listeners.menu = f) },
        },
        commands: { onCommand: { addListener: (f: () => void) => (listeners.command = f) } },
        tabs: { query: async () => [{ id: 9 }] },
        i18n: { getMessage: () => '' },
      },
    }));
    const { registerCaptureTriggers, CONTEXT_MENU_ID, CAPTURE_COMMAND } =
      await import('../../../lib/background/capture/triggers');
    const failures: Array<[number, string, string]> = [];
    registerCaptureTriggers(
      () => Promise.reject(new Error('locked out')),
      async (tabId, via, error) => void failures.push([tabId, via, (error as Error).message]),
    );
    await listeners.command!(CAPTURE_COMMAND, { id: 4 });
    await listeners.menu!({ menuItemId: CONTEXT_MENU_ID }, { id: 5 });
    await listeners.command!(CAPTURE_COMMAND, undefined);
    await vi.waitFor(() => expect(failures).toHaveLength(3));
    expect(failures).toEqual([
      [4, 'shortcut', 'locked out'],
      [5, 'menu', 'locked out'],
      [9, 'shortcut', 'locked out'],
    ]);
    vi.doUnmock('wxt/browser');
  });
});
