import { readFile } from 'node:fs/promises';
import { extractDocument, extractElement, extractJson } from '../lib/platforms/registry';
import type { ExtractedRecord } from '../lib/platforms/record';
import { stripJsonPrefix, tryParseJson } from '../lib/platforms/json-scan';
import { decodePage } from './charset';
import { parseHtml } from './parse-html';

/** A saved page or API response the CLI cannot use; the message names the file and the reason. */
export class InputError extends Error {}

export interface ExtractOptions {
  /**
   * A CSS selector of the element a monitor pointed at ("Capture this post"): the record is the
   * post around it, not the whole page.
   */
  target?: string;
  /** The HTTP Content-Type saved with the page; its charset wins over the page's `<meta>`. */
  contentType?: string;
}

/** Reads a saved `.html` page or `.json` response and extracts its record for `url`. */
export async function extractFile(
  file: string,
  url: URL,
  options: ExtractOptions = {},
): Promise<ExtractedRecord> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'read error';
    throw new InputError(`${file}: cannot read (${code})`);
  }
  const raw = decodePage(bytes, options.contentType).text;
  if (!raw.trim()) throw new InputError(`${file}: file is empty`);
  if (!options.target && (/\.json$/i.test(file) || /^\s*(for\s*\(;;\);|\)\]\}'|[{[])/.test(raw))) {
    const parsed = tryParseJson(stripJsonPrefix(raw));
    if (parsed.ok) return extractJson(parsed.value, url);
    if (/\.json$/i.test(file)) throw new InputError(`${file}: not valid JSON (${parsed.error})`);
  }
  if (!/<[a-z!]/i.test(raw)) throw new InputError(`${file}: neither HTML nor JSON`);
  const doc = parseHtml(raw);
  if (!options.target) return extractDocument(doc, url);
  let element: Element | null;
  try {
    element = doc.querySelector(options.target);
  } catch {
    throw new InputError(`${file}: --target "${options.target}" is not a CSS selector`);
  }
  if (!element) throw new InputError(`${file}: no element matches --target "${options.target}"`);
  return extractElement(doc, url, element);
}

export function parseUrl(value: string | undefined, what: string): URL {
  if (!value) throw new InputError(`${what}: missing URL`);
  try {
    return new URL(value);
  } catch {
    throw new InputError(`${what}: "${value}" is not an absolute URL`);
  }
}
