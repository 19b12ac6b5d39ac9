/** Limits that keep one capture bounded; exceeding one is a warning, never a crash. */
export interface CaptureCaps {
  /** Full-page screenshot height, CSS pixels (canvas limits and memory). */
  maxFullPageHeight: number;
  /** Viewport screenshots stitched into the full page. */
  maxTiles: number;
  /** Media files fetched per capture. */
  maxMediaCount: number;
  /** Bytes of one media file. */
  maxMediaBytes: number;
  /** Bytes of all media of one capture. */
  maxTotalMediaBytes: number;
  /** Images inlined into the HTML snapshot, and their bytes. */
  maxSnapshotImages: number;
  maxSnapshotImageBytes: number;
  /** Bytes of a document file (a PDF tab's own file). */
  maxDocumentBytes: number;
  /** How long to wait for the page to settle (content/settle.ts); the default when absent. */
  settleMaxMs?: number;
}

export const DEFAULT_CAPS: CaptureCaps = {
  maxFullPageHeight: 16_000,
  maxTiles: 24,
  maxMediaCount: 20,
  maxMediaBytes: 64 * 1024 * 1024,
  maxTotalMediaBytes: 192 * 1024 * 1024,
  maxSnapshotImages: 120,
  maxSnapshotImageBytes: 24 * 1024 * 1024,
  maxDocumentBytes: 256 * 1024 * 1024,
};

export interface TilePlan {
  /** Scroll offsets (CSS px) to take one viewport screenshot at, top first. */
  offsets: number[];
  /** Height of the stitched image, CSS px. */
  height: number;
  warning: string | null;
}

/** Where to scroll for a full-page screenshot of a page `pageHeight` tall, within the caps. */
export function planTiles(
  pageHeight: number,
  viewportHeight: number,
  caps = DEFAULT_CAPS,
): TilePlan {
  if (!(viewportHeight > 0))
    throw new Error(`viewport height must be positive, got ${viewportHeight}`);
  const wanted = Math.max(viewportHeight, Math.ceil(pageHeight));
  const height = Math.min(wanted, caps.maxFullPageHeight, caps.maxTiles * viewportHeight);
  const offsets: number[] = [];
  for (let y = 0; y < height; y += viewportHeight)
    offsets.push(Math.min(y, height - viewportHeight));
  const warning =
    height < wanted
      ? `full-page screenshot cut at ${height} px of ${wanted} px (cap: ${caps.maxFullPageHeight} px, ${caps.maxTiles} screens)`
      : null;
  return { offsets, height, warning };
}

export interface MediaCandidate {
  url: string;
  type: 'image' | 'video';
}

/** The media to fetch (first `maxMediaCount`, de-duplicated) and a warning for the rest. */
export function selectMedia(
  media: readonly MediaCandidate[],
  caps = DEFAULT_CAPS,
): { selected: MediaCandidate[]; warning: string | null } {
  const seen = new Set<string>();
  const unique = media.filter((m) => !seen.has(m.url) && seen.add(m.url));
  const selected = unique.slice(0, caps.maxMediaCount);
  const dropped = unique.length - selected.length;
  return {
    selected,
    warning: dropped
      ? `${dropped} of ${unique.length} media files not fetched (cap: ${caps.maxMediaCount} per capture)`
      : null,
  };
}

/** Why a media file of `size` bytes may not be kept, given `used` bytes already kept; null if it may. */
export function mediaSizeRefusal(url: string, size: number, used: number, caps = DEFAULT_CAPS) {
  const mb = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;
  if (size > caps.maxMediaBytes)
    return `media ${url} not kept: ${mb(size)} is over the ${mb(caps.maxMediaBytes)} cap per file`;
  if (used + size > caps.maxTotalMediaBytes)
    return `media ${url} not kept: the capture's media would exceed ${mb(caps.maxTotalMediaBytes)}`;
  return null;
}
