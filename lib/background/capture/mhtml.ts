interface PageCaptureApi {
  saveAsMHTML(details: { tabId: number }): Promise<Blob>;
}

const ATTEMPTS = 3;

/**
 * The page as MHTML (Chrome's `pageCapture`), or null where the browser does not offer it. The
 * first read of the returned Blob fails now and then with NotFoundError in a fresh browser; a new
 * `saveAsMHTML` works, so it is retried (environment.md, pitfall 9).
 */
export async function saveMhtml(tabId: number): Promise<Uint8Array | null> {
  const api = (globalThis as { chrome?: { pageCapture?: PageCaptureApi } }).chrome?.pageCapture;
  if (!api?.saveAsMHTML) return null;
  let last: unknown;
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    try {
      const blob = await api.saveAsMHTML({ tabId });
      return new Uint8Array(await blob.arrayBuffer());
    } catch (error) {
      last = error;
      if ((error as { name?: string }).name !== 'NotFoundError') break;
    }
  }
  throw new Error(
    `MHTML could not be read: ${last instanceof Error ? last.message : String(last)}`,
  );
}
