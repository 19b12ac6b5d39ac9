import {
  DEFAULT_CAPS,
  mediaSizeRefusal,
  selectMedia,
  type CaptureCaps,
  type MediaCandidate,
} from '../../capture/caps';
import { baseMediaType } from '../../capture/naming';
import { base64Of, readCapped } from './bytes';

export interface Fetched {
  url: string;
  bytes: Uint8Array;
  mediaType: string;
}

// A CDN that never answers must not hold the capture (and the tab) forever.
const FETCH_TIMEOUT_MS = 30_000;

/** Fetches with the monitor's session; null and a reason when it cannot be kept. */
async function fetchOne(url: string, max: number, why: string[]): Promise<Fetched | null> {
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(new Error('no answer within 30 s')), FETCH_TIMEOUT_MS);
  try {
    const res = await fetch(url, {
      credentials: 'include',
      redirect: 'follow',
      signal: abort.signal,
    });
    if (!res.ok) {
      why.push(`${url}: HTTP ${res.status}`);
      await res.body?.cancel();
      return null;
    }
    const bytes = await readCapped(res, max);
    if (!bytes) {
      why.push(`${url}: larger than ${Math.round(max / 1024 / 1024)} MB`);
      return null;
    }
    return { url, bytes, mediaType: baseMediaType(res.headers.get('content-type')) };
  } catch (error) {
    why.push(`${url}: ${error instanceof Error ? error.message : String(error)}`);
    return null;
  } finally {
    clearTimeout(timer);
  }
}

async function pool<T, R>(
  items: readonly T[],
  width: number,
  work: (item: T, i: number) => Promise<R>,
) {
  const out: R[] = new Array(items.length);
  let next = 0;
  const runners = Array.from({ length: Math.min(width, items.length) }, async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await work(items[i]!, i);
    }
  });
  await Promise.all(runners);
  return out;
}

/** The post's media, byte-exact, within the caps; what was not kept is listed in `omissions`. */
export async function fetchMedia(
  media: readonly MediaCandidate[],
  caps: CaptureCaps = DEFAULT_CAPS,
) {
  const omissions: string[] = [];
  const warnings: string[] = [];
  const { selected, warning } = selectMedia(media, caps);
  if (warning) warnings.push(warning);
  const why: string[] = [];
  const fetched = await pool(selected, 4, (m) => fetchOne(m.url, caps.maxMediaBytes, why));
  omissions.push(...why.map((w) => `media ${w}`));
  const kept: Fetched[] = [];
  let used = 0;
  for (const item of fetched) {
    if (!item) continue;
    const refusal = mediaSizeRefusal(item.url, item.bytes.byteLength, used, caps);
    if (refusal) {
      warnings.push(refusal);
      continue;
    }
    used += item.bytes.byteLength;
    kept.push(item);
  }
  return { kept, omissions, warnings };
}

/**
 * Replaces the snapshot's resource tokens with `data:` URLs of the fetched bytes (reusing media
 * already fetched); a resource that cannot be fetched is left empty, so the file stays offline.
 */
export async function inlineResources(
  html: string,
  nonce: string,
  resources: readonly string[],
  known: ReadonlyMap<string, Fetched>,
  caps: CaptureCaps = DEFAULT_CAPS,
): Promise<{ html: string; omissions: string[] }> {
  const omissions: string[] = [];
  const wanted = resources.slice(0, caps.maxSnapshotImages);
  if (resources.length > wanted.length)
    omissions.push(
      `snapshot: ${resources.length - wanted.length} images/styles beyond the cap of ${caps.maxSnapshotImages} not inlined`,
    );
  let budget = caps.maxSnapshotImageBytes;
  const why: string[] = [];
  const data = await pool(wanted, 6, async (url) => {
    const got = known.get(url) ?? (await fetchOne(url, caps.maxSnapshotImageBytes, why));
    if (!got) return '';
    if (got.bytes.byteLength > budget) {
      why.push(`${url}: over the snapshot size budget`);
      return '';
    }
    budget -= got.bytes.byteLength;
    return `data:${got.mediaType};base64,${base64Of(got.bytes)}`;
  });
  if (why.length)
    omissions.push(
      `snapshot: ${why.length} resources not inlined (${why.slice(0, 5).join('; ')}${why.length > 5 ? '; …' : ''})`,
    );
  const token = new RegExp(`dalel-${nonce}-(\\d+)(?!\\d)`, 'g');
  return { html: html.replace(token, (_m, i: string) => data[Number(i)] ?? ''), omissions };
}
