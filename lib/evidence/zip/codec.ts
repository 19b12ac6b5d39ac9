// Raw DEFLATE (RFC 1951, ZIP method 8) as async transforms of chunk streams. fflate is the pure
// fallback; a native inflater (the platform's DecompressionStream, or zlib injected in Node) is
// 3–5x faster, which is what verification and import of text-heavy packages spend their time on.
import { Deflate, Inflate } from 'fflate';

export type Chunks = AsyncIterable<Uint8Array>;

/** Compresses `input` at `level`; the output ends with the final block. */
export type RawDeflate = (input: Chunks, level: 1 | 6) => AsyncIterable<Uint8Array>;

/**
 * Decompresses `input`. A consumer that stops early (a size cap: lying size, zip bomb) ends the
 * iteration, which stops reading the input. Corrupt or truncated data throws.
 */
export type RawInflate = (input: Chunks) => AsyncIterable<Uint8Array>;

export async function* fflateDeflate(input: Chunks, level: 1 | 6): AsyncGenerator<Uint8Array> {
  const out: Uint8Array[] = [];
  const deflate = new Deflate({ level }, (chunk) => void out.push(chunk));
  for await (const chunk of input) {
    deflate.push(chunk);
    yield* out.splice(0);
  }
  deflate.push(new Uint8Array(0), true);
  yield* out.splice(0);
}

export async function* fflateInflate(input: Chunks): AsyncGenerator<Uint8Array> {
  const out: Uint8Array[] = [];
  let ended = false;
  const inflate = new Inflate((chunk, final) => {
    out.push(chunk);
    if (final) ended = true;
  });
  for await (const chunk of input) {
    inflate.push(chunk);
    yield* out.splice(0);
  }
  if (!ended) inflate.push(new Uint8Array(0), true);
  yield* out.splice(0);
}

/** Whether this platform's DecompressionStream knows raw DEFLATE (Chromium 103+, Firefox 113+, Node 20). */
function hasNativeInflate(): boolean {
  try {
    return typeof DecompressionStream === 'function' && !!new DecompressionStream('deflate-raw');
  } catch {
    return false;
  }
}

/**
 * Inflate through the platform's DecompressionStream. Its readable side holds no more than the
 * output of one input chunk before the consumer reads, so memory stays bounded by the caller's
 * chunk size times DEFLATE's maximum ratio.
 */
export async function* streamInflate(input: Chunks): AsyncGenerator<Uint8Array> {
  const stream = new DecompressionStream('deflate-raw');
  const writer = stream.writable.getWriter();
  const reader = stream.readable.getReader();
  const feeding = (async () => {
    try {
      for await (const chunk of input) await writer.write(chunk as Uint8Array<ArrayBuffer>);
      await writer.close();
    } catch (error) {
      // An input failure becomes the readable side's error, so the consumer sees it.
      await writer.abort(error).catch(() => {});
    }
  })();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      yield value;
    }
    await feeding;
  } finally {
    await reader.cancel().catch(() => {});
    await feeding;
  }
}

let nativeInflate: boolean | undefined;

/** The fastest inflater this platform has without injection. */
export function defaultInflate(): RawInflate {
  nativeInflate ??= hasNativeInflate();
  return nativeInflate ? streamInflate : fflateInflate;
}
