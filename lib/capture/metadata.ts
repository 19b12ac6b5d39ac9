import { captureConditions } from './conditions';
import { captureMetadataSchema, type CaptureMetadata } from '../model/capture';

/** What the content script reports about the page and the device it is shown on. */
export interface PageEnvironment {
  url: string;
  title: string;
  userAgent: string;
  language: string;
  timeZone: string;
  viewport: { width: number; height: number; devicePixelRatio: number };
  /** The page's `screen` size, when it could be read. */
  screen?: { width: number; height: number } | null;
  /** The HTTP `Date` header of the page's origin, or null with the reason in `omissions`. */
  serverDate: string | null;
}

export interface MetadataInput {
  requestedUrl: string;
  page: PageEnvironment;
  startedAt: Date;
  endedAt: Date;
  extensionVersion: string;
  extractor: { name: string; version: string };
  omissions: readonly string[];
  /** Measured by Dalel itself, to record what the page was told (lib/capture/conditions.ts). */
  measured?: { screenshotWidth: number | null; deviceTimeZone: string };
}

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
    requestedUrl: input.requestedUrl,
    finalUrl: page.url,
    title: page.title,
    startedAt: input.startedAt.toISOString(),
    endedAt: input.endedAt.toISOString(),
    timeZone: page.timeZone || 'UTC',
    serverDate: page.serverDate,
    userAgent: page.userAgent,
    browser: browserFromUserAgent(page.userAgent),
    extensionVersion: input.extensionVersion,
    extractor: input.extractor,
    viewport: measured?.viewport ?? page.viewport,
    language: page.language,
    omissions: [...input.omissions],
    ...(measured ? { conditions: measured.conditions } : {}),
  });
}
