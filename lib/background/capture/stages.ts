// The stages of a capture, one function each, in the order runCapture (pipeline.ts) calls them.
// Each reads the tab through the injected ports and adds to the run: artifacts still to hash,
// omissions and warnings. Only the last stage writes, in one transaction (captures.seal).
import { accountKeyOf } from '../../capture/account-key';
import type { CaptureCaps } from '../../capture/caps';
import { pngWidth } from '../../capture/conditions';
import { addressWarnings, buildMetadata } from '../../capture/metadata';
import { ARTIFACT_NAMES, isActiveMediaType, mediaArtifactName } from '../../capture/naming';
import { VIEWER_REGIONS_NAME, type ViewerRegions } from '../../capture/redaction';
import { sealCapture } from '../../capture/seal';
import { canonicalize } from '../../evidence/canonical-json';
import { sha256RefOf } from '../../evidence/sha256';
import { english } from '../../i18n/english';
import type { Collected } from '../../messaging/content-protocol';
import type { ArtifactRef, Capture } from '../../model/capture';
import { newId } from '../../model/ids';
import type { ArtifactBytes } from '../../store/repositories/captures-repo';
import type { Store } from '../../store/store';
import type { CaptureOptions } from './capture-options';
import type { CapturePorts } from './capture-ports';
import { MediaFetcher, type Fetched } from './fetch-media';
import { CaptureAbort, NO_GESTURE, TabSession } from './tab-session';

// Warnings sealed into the capture in English from the catalog (the UI shows them translated).
const WARN_LOADING = 'warn_page_loading';
const WARN_DOCUMENT_MISSING = 'warn_document_missing';
const WARN_VIDEO_STREAMED = 'warn_video_streamed';
const WARN_VIDEO_NOT_SAVED = 'warn_video_not_saved';

interface Pending {
  ref: Omit<ArtifactRef, 'sha256' | 'size'>;
  bytes: Uint8Array;
}

/** One capture in progress: what the stages have gathered so far. Nothing is stored until seal. */
export interface CaptureRun {
  readonly ports: CapturePorts;
  readonly caps: CaptureCaps;
  readonly tab: TabSession;
  readonly startedAt: Date;
  /** Random per capture: names the snapshot's resource tokens and the document-file transfer. */
  readonly nonce: string;
  readonly pending: Pending[];
  readonly omissions: string[];
  readonly warnings: string[];
}

const reasonOf = (error: unknown) => (error instanceof Error ? error.message : String(error));
const isAbort = (error: unknown) => (error as Error | null)?.name === 'CaptureAbort';

function nonce(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(8)), (b) =>
    b.toString(36).padStart(2, '0'),
  ).join('');
}

const png = (name: string, bytes: Uint8Array, role: ArtifactRef['role'] = 'screenshot') => ({
  ref: { name, role, mediaType: 'image/png', sourceUrl: null },
  bytes,
});

export function startRun(tabId: number, ports: CapturePorts, caps: CaptureCaps): CaptureRun {
  return {
    ports,
    caps,
    tab: new TabSession(tabId, ports.tabs),
    startedAt: ports.now(),
    nonce: nonce(),
    pending: [],
    omissions: [],
    warnings: [],
  };
}

/**
 * Stage `settle`: the tab is open, the content script is in it, the tab is in front, and the page
 * has stopped loading (bounded; a page that never settles is captured with a warning).
 */
export async function settleTab(run: CaptureRun, maxMs: number): Promise<{ tabUrl: string }> {
  const before = await run.tab.tab();
  // The tab's address as the browser shows it; kept beside what the page itself reports.
  const tabUrl = before.url ?? before.pendingUrl ?? '';
  await run.tab.inject();
  if (!before.active) await run.ports.tabs.activate(run.tab.tabId);
  const settled = await run.tab.settle(maxMs);
  if (!settled.settled)
    run.warnings.push(english(WARN_LOADING, Math.round(settled.waitedMs / 1000)));
  return { tabUrl };
}

/**
 * Stage `page`: the content script's reading of the page (snapshot, record, metrics) and, for a
 * document the browser shows (a PDF), its file; a file that cannot be read is an omission.
 */
export async function readPage(
  run: CaptureRun,
  options: CaptureOptions,
): Promise<{ page: Collected; documentFile: Uint8Array | null }> {
  const page = await run.tab.collect(
    run.nonce,
    options.scope === 'pointer' ? { targetElementId: options.targetElementId } : undefined,
  );
  run.omissions.push(...page.omissions);
  run.warnings.push(...page.warnings, ...page.record.warnings.map((w) => `extractor: ${w}`));
  const documentFile = page.document
    ? await run.tab
        .readDocument(run.nonce, page.document.size, run.caps.maxDocumentBytes)
        .catch((error: unknown) => {
          run.omissions.push(`document file: ${reasonOf(error)}`);
          run.warnings.push(english(WARN_DOCUMENT_MISSING));
          return null;
        })
    : null;
  return { page, documentFile };
}

/** Stage `screenshot`: the viewport as the monitor sees it; without it there is no capture. */
export async function takeViewport(
  run: CaptureRun,
): Promise<{ windowId: number; viewport: Uint8Array }> {
  await run.tab.assertSame();
  const windowId = (await run.tab.tab()).windowId;
  const viewport = await run.ports.captureVisible(windowId).catch((error: unknown) => {
    // Without a gesture on this tab there is no activeTab grant, and no screenshot.
    if (/activeTab|all_urls/.test(reasonOf(error))) throw new CaptureAbort(NO_GESTURE);
    throw error;
  });
  run.pending.push(png(ARTIFACT_NAMES.viewport, viewport));
  return { windowId, viewport };
}

/**
 * Stage `full_page`: the full-page screenshot and, for "Capture this post", the post's own. Either
 * failing is an omission; the tab closing or navigating meanwhile aborts the capture. Returns
 * where each screen was drawn (for the redactions).
 */
export async function takeFullPage(
  run: CaptureRun,
  page: Collected,
  shot: { windowId: number; viewport: Uint8Array },
): Promise<number[]> {
  const common = {
    windowId: shot.windowId,
    metrics: page.metrics,
    viewport: shot.viewport,
    scrollTo: (x: number, y: number) => run.tab.scrollTo(x, y),
    assertSameTab: () => run.tab.assertSame(),
    caps: run.caps,
  };
  let tiles: number[] = [page.metrics.scrollY];
  try {
    const full = await run.ports.fullPage(common);
    if (full.warning) run.warnings.push(full.warning);
    tiles = full.tiles;
    run.pending.push(png(ARTIFACT_NAMES.full, full.png, 'screenshot_full'));
  } catch (error) {
    if (isAbort(error)) throw error;
    run.omissions.push(`full-page screenshot: ${reasonOf(error)}`);
  }
  if (page.target) {
    // "Capture this post": a tight screenshot of the chosen post besides the viewport.
    try {
      const crop = await run.ports.postCrop({ ...common, rect: page.target.rect });
      if (crop.warning) run.warnings.push(crop.warning);
      run.pending.push(png(ARTIFACT_NAMES.post, crop.png));
    } catch (error) {
      if (isAbort(error)) throw error;
      run.omissions.push(`post screenshot: ${reasonOf(error)}`);
    }
  }
  return tiles;
}

/**
 * Stage `mhtml`: the MHTML (Chrome) while the media downloads start under the monitor's setting.
 * Returns the fetcher and its pending downloads, awaited by the next stage.
 */
export async function saveMhtmlStartMedia(
  run: CaptureRun,
  page: Collected,
  store: Store,
): Promise<{ fetcher: MediaFetcher; media: ReturnType<MediaFetcher['media']> }> {
  const mhtml = run.ports.saveMhtml(run.tab.tabId).catch((error: unknown) => {
    run.omissions.push(`MHTML: ${reasonOf(error)}`);
    return null;
  });
  const settings = await store.settings.all();
  const fetcher = new MediaFetcher(
    {
      platform: page.record.platform,
      pageUrl: page.environment.url,
      withSession: settings.mediaWithSession,
    },
    run.ports.fetch,
  );
  const media = fetcher.media(page.media, run.caps);
  const mhtmlBytes = await mhtml;
  if (mhtmlBytes)
    run.pending.push({
      ref: {
        name: ARTIFACT_NAMES.mhtml,
        role: 'mhtml',
        mediaType: 'multipart/related',
        sourceUrl: null,
      },
      bytes: mhtmlBytes,
    });
  else if (!run.omissions.some((o) => o.startsWith('MHTML')))
    run.omissions.push('MHTML: not offered by this browser');
  return { fetcher, media };
}

/**
 * Stage `media`: the downloaded media, the snapshot with its images inlined, the document file,
 * where the viewer's identity showed, and the extracted record, as artifacts.
 */
export async function gatherArtifacts(
  run: CaptureRun,
  page: Collected,
  documentFile: Uint8Array | null,
  downloads: { fetcher: MediaFetcher; media: ReturnType<MediaFetcher['media']> },
): Promise<ViewerRegions> {
  const { pending, omissions, warnings } = run;
  const fetched = await downloads.media;
  omissions.push(...fetched.omissions);
  warnings.push(...fetched.warnings);
  const videosKept = fetched.kept.filter((f) => f.mediaType.startsWith('video/')).length;
  if (page.videos.streamed > 0) warnings.push(english(WARN_VIDEO_STREAMED));
  else if (page.videos.total > videosKept) warnings.push(english(WARN_VIDEO_NOT_SAVED));
  const known = new Map<string, Fetched>(fetched.kept.map((f) => [f.url, f]));
  if (page.html) {
    const inlined = await downloads.fetcher.inline(
      page.html,
      run.nonce,
      page.resources,
      known,
      run.caps,
    );
    omissions.push(...inlined.omissions);
    pending.push({
      ref: {
        name: ARTIFACT_NAMES.html,
        role: 'snapshot_html',
        mediaType: 'text/html',
        sourceUrl: null,
      },
      bytes: new TextEncoder().encode(inlined.html),
    });
  }
  if (documentFile && page.document)
    pending.push({
      ref: {
        name: ARTIFACT_NAMES.document,
        role: 'document',
        mediaType: page.document.mediaType,
        sourceUrl: page.document.sourceUrl,
      },
      bytes: documentFile,
    });
  // Where the monitor's own identity showed (no names, only places): the redactions' source.
  const viewer: ViewerRegions = {
    nonce: run.nonce,
    scrollX: page.metrics.scrollX,
    scrollY: page.metrics.scrollY,
    regions: page.viewer,
  };
  if (page.viewer.length)
    pending.push({
      ref: {
        name: VIEWER_REGIONS_NAME,
        role: 'metadata',
        mediaType: 'application/json',
        sourceUrl: null,
      },
      bytes: new TextEncoder().encode(canonicalize(viewer)),
    });
  pending.push({
    ref: {
      name: ARTIFACT_NAMES.record,
      role: 'record',
      mediaType: 'application/json',
      sourceUrl: null,
    },
    bytes: new TextEncoder().encode(canonicalize(page.record)),
  });
  fetched.kept.forEach((f, i) => {
    const name = mediaArtifactName(i, f.mediaType);
    if (isActiveMediaType(f.mediaType))
      warnings.push(
        `${name}: ${f.mediaType} can carry scripts; kept byte-exact under a .txt name so that opening it shows its text and never runs it`,
      );
    pending.push({
      ref: { name, role: 'media', mediaType: f.mediaType, sourceUrl: f.url },
      bytes: f.bytes,
    });
  });
  return viewer;
}

/**
 * Stage `seal`: a last look at the tab (a changed document is not one page), every artifact
 * hashed, the metadata, the seal, and one transaction that stores the capture, its artifacts and
 * its custody event, or nothing.
 */
export async function sealAndStore(
  run: CaptureRun,
  input: {
    store: Store;
    extensionVersion: string;
    page: Collected;
    tabUrl: string;
    viewport: Uint8Array;
    fetcher: MediaFetcher;
  },
): Promise<Capture> {
  const { store, page, fetcher } = input;
  await run.tab.assertSame();
  const hashed = await Promise.all(
    run.pending.map(async (p) => ({ ...p, sha256: await sha256RefOf(p.bytes) })),
  );
  const artifacts: ArtifactRef[] = hashed.map((h) => ({
    ...h.ref,
    size: h.bytes.byteLength,
    sha256: h.sha256,
  }));
  const bytes: ArtifactBytes[] = hashed.map((h) => ({
    sha256: h.sha256,
    mediaType: h.ref.mediaType,
    blob: new Blob([h.bytes as Uint8Array<ArrayBuffer>], { type: h.ref.mediaType }),
  }));
  const url = page.environment.url;
  const previous = await store.captures.byUrl(url);
  if (!fetcher.serverDate)
    run.omissions.push(
      "server Date: no media server answered, and Dalel sends no request only to read a server's clock",
    );
  const metadata = buildMetadata({
    tabUrl: input.tabUrl,
    page: page.environment,
    serverDate: fetcher.serverDate,
    startedAt: run.startedAt,
    endedAt: run.ports.now(),
    extensionVersion: input.extensionVersion,
    extractor: page.record.extractor,
    omissions: run.omissions,
    measured: {
      screenshotWidth: pngWidth(input.viewport),
      deviceTimeZone: Intl.DateTimeFormat().resolvedOptions().timeZone ?? 'UTC',
    },
  });
  const capture = await sealCapture({
    id: newId('cap'),
    url,
    platform: page.record.platform,
    kind: page.record.kind,
    accountKey: accountKeyOf(page.record),
    sealedAt: run.ports.now().toISOString(),
    metadata,
    record: page.record,
    artifacts,
    previousCaptureIds: previous.map((c) => c.id),
    warnings: [...run.warnings, ...addressWarnings(metadata)],
  });
  return store.captures.seal(capture, bytes);
}
