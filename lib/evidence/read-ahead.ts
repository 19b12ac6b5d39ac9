import type { ArtifactBytes, PackageInput } from './package-input';

/**
 * The artifacts of a package in order, each opened (and, when `hold(size)` says so, read into
 * memory) while the one before is being written: reading from IndexedDB then overlaps hashing,
 * CRC and writing, at the cost of holding one more artifact. Larger ones stay Blobs and stream.
 */
export class ReadAhead {
  private readonly queue: string[];
  private pending: Promise<ArtifactBytes | Uint8Array> | null = null;

  constructor(
    private readonly input: PackageInput,
    /** Whether an artifact of this size is read into memory (to be hashed in one shot). */
    private readonly hold: (size: number) => boolean,
    /** The artifacts to read, in order (default: every artifact of every capture). */
    queue?: string[],
  ) {
    this.queue = queue ?? input.captures.flatMap((c) => c.artifacts.map((a) => a.sha256));
  }

  /** The next artifact's bytes; call once per artifact, in capture order. */
  async next(): Promise<ArtifactBytes | Uint8Array> {
    const current = this.pending ?? this.open();
    this.pending = this.queue.length > 0 ? this.open() : null;
    return current;
  }

  private open(): Promise<ArtifactBytes | Uint8Array> {
    const sha256 = this.queue.shift()!;
    const read = (async () => {
      const data = await this.input.openArtifact(sha256);
      return data instanceof Blob && this.hold(data.size)
        ? new Uint8Array(await data.arrayBuffer())
        : data;
    })();
    // A failed read-ahead is reported when its artifact is reached, not as an unhandled rejection.
    read.catch(() => {});
    return read;
  }
}
