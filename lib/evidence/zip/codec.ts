// Raw DEFLATE (RFC 1951, ZIP method 8) as async transforms of chunk streams. fflate is the pure
// fallback; a native inflater (the platform's DecompressionStream, or zlib injected in Node) is
// 3–5x faster, which is what verification and import of text-heavy packages spend their time on.
import { Deflate, Inflate } from 'fflate';

export type Chunks = AsyncIterable<Uint8Array>;

/** Compresses `input` at `level`; the output ends with the final block. */
export type RawDeflate = (input: Chunks, level: 1 | 6) => AsyncIterable<Uint8Array>;

/**
 * Decompresses `input`. A consumer that stops early (a size cap: lying size, zip bomb) ends the
 * iteration, which stops reading the input. Corrupt or truncated data throws; so do bytes after
 * the end of the DEFLATE stream (`TrailingDataError`): they are hidden data, and a streaming ZIP
 * reader would take them for the next entry.
 */
export type RawInflate = (input: Chunks) => AsyncIterable<Uint8Array>;

export class TrailingDataError extends Error {
  constructor() {
    super('bytes after the end of the compressed stream');
    this.name = 'TrailingDataError';
  }
}

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

/**
 * fflate's Inflate keeps its state in `s` (f: the final block was read, l: its code table, null
 * once its end-of-block code was; p: the bit position) and the input it has not consumed in `p`
 * (fflate 0.8.3, pinned; tests/unit/evidence/zip-codec.test.ts checks this on every inflater).
 */
interface FflateState {
  s: { f?: number; l?: unknown; p?: number };
  p: Uint8Array;
}

export async function* fflateInflate(input: Chunks): AsyncGenerator<Uint8Array> {
  const out: Uint8Array[] = [];
  let ended = false;
  const inflate = new Inflate((chunk, final) => {
    out.push(chunk);
    if (final) ended = true;
  });
  const state = inflate as unknown as FflateState;
  // Input held beyond the stream's end (the last byte's unused bits excepted).
  const trailing = () =>
    !!state.s.f && !state.s.l && state.p.length > ((state.s.p ?? 0) & 7 ? 1 : 0);
  for await (const chunk of input) {
    inflate.push(chunk);
    if (trailing()) throw new TrailingDataError();
    yield* out.splice(0);
  }
  if (!ended) inflate.push(new Uint8Array(0), true);
  if (trailing()) throw new TrailingDataError();
  yield* out.splice(0);
}

/**
 * Whether this platform's DecompressionStream knows raw DEFLATE and refuses bytes after the end of
 * the stream, as the Compression Streams standard says (Chromium does; Node 20 does not, so it
 * gets fflate, whose leftover input we can see).
 */
async function hasStrictNativeInflate(): Promise<boolean> {
  let native: DecompressionStream;
  try {
    // Browsers before raw DEFLATE (Chromium < 103, Firefox < 113) throw here: not strict, absent.
    native = new DecompressionStream('deflate-raw');
  } catch {
    return false;
  }
  try {
    // An empty final stored block (03 00) followed by one junk byte.
    const probe = new Blob([new Uint8Array([0x03, 0x00, 0x2a])]);
    await new Response(probe.stream().pipeThrough(native)).arrayBuffer();
    return false;
  } catch {
    return true;
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
      let next;
      try {
        next = await reader.read();
      } catch (error) {
        // The standard's words for bytes after the end: "Junk found after end of compressed data".
        if (/junk|trailing|after (the )?end/i.test(String((error as Error)?.message)))
          throw new TrailingDataError();
        throw error;
      }
      if (next.done) break;
      yield next.value;
    }
    await feeding;
  } finally {
    await reader.cancel().catch(() => {});
    await feeding;
  }
}

let nativeInflate: Promise<boolean> | undefined;

/** The fastest inflater this platform has without injection that refuses trailing bytes. */
export function defaultInflate(): RawInflate {
  return async function* (input) {
    nativeInflate ??= hasStrictNativeInflate();
    yield* (await nativeInflate) ? streamInflate(input) : fflateInflate(input);
  };
}
