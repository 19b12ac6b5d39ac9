const EXTENSIONS: Record<string, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/gif': 'gif',
  'image/webp': 'webp',
  'image/avif': 'avif',
  'image/svg+xml': 'svg',
  'video/mp4': 'mp4',
  'video/webm': 'webm',
  'video/quicktime': 'mov',
  'application/x-mpegurl': 'm3u8',
};

/** Fixed names of a capture's artifacts (stable across captures so packages read alike). */
export const ARTIFACT_NAMES = {
  viewport: 'screenshot-viewport.png',
  full: 'screenshot-full.png',
  /** "Capture this post": the chosen post alone. */
  post: 'screenshot-post.png',
  html: 'page.html',
  mhtml: 'page.mhtml',
  record: 'record.json',
  /** A PDF (or other document) tab's own file. */
  document: 'document.pdf',
} as const;

/** The media type without parameters, lower-cased: `image/jpeg; q=1` → `image/jpeg`. */
export function baseMediaType(contentType: string | null | undefined): string {
  const base = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  return /^[a-z0-9.+-]+\/[a-z0-9.+-]+$/.test(base) ? base : 'application/octet-stream';
}

/**
 * Media types a browser runs scripts in when the file is opened on its own (from an unzipped
 * package, or a link): kept byte-exact, but under a `.txt` name so opening shows their text.
 */
export const ACTIVE_MEDIA_TYPES: ReadonlySet<string> = new Set([
  'image/svg+xml',
  'text/html',
  'application/xhtml+xml',
  'text/xml',
  'application/xml',
]);

export function isActiveMediaType(mediaType: string): boolean {
  return ACTIVE_MEDIA_TYPES.has(baseMediaType(mediaType));
}

/**
 * `media/03.jpg`: numbered from 1 in record order, extension from the served media type. Active
 * content (an SVG can carry scripts) is named `media/03.svg.txt`: its bytes are exact, and no
 * file manager or browser opens it as an image that runs.
 */
export function mediaArtifactName(index: number, mediaType: string): string {
  const base = baseMediaType(mediaType);
  const ext = EXTENSIONS[base] ?? 'bin';
  const name = `media/${String(index + 1).padStart(2, '0')}.${ext}`;
  return isActiveMediaType(base) ? `${name}.txt` : name;
}
