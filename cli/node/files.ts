import { open, type FileHandle } from 'node:fs/promises';
import type { ZipSource } from '../../lib/evidence/zip/source';

/** A ZipSource over a file, read by offset; close it when done. */
export async function fileSource(path: string): Promise<ZipSource & { close(): Promise<void> }> {
  const handle: FileHandle = await open(path, 'r');
  const { size } = await handle.stat();
  return {
    size,
    read: async (offset, length) => {
      const buffer = new Uint8Array(length);
      let done = 0;
      while (done < length) {
        const { bytesRead } = await handle.read(buffer, done, length - done, offset + done);
        if (bytesRead === 0) break;
        done += bytesRead;
      }
      return done === length ? buffer : buffer.subarray(0, done);
    },
    close: () => handle.close(),
  };
}

/**
 * A sink writing to a new file, as a WritableStream: the package writer queues blocks into it
 * while the previous one is being written, so reading, hashing and writing overlap. `close` is
 * idempotent (the writer closes the stream when it finishes; callers close it on failure).
 */
export async function fileSink(
  path: string,
): Promise<{ target: WritableStream<Uint8Array>; close(): Promise<void> }> {
  const handle = await open(path, 'w');
  let closing: Promise<void> | undefined;
  const close = () => (closing ??= handle.close());
  const target = new WritableStream<Uint8Array>({
    async write(chunk) {
      let done = 0;
      while (done < chunk.length) {
        const { bytesWritten } = await handle.write(chunk, done, chunk.length - done);
        done += bytesWritten;
      }
    },
    close,
    abort: close,
  });
  return { target, close };
}
