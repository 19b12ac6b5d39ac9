import { classifyAnswer } from './classify';
import { LockerError } from './errors';
import type { RequestSigner, S3Op } from './s3-op';

/**
 * Downloads one object, streaming its bytes into `write` (a package can be larger than memory).
 * Returns its size and version. A refusal is classified like every other locker answer.
 */
export async function downloadObject(
  key: string,
  signer: RequestSigner,
  fetchFn: typeof fetch,
  write: (chunk: Uint8Array) => Promise<void>,
  now: () => number = Date.now,
): Promise<{ size: number; versionId: string | null }> {
  const op: S3Op = { op: 'get', key, headers: {} };
  const request = await signer.sign(op);
  let response: Response;
  try {
    response = await fetchFn(request.url, {
      method: 'GET',
      headers: request.headers,
      credentials: 'omit',
      cache: 'no-store',
    });
  } catch (error) {
    throw new LockerError(
      'unreachable',
      `GET ${new URL(request.url).host}: ${(error as Error).message}`,
    );
  }
  if (response.status !== 200 || !response.body)
    throw classifyAnswer(
      response.status,
      await response.text(),
      'get',
      request,
      signer.kind,
      now(),
    );
  let size = 0;
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    await write(value);
  }
  return { size, versionId: response.headers.get('x-amz-version-id') };
}
