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
import { english } from '../../../../lib/i18n/english';
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

describe('what each stage puts in the capture', () => {
  it('every artifact with its role, media type and source; progress counts every stage', async () => {
    const { fake } = setup();
    const photo = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4]);
    fake.ports.fetch = async (input) => {
      fake.calls.push(`fetch:${String(input)}`);
      return new Response(photo, {
        status: 200,
        headers: { 'content-type': 'image/jpeg', date: 'Fri, 01 May 2026 10:00:00 GMT' },
      });
    };
    const counts: [CaptureStage, number, number][] = [];
    const { store } = createTestStore();
    const sealed = await runCapture(1, {
      store,
      extensionVersion: '1',
      ports: fake.ports,
      onProgress: (stage, done, total) => counts.push([stage, done, total]),
    });
    expect(counts).toEqual([...STAGES.map((s, i) => [s, i, 7]), ['done', 7, 7]]);
    const refs = sealed.artifacts.map(({ name, role, mediaType, sourceUrl }) => ({
      name,
      role,
      mediaType,
      sourceUrl,
    }));
    expect(refs).toEqual([
      {
        name: ARTIFACT_NAMES.viewport,
        role: 'screenshot',
        mediaType: 'image/png',
        sourceUrl: null,
      },
      {
        name: ARTIFACT_NAMES.full,
        role: 'screenshot_full',
        mediaType: 'image/png',
        sourceUrl: null,
      },
      {
        name: ARTIFACT_NAMES.mhtml,
        role: 'mhtml',
        mediaType: 'multipart/related',
        sourceUrl: null,
      },
      { name: ARTIFACT_NAMES.html, role: 'snapshot_html', mediaType: 'text/html', sourceUrl: null },
      {
        name: ARTIFACT_NAMES.record,
        role: 'record',
        mediaType: 'application/json',
        sourceUrl: null,
      },
      {
        name: expect.stringMatching(/^media\//),
        role: 'media',
        mediaType: 'image/jpeg',
        sourceUrl: 'https://scontent.cdninstagram.com/v/t51/post-photo-1.jpg',
      },
    ]);
    // The media server's Date is the capture's server time; nothing says it is missing.
    expect(sealed.metadata.omissions.join('\n')).not.toMatch(/server Date/);
    // Only what the extractor said of the page itself (the fixture has no author id).
    expect(sealed.warnings).toEqual([
      'extractor: post.author.id: not found (tried embedded-json, meta)',
    ]);
    // The snapshot's image points at the kept bytes, not at the network.
    const html = await (
      await store.artifacts.blob(sealed.artifacts.find((a) => a.role === 'snapshot_html')!.sha256)
    ).text();
    expect(html).not.toContain('dalel-');
  });

  it('settle: the tab in front is not activated again, and the bound is the caps’', async () => {
    const { fake, capture } = setup();
    const asked: unknown[] = [];
    const real = fake.ports.tabs.send;
    fake.ports.tabs.send = async (tabId, message) => {
      if (message.type === 'cs.settle') asked.push(message.maxMs);
      return real(tabId, message);
    };
    await capture();
    expect(fake.calls).not.toContain('activate');
    expect(asked).toEqual([DEFAULT_CAPS.settleMaxMs ?? 8000]);
  });

  it('media: a streamed video and a video not kept are each warned about', async () => {
    for (const [videos, warning] of [
      [{ total: 1, streamed: 1 }, english('warn_video_streamed')],
      [{ total: 1, streamed: 0 }, english('warn_video_not_saved')],
    ] as const) {
      const { fake, capture } = setup();
      const real = fake.ports.tabs.send;
      fake.ports.tabs.send = async (tabId, message) => {
        const answer = await real(tabId, message);
        return message.type === 'cs.collect' ? { ...(answer as object), videos } : answer;
      };
      const sealed = await capture();
      const ours = sealed.warnings.filter((w) => !w.startsWith('extractor: '));
      expect(ours).toEqual([warning]);
    }
  });

  it('page: "Capture this post" asks the content script for the right-clicked element', async () => {
    const { fake, capture } = setup();
    const collects: unknown[] = [];
    const real = fake.ports.tabs.send;
    fake.ports.tabs.send = async (tabId, message) => {
      if (message.type === 'cs.collect') collects.push(message.target ?? null);
      return real(tabId, message);
    };
    await capture({ scope: 'pointer', targetElementId: 42 });
    await capture();
    expect(collects).toEqual([{ targetElementId: 42 }, null]);
  });

  it('screenshot: any other screenshot failure stops the capture with the browser’s reason', async () => {
    const { fake, capture, nothingWritten } = setup();
    fake.fail.captureVisible = new Error('Tabs cannot be edited right now');
    const error = (await capture().catch((e: unknown) => e)) as Error;
    expect(error).not.toBeInstanceOf(CaptureAbort);
    expect(error.message).toBe('Tabs cannot be edited right now');
    await nothingWritten();
  });

  it('the redaction runs only where the viewer’s identity showed', async () => {
    const { fake, capture } = setup();
    await capture();
    expect(fake.calls).not.toContain('redact');
  });
});
