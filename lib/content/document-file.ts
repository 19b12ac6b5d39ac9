import { toBase64 } from '../evidence/hex';

/** Bytes per chunk sent to the background (base64 in a message; Chrome caps messages at 64 MiB). */
export const DOCUMENT_CHUNK = 4 * 1024 * 1024;

/** The document file this page is (a PDF shown by the browser's viewer), as held for reading. */
let held: { nonce: string; blob: Blob } | null = null;

/** Media types the browser shows in a viewer of its own, whose file is the evidence itself. */
const DOCUMENT_TYPES = new Set(['application/pdf']);

export function isDocumentPage(doc: Document): boolean {
  return DOCUMENT_TYPES.has(doc.contentType);
}

/**
 * Reads the file this tab shows (a PDF) as served: a same-origin request for the page's own URL,
 * answered from the browser's cache where it has it (the bytes the viewer shows). Held in the
 * content script until the background reads it in chunks.
 */
export async function holdDocument(
  win: Window,
  nonce: string,
): Promise<{ mediaType: string; size: number; sourceUrl: string }> {
  const url = win.location.href;
  const response = await fetch(url, { credentials: 'include', cache: 'force-cache' });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  const blob = await response.blob();
  held = { nonce, blob };
  return { mediaType: win.document.contentType, size: blob.size, sourceUrl: url };
}

/** One chunk of the held file, base64; `done` after the last. */
export async function documentChunk(
  nonce: string,
  offset: number,
): Promise<{ base64: string; done: boolean }> {
  if (!held || held.nonce !== nonce) throw new Error('no document held for this capture');
  const end = Math.min(offset + DOCUMENT_CHUNK, held.blob.size);
  const bytes = new Uint8Array(await held.blob.slice(offset, end).arrayBuffer());
  const done = end >= held.blob.size;
  if (done) held = null;
  return { base64: toBase64(bytes), done };
}
