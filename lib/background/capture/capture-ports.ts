import type { ViewerRegions } from '../../capture/redaction';
import type { Capture } from '../../model/capture';
import type { Store } from '../../store/store';
import type { PostCropDeps } from './post-crop';
import type { FullPageDeps } from './screenshots';

/** What the pipeline needs to know of a tab. */
export interface TabInfo {
  url?: string;
  pendingUrl?: string;
  active?: boolean;
  windowId: number;
}

/** The tab side of a capture: `browser.tabs` and `browser.scripting` in the extension. */
export interface TabPorts {
  /** The tab, or a rejection when it is closed. */
  get(tabId: number): Promise<TabInfo>;
  activate(tabId: number): Promise<void>;
  /** Injects the capture content script (rejects with the browser's reason). */
  inject(tabId: number): Promise<void>;
  /** One request to the content script; its answer (rejects when nothing answers). */
  send(tabId: number, message: Record<string, unknown>): Promise<unknown>;
}

/**
 * Everything a capture does outside pure code, injected (as lib/background does elsewhere) so
 * Node tests drive the whole pipeline with fakes: browserCapturePorts() is the extension's.
 */
export interface CapturePorts {
  tabs: TabPorts;
  /** PNG bytes of what the window shows now. */
  captureVisible(windowId: number): Promise<Uint8Array>;
  /** The scrolled-and-stitched full-page PNG (needs a canvas: lib/background/capture/screenshots.ts). */
  fullPage(
    deps: FullPageDeps,
  ): Promise<{ png: Uint8Array; warning: string | null; tiles: number[]; scale: number }>;
  /** The chosen post's PNG ("Capture this post"). */
  postCrop(deps: PostCropDeps): Promise<{ png: Uint8Array; warning: string | null }>;
  /** The page as MHTML, or null where the browser does not offer it. */
  saveMhtml(tabId: number): Promise<Uint8Array | null>;
  /** The network for the page's own media (MediaFetcher applies the policy). */
  fetch: typeof fetch;
  /** Redacted working copies where the viewer's identity showed, after the seal. */
  redact(
    store: Store,
    capture: Capture,
    viewer: ViewerRegions,
    cssWidth: number,
    tiles: readonly number[],
  ): Promise<unknown>;
  now(): Date;
}
