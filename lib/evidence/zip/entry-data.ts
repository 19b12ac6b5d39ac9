/** What an entry's bytes may come from. */
export type EntryData = Uint8Array | Blob | ReadableStream<Uint8Array>;

/**
 * Level 6 for small text, level 1 (~3x faster, ~25% larger) past 1 MiB: large snapshots would
 * otherwise dominate export time (fflate level 6 runs at ~20 MB/s on 2 cores).
 */
export function deflateLevel(size: number | undefined): 1 | 6 {
  return size !== undefined && size <= 1024 * 1024 ? 6 : 1;
}

export function knownSize(data: EntryData): number | undefined {
  if (data instanceof Uint8Array) return data.length;
  if (data instanceof Blob) return data.size;
  return undefined;
}

/** Chunks of entry data without copying it whole. */
export async function* chunksOf(data: EntryData): AsyncGenerator<Uint8Array> {
  if (data instanceof Uint8Array) {
    yield data;
    return;
  }
  const reader = (data instanceof Blob ? data.stream() : data).getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    reader.releaseLock();
  }
}
