/** Where archive bytes go: a WritableStream (OPFS, a download) or an async callback (a Node file). */
export type SinkTarget = WritableStream<Uint8Array> | ((chunk: Uint8Array) => Promise<void>);

const BLOCK = 1024 * 1024;

/**
 * Packs small writes into ~1 MiB blocks (one copy, no per-chunk allocation) and keeps one write
 * in flight while the next is filled, so reading, hashing and writing overlap. A chunk of a block
 * or more is handed on as it is (no copy; fewer, larger writes are what OPFS is fastest at), so
 * callers must not reuse a buffer they have written.
 */
export class ByteSink {
  written = 0;
  private block = new Uint8Array(BLOCK);
  private used = 0;
  private inFlight: Promise<void> = Promise.resolve();
  private readonly writeChunk: (chunk: Uint8Array) => Promise<void>;
  private readonly closeTarget: () => Promise<void>;
  private readonly abortTarget: (reason: unknown) => Promise<void>;

  constructor(target: SinkTarget) {
    if (typeof target === 'function') {
      this.writeChunk = target;
      this.closeTarget = async () => {};
      this.abortTarget = async () => {};
    } else {
      const writer = target.getWriter();
      this.writeChunk = (chunk) => writer.write(chunk);
      this.closeTarget = () => writer.close();
      this.abortTarget = (reason) => writer.abort(reason);
    }
  }

  async write(chunk: Uint8Array): Promise<void> {
    if (chunk.length >= BLOCK) {
      await this.flush();
      this.written += chunk.length;
      await this.inFlight;
      this.inFlight = this.writeChunk(chunk);
      return;
    }
    this.written += chunk.length;
    let at = 0;
    while (at < chunk.length) {
      const take = Math.min(BLOCK - this.used, chunk.length - at);
      this.block.set(chunk.subarray(at, at + take), this.used);
      this.used += take;
      at += take;
      if (this.used === BLOCK) await this.flush();
    }
  }

  /** Hand the current block to the target (after the previous write finished). */
  async flush(): Promise<void> {
    if (this.used === 0) return;
    const out = this.used === BLOCK ? this.block : this.block.subarray(0, this.used);
    this.block = new Uint8Array(BLOCK);
    this.used = 0;
    await this.inFlight;
    this.inFlight = this.writeChunk(out);
  }

  async close(): Promise<void> {
    await this.flush();
    await this.inFlight;
    await this.closeTarget();
  }

  async abort(reason: unknown): Promise<void> {
    this.used = 0;
    await this.inFlight.catch(() => {});
    await this.abortTarget(reason);
  }
}
