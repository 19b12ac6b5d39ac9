import {
  DEFAULT_CAPS,
  mediaSizeRefusal,
  selectMedia,
  type CaptureCaps,
  type MediaCandidate,
} from '../../capture/caps';
import { baseMediaType } from '../../capture/naming';
import { mediaFetchRefusal } from '../../platforms/media-hosts';
import type { Platform } from '../../platforms/record';
import { base64Of, readCapped } from './bytes';

export interface Fetched {
  url: string;
  bytes: Uint8Array;
  mediaType: string;
}

/** What a capture may fetch, and how (see `mediaFetchRefusal`). */
export interface FetchPolicy {
  platform: Platform;
  pageUrl: string;
  /**
   * "Fetch with my session": send the monitor's cookies to the media servers (for a private
   * account whose media a CDN answers only to a logged-in viewer). Off by default.
   */
  withSession: boolean;
}

/** A server's `Date` header and who said it: the answer to one of the capture's own fetches. */
export interface ServerDate {
  date: string;
  origin: string;
}

// A CDN that never answers must not hold the capture (and the tab) forever.
const FETCH_TIMEOUT_MS = 30_000;

/**
 * Fetches a capture's media and snapshot images under one policy: only from the allowed hosts,
 * without cookies unless the monitor asked for them, no referrer, and never following a redirect
 * (a redirect could lead anywhere; it is recorded as an omission). The first server `Date` seen
 * is kept, so the capture has a server's time without a request made only to ask for it.
 */
export class MediaFetcher {
  serverDate: ServerDate | null = null;

  constructor(
    private readonly policy: FetchPolicy,
    private readonly fetchFn: typeof fetch = (input, init) => fetch(input, init),
  ) {}

  /** The bytes, or null with the reason pushed to `why`. */
  async fetchOne(url: string, max: number, why: string[]): Promise<Fetched | null> {
    const refusal = mediaFetchRefusal(this.policy.platform, this.policy.pageUrl, url);
    if (refusal) {
      why.push(`${url}: not fetched (${refusal})`);
      return null;
    }
    const abort = new AbortController();
    const timer = setTimeout(
      () => abort.abort(new Error('no answer within 30 s')),
      FETCH_TIMEOUT_MS,
    );
    try {
      const res = await this.fetchFn(url, {
        method: 'GET',
        credentials: this.policy.withSession ? 'include' : 'omit',
        redirect: 'manual',
        referrerPolicy: 'no-referrer',
        signal: abort.signal,
      });
      if (res.type === 'opaqueredirect' || (res.status >= 300 && res.status < 400)) {
        why.push(`${url}: answered with a redirect, which Dalel does not follow`);
        return null;
      }
      if (res.redirected || (res.url && res.url !== url)) {
        await res.body?.cancel();
        why.push(`${url}: answered from another address (${res.url}); not kept`);
        return null;
      }
      if (!res.ok) {
        why.push(`${url}: HTTP ${res.status}`);
        await res.body?.cancel();
        return null;
      }
      const date = res.headers.get('date');
      if (date && !this.serverDate) this.serverDate = { date, origin: new URL(url).origin };
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

  /** The post's media, byte-exact, within the caps; what was not kept is listed in `omissions`. */
  async media(media: readonly MediaCandidate[], caps: CaptureCaps = DEFAULT_CAPS) {
    const omissions: string[] = [];
    const warnings: string[] = [];
    const { selected, warning } = selectMedia(media, caps);
    if (warning) warnings.push(warning);
    const why: string[] = [];
    const fetched = await pool(selected, 4, (m) => this.fetchOne(m.url, caps.maxMediaBytes, why));
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
  async inline(
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
      const got = known.get(url) ?? (await this.fetchOne(url, caps.maxSnapshotImageBytes, why));
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
    return { html: replaceTokens(html, nonce, data), omissions };
  }
}

/** Swaps `dalel-<nonce>-<i>` for `values[i]` (empty when there is none). */
export function replaceTokens(html: string, nonce: string, values: readonly string[]): string {
  const token = new RegExp(`dalel-${nonce}-(\\d+)(?!\\d)`, 'g');
  return html.replace(token, (_m, i: string) => values[Number(i)] ?? '');
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
