import { captureConditions } from './conditions';
import {
  captureMetadataSchema,
  type CaptureMetadata,
  type METADATA_SOURCES,
} from '../model/capture';

type MetadataSource = (typeof METADATA_SOURCES)[number];

/** What the content script reports about the page and the device it is shown on. */
export interface PageEnvironment {
  /** `location.href` as the page reports it (a page can rewrite it with the history API). */
  url: string;
  /** The URL the browser loaded the document from (Navigation Timing), or null. */
  navigationUrl: string | null;
  title: string;
  userAgent: string;
  language: string;
  timeZone: string;
  viewport: { width: number; height: number; devicePixelRatio: number };
  /** The page's `screen` size, when it could be read. */
  screen?: { width: number; height: number } | null;
}

export interface MetadataInput {
  /** The tab's address as the browser reported it when the capture began. */
  tabUrl: string;
  page: PageEnvironment;
  /** A server's `Date` from one of the capture's own fetches, with the server's origin. */
  serverDate: { date: string; origin: string } | null;
  startedAt: Date;
  endedAt: Date;
  extensionVersion: string;
  extractor: { name: string; version: string };
  omissions: readonly string[];
  /** Measured by Dalel itself, to record what the page was told (lib/capture/conditions.ts). */
  measured?: { screenshotWidth: number | null; deviceTimeZone: string };
}

/** Who reports each field of the metadata (recorded in every capture). */
export const METADATA_FIELD_SOURCES: Readonly<Record<string, MetadataSource>> = {
  requestedUrl: 'browser',
  tabUrl: 'browser',
  finalUrl: 'page',
  title: 'page',
  serverDate: 'server',
  serverDateFrom: 'extension',
  startedAt: 'device',
  endedAt: 'device',
  timeZone: 'device',
  userAgent: 'browser',
  browser: 'browser',
  language: 'browser',
  viewport: 'browser',
  extensionVersion: 'extension',
  extractor: 'extension',
  omissions: 'extension',
};

/** `Chrome 156.0.0.0`, `Firefox 140.0`, … from a user agent; the UA itself is kept verbatim too. */
export function browserFromUserAgent(userAgent: string): string {
  const rules: Array<[RegExp, string]> = [
    [/Firefox\/([\d.]+)/, 'Firefox'],
    [/Edg\/([\d.]+)/, 'Edge'],
    [/OPR\/([\d.]+)/, 'Opera'],
    [/HeadlessChrome\/([\d.]+)/, 'Chrome (headless)'],
    [/Chrome\/([\d.]+)/, 'Chrome'],
    [/Version\/([\d.]+).*Safari\//, 'Safari'],
  ];
  for (const [pattern, name] of rules) {
    const match = pattern.exec(userAgent);
    if (match) return `${name} ${match[1]}`;
  }
  return 'unknown';
}

/** The capture's metadata, validated: a wrong field fails here, before anything is stored. */
export function buildMetadata(input: MetadataInput): CaptureMetadata {
  const { page } = input;
  const measured = input.measured
    ? captureConditions({
        pageViewport: page.viewport,
        pageScreen: page.screen ?? null,
        pageTimeZone: page.timeZone || 'UTC',
        deviceTimeZone: input.measured.deviceTimeZone,
        screenshotWidth: input.measured.screenshotWidth,
      })
    : null;
  if (input.endedAt < input.startedAt) throw new Error('metadata: capture ended before it started');
  return captureMetadataSchema.parse({
    requestedUrl: page.navigationUrl ?? (input.tabUrl || page.url),
    finalUrl: page.url,
    tabUrl: input.tabUrl || page.url,
    title: page.title,
    startedAt: input.startedAt.toISOString(),
    endedAt: input.endedAt.toISOString(),
    timeZone: page.timeZone || 'UTC',
    serverDate: input.serverDate?.date ?? null,
    serverDateFrom: input.serverDate?.origin ?? null,
    userAgent: page.userAgent,
    browser: browserFromUserAgent(page.userAgent),
    extensionVersion: input.extensionVersion,
    extractor: input.extractor,
    viewport: measured?.viewport ?? page.viewport,
    language: page.language,
    omissions: [...input.omissions],
    sources: { ...METADATA_FIELD_SOURCES },
    ...(measured ? { conditions: measured.conditions } : {}),
  });
}

/**
 * Warnings when the addresses disagree: the page changed its own address after loading (history
 * API), or the tab showed another address than the page reports. Both are kept; neither is trusted
 * over the other silently.
 */
export function addressWarnings(m: CaptureMetadata): string[] {
  const out: string[] = [];
  if (m.finalUrl !== m.requestedUrl)
    out.push(
      `the page reports the address ${m.finalUrl} but was loaded from ${m.requestedUrl} (a page can change its own address; both are recorded)`,
    );
  if (m.tabUrl && m.tabUrl !== m.finalUrl && m.tabUrl !== m.requestedUrl)
    out.push(`the tab showed the address ${m.tabUrl} when the capture began`);
  return out;
}
