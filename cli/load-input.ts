import { readFile } from 'node:fs/promises';
import { extractDocument, extractJson } from '../lib/platforms/registry';
import type { ExtractedRecord } from '../lib/platforms/record';
import { stripJsonPrefix, tryParseJson } from '../lib/platforms/json-scan';
import { parseHtml } from './parse-html';

/** A saved page or API response the CLI cannot use; the message names the file and the reason. */
export class InputError extends Error {}

/** Reads a saved `.html` page or `.json` response and extracts its record for `url`. */
export async function extractFile(file: string, url: URL): Promise<ExtractedRecord> {
  let raw: string;
  try {
    raw = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'read error';
    throw new InputError(`${file}: cannot read (${code})`);
  }
  if (!raw.trim()) throw new InputError(`${file}: file is empty`);
  if (/\.json$/i.test(file) || /^\s*(for\s*\(;;\);|\)\]\}'|[{[])/.test(raw)) {
    const parsed = tryParseJson(stripJsonPrefix(raw));
    if (parsed.ok) return extractJson(parsed.value, url);
    if (/\.json$/i.test(file)) throw new InputError(`${file}: not valid JSON (${parsed.error})`);
  }
  if (!/<[a-z!]/i.test(raw)) throw new InputError(`${file}: neither HTML nor JSON`);
  return extractDocument(parseHtml(raw), url);
}

export function parseUrl(value: string | undefined, what: string): URL {
  if (!value) throw new InputError(`${what}: missing URL`);
  try {
    return new URL(value);
  } catch {
    throw new InputError(`${what}: "${value}" is not an absolute URL`);
  }
}
