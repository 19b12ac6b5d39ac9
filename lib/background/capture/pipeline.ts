import { DEFAULT_CAPS, type CaptureCaps } from '../../capture/caps';
import { SETTLE_MAX_MS } from '../../content/settle';
import { logEvent } from '../../log';
import { CAPTURE_STEPS, type CaptureStage } from '../../messaging/messages/capture';
import type { Capture } from '../../model/capture';
import type { Store } from '../../store/store';
import type { CaptureOptions } from './capture-options';
import type { CapturePorts } from './capture-ports';
import {
  gatherArtifacts,
  readPage,
  saveMhtmlStartMedia,
  sealAndStore,
  settleTab,
  startRun,
  takeFullPage,
  takeViewport,
} from './stages';

export interface CaptureContext {
  store: Store;
  extensionVersion: string;
  onProgress(stage: CaptureStage, done: number, total: number): void;
  /** The browser (browserCapturePorts()) or a test's fakes. */
  ports: CapturePorts;
  caps?: CaptureCaps;
}

/** The pipeline's steps, in order: the one list every "step n of m" counts from. */
export const STAGES = CAPTURE_STEPS;

/**
 * Captures one tab: reads the page through the content script, takes the viewport and full-page
 * screenshots, the MHTML and the media, hashes every artifact, seals the capture and stores it
 * with its custody event in one transaction. Throws (and stores nothing) when the tab is closed,
 * navigates or cannot be read, or storage is full. Progress names each stage as it starts, so a
 * failure is reported in the stage it happened in; the stages are in stages.ts.
 */
export async function runCapture(
  tabId: number,
  ctx: CaptureContext,
  options: CaptureOptions = {},
): Promise<Capture> {
  const caps = ctx.caps ?? DEFAULT_CAPS;
  let stage = 0;
  const progress = () => ctx.onProgress(STAGES[stage]!, stage, STAGES.length);
  const next = () => {
    stage++;
    if (stage < STAGES.length) progress();
  };
  progress();
  const run = startRun(tabId, ctx.ports, caps);

  const { tabUrl } = await settleTab(run, caps.settleMaxMs ?? SETTLE_MAX_MS);
  next();
  const { page, documentFile } = await readPage(run, options);
  next();
  const shot = await takeViewport(run);
  next();
  const tiles = await takeFullPage(run, page, shot);
  next();
  const downloads = await saveMhtmlStartMedia(run, page, ctx.store);
  next();
  const viewer = await gatherArtifacts(run, page, documentFile, downloads);
  next();
  const stored = await sealAndStore(run, {
    store: ctx.store,
    extensionVersion: ctx.extensionVersion,
    page,
    tabUrl,
    viewport: shot.viewport,
    fetcher: downloads.fetcher,
  });
  // Derived, after the seal: redacted working copies where the viewer's identity showed. A
  // failure here loses nothing sealed; the monitor can redact from the dashboard.
  if (page.viewer.length)
    await ctx.ports
      .redact(ctx.store, stored, viewer, page.metrics.innerWidth, tiles)
      .catch(() => logEvent('capture.redaction_failed'));
  ctx.onProgress('done', STAGES.length, STAGES.length);
  return stored;
}
