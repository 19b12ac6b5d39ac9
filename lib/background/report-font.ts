import { browser } from 'wxt/browser';

/** Where the report font is in the extension (public/fonts, copied into both builds). */
export const REPORT_FONT_PATH = '/fonts/dejavu-sans-dalel.ttf';

let loaded: Promise<Uint8Array> | null = null;

/**
 * The font report.pdf embeds (58 kB, a subset of DejaVu Sans with Cyrillic and Kazakh letters):
 * read from the extension's own files the first time a package is made, not when the worker
 * starts, and kept for the next export.
 */
export function loadReportFont(): Promise<Uint8Array> {
  loaded ??= fetch(browser.runtime.getURL(REPORT_FONT_PATH as '/'))
    .then(async (response) => {
      if (!response.ok) throw new Error(`report font: HTTP ${response.status}`);
      return new Uint8Array(await response.arrayBuffer());
    })
    .catch((error: unknown) => {
      loaded = null;
      throw error;
    });
  return loaded;
}
