// The capture pipeline in Node (issue 19): runCapture and its stages over injected ports, with the
// real content-script handler on a linkedom page and a real (fake-indexeddb) store. What a
// monitor relies on: a capture holds exactly what was read, a stage that fails either leaves an
// omission in a sealed capture or stops the capture with nothing written, and progress names the
// stage a failure happened in.
import { describe, expect, it } from 'vitest';
import { runCapture, STAGES } from '../../../../lib/background/capture/pipeline';
import { CaptureAbort } from '../../../../lib/background/capture/tab-session';
import { DEFAULT_CAPS } from '../../../../lib/capture/caps';
import { ARTIFACT_NAMES } from '../../../../lib/capture/naming';
import { captureSeal } from '../../../../lib/evidence/seal';
import { sha256RefOf } from '../../../../lib/evidence/sha256';
import type { CaptureStage } from '../../../../lib/messaging/messages/capture';
import { StoreFullError } from '../../../../lib/store/storage-full';
import { createTestStore } from '../../store/test-store';
import { fakeCapturePorts, FULL_PNG, MHTML, POST_URL, VIEWPORT_PNG } from './fake-capture-ports';

function setup() {
  const fake = fakeCapturePorts();
  const { db, store } = createTestStore();
  const progress: CaptureStage[] = [];
  const capture = (options = {}) =>
    runCapture(
      1,
      {
        store,
        extensionVersion: '9.9.9',
        ports: fake.ports,
        onProgress: (stage) => progress.push(stage),
        caps: DEFAULT_CAPS,
      },
      options,
    );
  /** Nothing of a failed capture is in the store: no capture, no artifact, no custody event. */
  const nothingWritten = async () => {
    expect(await store.captures.list()).toEqual([]);
    expect(await db.artifacts.count()).toBe(0);
    expect(await store.custody.count()).toBe(0);
  };
  return { fake, store, db, progress, capture, nothingWritten };
}

const names = (c: { artifacts: { name: string }[] }) => c.artifacts.map((a) => a.name);

describe('runCapture over injected ports', () => {
  it('seals what it read: every artifact hashed, one custody event, progress through every stage', async () => {
    const { store, progress, capture } = setup();
    const sealed = await capture();
    expect(progress).toEqual([...STAGES, 'done']);
    expect(sealed.url).toBe(POST_URL);
    expect(sealed.platform).toBe('instagram');
    expect(names(sealed)).toEqual(
      expect.arrayContaining([
        ARTIFACT_NAMES.viewport,
        ARTIFACT_NAMES.full,
        ARTIFACT_NAMES.mhtml,
        ARTIFACT_NAMES.html,
        ARTIFACT_NAMES.record,
      ]),
    );
    const byName = new Map(sealed.artifacts.map((a) => [a.name, a]));
    expect(byName.get(ARTIFACT_NAMES.viewport)!.sha256).toBe(await sha256RefOf(VIEWPORT_PNG));
    expect(byName.get(ARTIFACT_NAMES.full)!.sha256).toBe(await sha256RefOf(FULL_PNG));
    expect(byName.get(ARTIFACT_NAMES.mhtml)!.sha256).toBe(await sha256RefOf(MHTML));
    for (const ref of sealed.artifacts) {
      const blob = await store.artifacts.blob(ref.sha256);
      expect(await sha256RefOf(new Uint8Array(await blob.arrayBuffer()))).toBe(ref.sha256);
    }
    expect(await captureSeal(sealed)).toBe(sealed.seal);
    expect(await store.captures.get(sealed.id)).toEqual(sealed);
    expect((await store.custody.all()).map((e) => e.type)).toEqual(['captured']);
    // The media could not be downloaded (offline): said, not hidden; and no request of its own.
    expect(sealed.metadata.omissions.join('\n')).toMatch(/server Date/);
    expect(sealed.metadata.extensionVersion).toBe('9.9.9');
  });

  it('brings a background tab to the front before reading it (screenshots show the front tab)', async () => {
    const { fake, capture } = setup();
    fake.tab.active = false;
    await capture();
    expect(fake.calls.indexOf('activate')).toBeGreaterThan(fake.calls.indexOf('inject'));
    expect(fake.calls.indexOf('activate')).toBeLessThan(fake.calls.indexOf('send:cs.settle'));
  });

  it('a page that never settled is sealed with the loading warning', async () => {
    const { fake, capture } = setup();
    fake.page.settled = false;
    const sealed = await capture();
    expect(sealed.warnings.join('\n')).toMatch(/still loading|loading/i);
  });
});

describe('a stage that fails', () => {
  const abortCases: {
    stage: CaptureStage;
    key: string;
    breakIt: (f: ReturnType<typeof fakeCapturePorts>) => void;
  }[] = [
    { stage: 'settle', key: 'fail_tab_closed', breakIt: (f) => void (f.tab.closed = true) },
    {
      stage: 'settle',
      key: 'fail_no_gesture',
      breakIt: (f) => void (f.fail.inject = new Error('Cannot access contents of the page')),
    },
    {
      stage: 'settle',
      key: 'fail_cannot_inject',
      breakIt: (f) => void (f.fail.inject = new Error('The extensions gallery cannot be scripted')),
    },
    {
      stage: 'page',
      key: 'fail_navigated',
      // The tab navigates away while the page is being read: nothing answers any more.
      breakIt: (f) => void (f.before['cs.collect'] = () => void (f.page.gone = true)),
    },
    {
      stage: 'page',
      key: 'fail_tab_closed',
      breakIt: (f) => void (f.before['cs.collect'] = () => void (f.tab.closed = true)),
    },
    {
      stage: 'screenshot',
      key: 'fail_no_gesture',
      breakIt: (f) =>
        void (f.fail.captureVisible = new Error(
          "Either the '<all_urls>' or 'activeTab' permission is required.",
        )),
    },
    {
      stage: 'full_page',
      key: 'fail_navigated',
      // Navigated between the screens of the full-page screenshot.
      breakIt: (f) =>
        void (f.before['cs.check'] = () => {
          if (f.calls.includes('fullPage')) f.page.session = 'session-2';
        }),
    },
    {
      stage: 'seal',
      key: 'fail_tab_switched',
      // The monitor switched tabs while the media downloaded: the last look refuses.
      breakIt: (f) => {
        const save = f.ports.saveMhtml;
        f.ports.saveMhtml = async (tabId) => {
          f.tab.active = false;
          return save(tabId);
        };
      },
    },
  ];

  for (const { stage, key, breakIt } of abortCases)
    it(`${stage}: ${key} stops the capture, names the stage and writes nothing`, async () => {
      const { fake, progress, capture, nothingWritten } = setup();
      breakIt(fake);
      const error = await capture().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(CaptureAbort);
      expect((error as CaptureAbort).reason.key).toBe(key);
      expect(progress.at(-1)).toBe(stage);
      expect(progress).not.toContain('done');
      await nothingWritten();
    });

  it('page: a content script that answers an error is "page unreadable", with its reason', async () => {
    const { fake, progress, capture, nothingWritten } = setup();
    const real = fake.ports.tabs.send;
    fake.ports.tabs.send = async (tabId, message) =>
      message.type === 'cs.collect' ? { error: 'the page threw' } : real(tabId, message);
    const error = (await capture().catch((e: unknown) => e)) as CaptureAbort;
    expect(error.reason.key).toBe('fail_page_unreadable');
    expect(error.message).toMatch(/the page threw/);
    expect(progress.at(-1)).toBe('page');
    await nothingWritten();
  });

  it('full_page: a failed full-page screenshot is an omission in a sealed capture', async () => {
    const { fake, capture } = setup();
    fake.fail.fullPage = new Error('no 2D canvas in this browser');
    const sealed = await capture();
    expect(names(sealed)).not.toContain(ARTIFACT_NAMES.full);
    expect(names(sealed)).toContain(ARTIFACT_NAMES.viewport);
    expect(sealed.metadata.omissions).toContain(
      'full-page screenshot: no 2D canvas in this browser',
    );
  });

  it('full_page: "Capture this post" adds the post screenshot, or says why not', async () => {
    const { fake, capture } = setup();
    const real = fake.ports.tabs.send;
    fake.ports.tabs.send = async (tabId, message) => {
      const answer = await real(tabId, message);
      return message.type === 'cs.collect'
        ? {
            ...(answer as object),
            target: { rect: { x: 0, y: 100, width: 300, height: 200 }, path: 'article' },
          }
        : answer;
    };
    expect(names(await capture({ scope: 'pointer' }))).toContain(ARTIFACT_NAMES.post);
    fake.fail.postCrop = new Error('the post is off the page');
    const second = await capture({ scope: 'pointer' });
    expect(names(second)).not.toContain(ARTIFACT_NAMES.post);
    expect(second.metadata.omissions).toContain('post screenshot: the post is off the page');
  });

  it('mhtml: a failed or absent MHTML is an omission, and the capture is sealed', async () => {
    const failed = setup();
    failed.fake.fail.saveMhtml = new Error('MHTML could not be read: NotFoundError');
    const a = await failed.capture();
    expect(names(a)).not.toContain(ARTIFACT_NAMES.mhtml);
    expect(a.metadata.omissions).toContain('MHTML: MHTML could not be read: NotFoundError');

    const absent = setup();
    absent.fake.mhtml = null; // Firefox: no pageCapture
    const b = await absent.capture();
    expect(b.metadata.omissions).toContain('MHTML: not offered by this browser');
  });

  it('seal: a full disk stops the capture as StoreFullError and writes nothing', async () => {
    const { db, progress, capture, nothingWritten } = setup();
    db.captures.hook('creating', () => {
      throw Object.assign(new Error('Failed to write blobs (IOError)'), { name: 'DataError' });
    });
    const error = await capture().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreFullError);
    expect(progress.at(-1)).toBe('seal');
    await nothingWritten();
  });

  it('after the seal: a failed redaction loses nothing sealed', async () => {
    const { fake, store, capture } = setup();
    fake.fail.redact = new Error('no canvas');
    const real = fake.ports.tabs.send;
    fake.ports.tabs.send = async (tabId, message) => {
      const answer = await real(tabId, message);
      return message.type === 'cs.collect'
        ? {
            ...(answer as object),
            viewer: [{ id: 0, x: 1, y: 2, width: 30, height: 10, label: 'account', fixed: false }],
          }
        : answer;
    };
    const sealed = await capture();
    expect(fake.calls).toContain('redact');
    expect(await store.captures.get(sealed.id)).toEqual(sealed);
  });
});
