import { contentRequestSchema, type Detection } from '../messaging/content-protocol';
import { platformOfUrl } from '../platforms/platform-of-url';

export const CONTENT_SCRIPT_VERSION = '0.1.0';

/** Answers one background request about the page. Never throws into the page. */
export async function handleContentRequest(
  message: unknown,
  document: Document,
  url: URL,
): Promise<Detection | { error: string }> {
  const parsed = contentRequestSchema.safeParse(message);
  if (!parsed.success) return { error: 'unknown request' };
  return {
    url: url.href,
    title: document.title,
    platform: platformOfUrl(url),
    contentScriptVersion: CONTENT_SCRIPT_VERSION,
  };
}
