import { createHash } from 'node:crypto';
import {
  readArtifacts,
  openForCapture,
  pressToolbarButton,
  sha256Ref,
  tabIdOf,
} from './support/capture';
import { expect, test } from './support/fixtures';
import { msg } from './ui/catalog';

// A page still loading, a PDF and a video page are sealed with what they are: the capture waits
// (bounded) for the page to settle and warns when it never did, keeps a PDF tab's file itself,
// and warns when a video could not be kept. Fictional pages.

const english = (key: string, ...subs: Array<string | number>) => msg('en', key, ...subs);

/** A minimal one-page PDF (hand-made). */
const PDF = Buffer.from(`%PDF-1.4
1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj
2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj
3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 300 144]/Contents 4 0 R/Resources<</Font<</F1 5 0 R>>>>>>endobj
4 0 obj<</Length 44>>stream
BT /F1 18 Tf 30 70 Td (Indictment text) Tj ET
endstream endobj
5 0 obj<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>endobj
trailer<</Root 1 0 R>>
%%EOF
`);

async function captureOf(
  { context, extensionId, extensionPage, send }: any,
  url: string,
  body: string | Buffer,
  contentType = 'text/html; charset=utf-8',
) {
  await context.route(url, (route: any) => route.fulfill({ contentType, body }));
  const { tabId } = await openForCapture(context, extensionId, extensionPage, url);
  const run = await send({ type: 'capture.run', tabId });
  expect(run.ok, JSON.stringify(run.error)).toBe(true);
  return (await send({ type: 'capture.get', id: run.data.id })).data.capture;
}

test('a page still loading is captured once it has loaded', async ({
  context,
  extensionId,
  extensionPage,
  send,
}) => {
  // The statement appears when the page has loaded, which waits for a slow (3 s) image; the
  // capture is started at once, while it is still loading.
  const url = 'https://news.example.kz/late';
  await context.route(url, (route) =>
    route.fulfill({
      contentType: 'text/html; charset=utf-8',
      body: `<!doctype html><title>Late</title><body><h1 id="h">Loading…</h1>
<img src="https://scontent.cdninstagram.com/slow/late.jpg" width="40" height="40">
<script>addEventListener('load', () => { document.getElementById('h').textContent = 'Statement of the detained activist'; });</script>`,
    }),
  );
  const page = await context.newPage();
  await page.goto(url, { waitUntil: 'commit' });
  await pressToolbarButton(context, extensionId, page);
  const run = await send({ type: 'capture.run', tabId: await tabIdOf(extensionPage, page) });
  expect(run.ok, JSON.stringify(run.error)).toBe(true);
  const capture = (await send({ type: 'capture.get', id: run.data.id })).data.capture;
  const [html] = (await readArtifacts(extensionPage, capture)).filter(
    (a) => a.role === 'snapshot_html',
  );
  expect(html!.bytes.toString('utf8')).toContain('Statement of the detained activist');
  expect(capture.warnings.join('\n')).not.toContain('still loading');
});

test('a page that never stops changing is captured at the bound, with a warning', async ({
  context,
  extensionId,
  extensionPage,
  send,
}) => {
  const fx = { context, extensionId, extensionPage, send };
  test.setTimeout(60_000);
  const capture = await captureOf(
    fx,
    'https://news.example.kz/ticker',
    `<!doctype html><title>Ticker</title><body><p id="t">0</p>
<script>let n = 0; setInterval(() => { document.getElementById('t').textContent = String(++n); }, 100);</script>`,
  );
  expect(capture.warnings).toContain(english('warn_page_loading', 8));
});

test('a PDF tab is kept as the PDF file itself, byte-exact, with its screenshot', async ({
  context,
  extensionId,
  extensionPage,
  send,
}) => {
  const fx = { context, extensionId, extensionPage, send };
  const capture = await captureOf(
    fx,
    'https://court.example.kz/indictment.pdf',
    PDF,
    'application/pdf',
  );
  const artifacts = await readArtifacts(fx.extensionPage, capture);
  const file = artifacts.find((a) => a.role === 'document')!;
  expect(file, 'the PDF is an artifact').toBeDefined();
  expect(file.name).toBe('document.pdf');
  expect(file.mediaType).toBe('application/pdf');
  expect(file.sourceUrl).toBe('https://court.example.kz/indictment.pdf');
  expect(file.bytes.equals(PDF), 'byte-exact').toBe(true);
  expect(file.sha256).toBe(sha256Ref(PDF));
  expect(file.sha256).toBe(`sha256:${createHash('sha256').update(PDF).digest('hex')}`);
  expect(artifacts.some((a) => a.role === 'screenshot')).toBe(true);
  expect(capture.metadata.omissions.join('\n')).toContain('the file itself is kept');
  expect(capture.warnings.join('\n')).not.toMatch(/document file|still loading/);
});

test('a streamed video is warned about; a video file the page plays is kept', async ({
  context,
  extensionId,
  extensionPage,
  send,
}) => {
  const fx = { context, extensionId, extensionPage, send };
  const streamed = await captureOf(
    fx,
    'https://video.example.kz/live',
    `<!doctype html><title>Live</title><body><video id="v" width="320" height="180"></video>
<script>document.getElementById('v').src = URL.createObjectURL(new Blob([new Uint8Array(64)], { type: 'video/mp4' }));</script>`,
  );
  expect(streamed.warnings).toContain(english('warn_video_streamed'));

  const file = await captureOf(
    fx,
    'https://video.example.kz/clip',
    `<!doctype html><title>Clip</title><body>
<video src="https://video.example.kz/media/clip.mp4" width="320" height="180"></video>`,
  );
  const kept = file.artifacts.filter((a: any) => a.role === 'media');
  expect(kept.map((a: any) => a.sourceUrl)).toContain('https://video.example.kz/media/clip.mp4');
  expect(file.warnings.join('\n')).not.toMatch(/video/i);
});
