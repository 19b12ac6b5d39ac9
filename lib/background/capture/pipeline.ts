import { browser } from 'wxt/browser';
import { accountKeyOf } from '../../capture/account-key';
import { DEFAULT_CAPS, type CaptureCaps } from '../../capture/caps';
import { pngWidth } from '../../capture/conditions';
import { addressWarnings, buildMetadata } from '../../capture/metadata';
import { ARTIFACT_NAMES, isActiveMediaType, mediaArtifactName } from '../../capture/naming';
import { sealCapture } from '../../capture/seal';
import { SETTLE_MAX_MS } from '../../content/settle';
import { english } from '../../i18n/english';
import { canonicalize } from '../../evidence/canonical-json';
import { sha256RefOf } from '../../evidence/sha256';
import { CAPTURE_STEPS, type CaptureStage } from '../../messaging/messages/capture';
import type { ArtifactRef, Capture } from '../../model/capture';
import { newId } from '../../model/ids';
import type { ArtifactBytes } from '../../store/repositories/captures-repo';
import type { Store } from '../../store/store';
import { MediaFetcher, type Fetched } from './fetch-media';
import { redactDetected } from './redactions';
import { VIEWER_REGIONS_NAME, type ViewerRegions } from '../../capture/redaction';
import { logEvent } from '../../log';
import { saveMhtml } from './mhtml';
import type { CaptureOptions } from './capture-options';
import { capturePostCrop } from './post-crop';
import { captureVisible, stitchFullPage } from './screenshots';
import { CaptureAbort, NO_GESTURE, TabSession } from './tab-session';

// Warnings sealed into the capture in English from the catalog (the UI shows them translated).
const WARN_LOADING = 'warn_page_loading';
const WARN_DOCUMENT_MISSING = 'warn_document_missing';
const WARN_VIDEO_STREAMED = 'warn_video_streamed';
const WARN_VIDEO_NOT_SAVED = 'warn_video_not_saved';

export interface CaptureContext {
  store: Store;
  extensionVersion: string;
  onProgress(stage: CaptureStage, done: number, total: number): void;
  caps?: CaptureCaps;
}

const STAGES = CAPTURE_STEPS;

interface Pending {
  ref: Omit<ArtifactRef, 'sha256' | 'size'>;
  bytes: Uint8Array;
}

function nonce(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(8)), (b) =>
    b.toString(36).padStart(2, '0'),
  ).join('');
}

const reasonOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Captures one tab: reads the page through the content script, takes the viewport and full-page
 * screenshots, the MHTML and the media, hashes every artifact, seals the capture and stores it
 * with its custody event in one transaction. Throws (and stores nothing) when the tab is closed,
 * navigates or cannot be read, or storage is full.
 */
export async function runCapture(
  tabId: number,
  ctx: CaptureContext,
  options: CaptureOptions = {},
): Promise<Capture> {
  const caps = ctx.caps ?? DEFAULT_CAPS;
  const startedAt = new Date();
  let stage = 0;
  const progress = () => ctx.onProgress(STAGES[stage]!, stage, STAGES.length);
  const next = () => {
    stage++;
    if (stage < STAGES.length) progress();
  };
  progress();

  const tab = new TabSession(tabId);
  const before = await tab.tab();
  // The tab's address as the browser shows it; kept beside what the page itself reports.
  const tabUrl = before.url ?? before.pendingUrl ?? '';
  await tab.inject();
  if (!before.active) await browser.tabs.update(tabId, { active: true });
  // A page still loading is captured half-drawn: wait (bounded) and say so when it never settled.
  const settled = await tab.settle(caps.settleMaxMs ?? SETTLE_MAX_MS);
  next();
  const id = nonce();
  const page = await tab.collect(
    id,
    options.scope === 'pointer' ? { targetElementId: options.targetElementId } : undefined,
  );
  const omissions = [...page.omissions];
  const warnings = [
    ...(settled.settled ? [] : [english(WARN_LOADING, Math.round(settled.waitedMs / 1000))]),
    ...page.warnings,
    ...page.record.warnings.map((w) => `extractor: ${w}`),
  ];
  const documentFile = page.document
    ? await tab
        .readDocument(id, page.document.size, caps.maxDocumentBytes)
        .catch((error: unknown) => {
          omissions.push(`document file: ${reasonOf(error)}`);
          warnings.push(english(WARN_DOCUMENT_MISSING));
          return null;
        })
    : null;
  next();

  await tab.assertSame();
  const windowId = (await tab.tab()).windowId;
  const viewport = await captureVisible(windowId).catch((error: unknown) => {
    // Without a gesture on this tab there is no activeTab grant, and no screenshot.
    if (/activeTab|all_urls/.test(reasonOf(error))) throw new CaptureAbort(NO_GESTURE);
    throw error;
  });
  next();

  const pending: Pending[] = [
    {
      ref: {
        name: ARTIFACT_NAMES.viewport,
        role: 'screenshot',
        mediaType: 'image/png',
        sourceUrl: null,
      },
      bytes: viewport,
    },
  ];
  let tiles: number[] = [page.metrics.scrollY];
  try {
    const full = await stitchFullPage({
      windowId,
      metrics: page.metrics,
      viewport,
      scrollTo: (x, y) => tab.scrollTo(x, y),
      assertSameTab: () => tab.assertSame(),
      caps,
    });
    if (full.warning) warnings.push(full.warning);
    tiles = full.tiles;
    pending.push({
      ref: {
        name: ARTIFACT_NAMES.full,
        role: 'screenshot_full',
        mediaType: 'image/png',
        sourceUrl: null,
      },
      bytes: full.png,
    });
  } catch (error) {
    if ((error as Error).name === 'CaptureAbort') throw error;
    omissions.push(`full-page screenshot: ${reasonOf(error)}`);
  }
  if (page.target) {
    // "Capture this post": a tight screenshot of the chosen post besides the viewport.
    try {
      const crop = await capturePostCrop({
        windowId,
        metrics: page.metrics,
        viewport,
        rect: page.target.rect,
        scrollTo: (x, y) => tab.scrollTo(x, y),
        assertSameTab: () => tab.assertSame(),
        caps,
      });
      if (crop.warning) warnings.push(crop.warning);
      pending.push({
        ref: {
          name: ARTIFACT_NAMES.post,
          role: 'screenshot',
          mediaType: 'image/png',
          sourceUrl: null,
        },
        bytes: crop.png,
      });
    } catch (error) {
      if ((error as Error).name === 'CaptureAbort') throw error;
      omissions.push(`post screenshot: ${reasonOf(error)}`);
    }
  }
  next();

  const mhtml = saveMhtml(tabId).catch((error: unknown) => {
    omissions.push(`MHTML: ${reasonOf(error)}`);
    return null;
  });
  const settings = await ctx.store.settings.all();
  const fetcher = new MediaFetcher({
    platform: page.record.platform,
    pageUrl: page.environment.url,
    withSession: settings.mediaWithSession,
  });
  const media = fetcher.media(page.media, caps);
  const mhtmlBytes = await mhtml;
  if (mhtmlBytes)
    pending.push({
      ref: {
        name: ARTIFACT_NAMES.mhtml,
        role: 'mhtml',
        mediaType: 'multipart/related',
        sourceUrl: null,
      },
      bytes: mhtmlBytes,
    });
  else if (mhtmlBytes === null && !omissions.some((o) => o.startsWith('MHTML')))
    omissions.push('MHTML: not offered by this browser');
  next();

  const fetched = await media;
  omissions.push(...fetched.omissions);
  warnings.push(...fetched.warnings);
  const videosKept = fetched.kept.filter((f) => f.mediaType.startsWith('video/')).length;
  if (page.videos.streamed > 0) warnings.push(english(WARN_VIDEO_STREAMED));
  else if (page.videos.total > videosKept) warnings.push(english(WARN_VIDEO_NOT_SAVED));
  const known = new Map<string, Fetched>(fetched.kept.map((f) => [f.url, f]));
  if (page.html) {
    const inlined = await fetcher.inline(page.html, id, page.resources, known, caps);
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
    nonce: id,
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
  next();

  // The last look at the tab: if the document changed, what we hold is not one page.
  await tab.assertSame();
  const hashed = await Promise.all(
    pending.map(async (p) => ({ ...p, sha256: await sha256RefOf(p.bytes) })),
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
  const previous = await ctx.store.captures.byUrl(url);
  if (!fetcher.serverDate)
    omissions.push(
      "server Date: no media server answered, and Dalel sends no request only to read a server's clock",
    );
  const metadata = buildMetadata({
    tabUrl,
    page: page.environment,
    serverDate: fetcher.serverDate,
    startedAt,
    endedAt: new Date(),
    extensionVersion: ctx.extensionVersion,
    extractor: page.record.extractor,
    omissions,
    measured: {
      screenshotWidth: pngWidth(viewport),
      deviceTimeZone: Intl.DateTimeFormat().resolvedOptions().timeZone ?? 'UTC',
    },
  });
  const capture = await sealCapture({
    id: newId('cap'),
    url,
    platform: page.record.platform,
    kind: page.record.kind,
    accountKey: accountKeyOf(page.record),
    sealedAt: new Date().toISOString(),
    metadata,
    record: page.record,
    artifacts,
    previousCaptureIds: previous.map((c) => c.id),
    warnings: [...warnings, ...addressWarnings(metadata)],
  });
  const stored = await ctx.store.captures.seal(capture, bytes);
  // Derived, after the seal: redacted working copies where the viewer's identity showed. A
  // failure here loses nothing sealed; the monitor can redact from the dashboard.
  if (page.viewer.length)
    await redactDetected(ctx.store, stored, viewer, page.metrics.innerWidth, tiles).catch(() =>
      logEvent('capture.redaction_failed'),
    );
  ctx.onProgress('done', STAGES.length, STAGES.length);
  return stored;
}
