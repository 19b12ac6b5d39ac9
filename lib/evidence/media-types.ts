// Images, video and audio are already compressed: deflating them costs time for nothing, and
// storing keeps the bytes inside the ZIP identical to the captured file.
const TEXT_TYPES =
  /^(text\/|application\/(json|xhtml\+xml|xml|javascript|x-ndjson)|multipart\/related|message\/rfc822|image\/svg\+xml)/;

/** True when entries of this media type are deflated rather than stored. */
export function shouldCompress(mediaType: string): boolean {
  return TEXT_TYPES.test(mediaType.toLowerCase());
}

/** Path-safe ids only: ids become directory and file names inside the package. */
export const SAFE_ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,127}$/;
