import type { ExtractedRecord, Platform } from './record';

/**
 * One extractor per platform. Pure: a parsed Document (the live page in the content script,
 * linkedom in the CLI and in tests) and the page URL in, one record out. It never fetches, never
 * touches `browser`, and never throws for a page it does not understand: it returns what it
 * found with warnings, and the registry falls back to the generic extractor.
 */
export interface Extractor {
  platform: Platform;
  /** Bumped whenever selectors or logic change; recorded in every capture. */
  version: string;
  /** True for URLs this extractor understands (host and, where it matters, path). */
  matches(url: URL): boolean;
  extract(document: Document, url: URL): ExtractedRecord;
  /**
   * For saved API responses (oEmbed, GraphQL, JSON the page loads): parsed JSON and the URL it
   * describes. Optional; without it the generic extractor reads oEmbed-shaped fields.
   */
  extractJson?(data: unknown, url: URL): ExtractedRecord;
  /**
   * The post (feed item, timeline entry, wall post, channel message) around `element`, for
   * "Capture this post": the outermost post container holding it, or null when the element is in
   * no post this extractor knows. Optional: without it a platform has no feed-post capture.
   */
  postAt?(element: Element): Element | null;
  /** The record of one post container found by `postAt`, read from that element only. */
  extractPost?(container: Element, document: Document, url: URL): ExtractedRecord;
}
