import {
  redactSnapshot,
  redactedName,
  screenshotBoxes,
  VIEWER_REGIONS_NAME,
  viewerRegionsSchema,
  type ViewerRegions,
} from '../../capture/redaction';
import { redactionSeal } from '../../evidence/redaction-seal';
import { sha256RefOf } from '../../evidence/sha256';
import type { ArtifactRef, Capture } from '../../model/capture';
import { newId } from '../../model/ids';
import type { Redaction, RedactionRegion } from '../../model/redaction';
import type { Store } from '../../store/store';
import { pngGeometry, redactPng } from './redact-image';

export const IMAGE_METHOD =
  'copy of the PNG with opaque black rectangles over the listed regions (image pixels); every other pixel as in the original';
export const HTML_METHOD =
  "copy of the HTML snapshot with each listed element (Dalel's viewer-identity marks) replaced by an opaque block of its size";

/** What the capture recorded about the viewer's identity (`viewer-regions.json`), or null. */
export async function viewerRegionsOf(
  store: Store,
  capture: Capture,
): Promise<ViewerRegions | null> {
  const ref = capture.artifacts.find((a) => a.name === VIEWER_REGIONS_NAME);
  if (!ref) return null;
  const text = await (await store.artifacts.blob(ref.sha256)).text();
  return viewerRegionsSchema.parse(JSON.parse(text));
}

async function bytesOf(store: Store, ref: ArtifactRef): Promise<Uint8Array> {
  return new Uint8Array(await (await store.artifacts.blob(ref.sha256)).arrayBuffer());
}

/**
 * Makes, seals and stores one redacted copy of `original` (a screenshot or the HTML snapshot)
 * covering `regions`; `supersedes` names the redaction it replaces.
 */
export async function redactArtifact(
  store: Store,
  capture: Capture,
  original: ArtifactRef,
  regions: RedactionRegion[],
  supersedes: string | null,
  found?: ViewerRegions | null,
): Promise<Redaction> {
  let bytes: Uint8Array;
  let method: string;
  let kept = regions;
  if (original.role === 'snapshot_html') {
    const doc = found ?? (await viewerRegionsOf(store, capture));
    if (!doc) throw new Error('this capture recorded no viewer-identity marks in its snapshot');
    const ids = regions.flatMap((r) => (r.element === null ? [] : [r.element]));
    const out = redactSnapshot(
      new TextDecoder().decode(await bytesOf(store, original)),
      doc.nonce,
      ids,
    );
    kept = regions.filter((r) => r.element !== null && out.replaced.includes(r.element));
    bytes = new TextEncoder().encode(out.html);
    method = HTML_METHOD;
  } else if (original.mediaType === 'image/png') {
    bytes = await redactPng(await bytesOf(store, original), regions);
    method = IMAGE_METHOD;
  } else
    throw new Error(`${original.name}: only PNG screenshots and the HTML snapshot can be redacted`);
  const unsealed = {
    id: newId('red'),
    captureId: capture.id,
    createdAt: store.ctx.now().toISOString(),
    original: { name: original.name, sha256: original.sha256 },
    derived: {
      name: redactedName(original.name),
      sha256: await sha256RefOf(bytes),
      size: bytes.byteLength,
      mediaType: original.mediaType,
    },
    method,
    regions: kept,
    supersedes,
  };
  const redaction = { ...unsealed, seal: await redactionSeal(unsealed) };
  return store.redactions.add(
    redaction,
    new Blob([bytes as Uint8Array<ArrayBuffer>], { type: original.mediaType }),
  );
}

/**
 * Right after a capture is sealed: redacted copies of its screenshots and snapshot wherever the
 * viewer's identity was found. The full-page boxes need where each screen was drawn (`tiles`).
 */
export async function redactDetected(
  store: Store,
  capture: Capture,
  found: ViewerRegions,
  cssWidth: number,
  tiles: readonly number[],
): Promise<Redaction[]> {
  if (found.regions.length === 0) return [];
  const out: Redaction[] = [];
  for (const ref of capture.artifacts) {
    let regions: RedactionRegion[];
    if (ref.role === 'screenshot' || ref.role === 'screenshot_full') {
      const { size, scale } = await pngGeometry(await bytesOf(store, ref), cssWidth);
      regions = screenshotBoxes(
        found,
        ref.role === 'screenshot' ? 'viewport' : 'full',
        scale,
        size,
        tiles,
      );
    } else if (ref.role === 'snapshot_html') {
      regions = found.regions.map((r) => ({
        x: 0,
        y: 0,
        width: Math.max(1, Math.round(r.width)),
        height: Math.max(1, Math.round(r.height)),
        label: r.label,
        source: 'detected' as const,
        element: r.id,
      }));
    } else continue;
    if (regions.length) out.push(await redactArtifact(store, capture, ref, regions, null, found));
  }
  return out;
}
