/** Random-access bytes of an archive: a File/Blob in the browser, a file handle in Node. */
export interface ZipSource {
  size: number;
  read(offset: number, length: number): Promise<Uint8Array>;
}

/** A ZipSource over a Blob or File; reads slices, never the whole archive. */
export function blobSource(blob: Blob): ZipSource {
  return {
    size: blob.size,
    read: async (offset, length) =>
      new Uint8Array(await blob.slice(offset, offset + length).arrayBuffer()),
  };
}

/** A ZipSource over bytes already in memory (tests, small packages). */
export function bytesSource(bytes: Uint8Array): ZipSource {
  // Plain Uint8Array views even over a Node Buffer, whose methods differ (`slice()` is a view).
  const plain = new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return {
    size: plain.length,
    read: async (offset, length) => plain.subarray(offset, Math.min(plain.length, offset + length)),
  };
}
