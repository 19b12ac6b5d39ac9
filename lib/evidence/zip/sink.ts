/** Where archive bytes go: a WritableStream (OPFS, a download) or an async callback (a Node file). */
export type SinkTarget = WritableStream<Uint8Array> | ((chunk: Uint8Array) => Promise<void>);

const BLOCK = 1024 * 1024;

/** Bytes a WritableStream may have queued while more are produced (OPFS writes run in the browser process). */
const STREAM_QUEUE = 32 * 1024 * 1024;

/**
 * Packs small writes into ~1 MiB blocks (one copy, no per-chunk allocation) while earlier writes
 * are in flight, so reading, hashing and writing overlap: one write at a time for a callback
 * target, up to STREAM_QUEUE bytes queued for a WritableStream. A chunk of a block or more is
 * handed on as it is (no copy; fewer, larger writes are what OPFS is fastest at), so callers must
 * not reuse a buffer they have written.
 */
export class ByteSink {
  written = 0;
  private block = new Uint8Array(BLOCK);
  private used = 0;
  private readonly inFlight: { done: Promise<void>; bytes: number }[] = [];
  private queued = 0;
  private readonly maxQueued: number;
  private readonly writeChunk: (chunk: Uint8Array) => Promise<void>;
  private readonly closeTarget: () => Promise<void>;
  private readonly abortTarget: (reason: unknown) => Promise<void>;

  constructor(target: SinkTarget) {
    if (typeof target === 'function') {
      this.writeChunk = target;
      this.closeTarget = async () => {};
      this.abortTarget = async () => {};
      this.maxQueued = 0;
    } else {
      const writer = target.getWriter();
      this.writeChunk = (chunk) => writer.write(chunk);
      this.closeTarget = () => writer.close();
      this.abortTarget = (reason) => writer.abort(reason);
      this.maxQueued = STREAM_QUEUE;
    }
  }

  async write(chunk: Uint8Array): Promise<void> {
    if (chunk.length >= BLOCK) {
      await this.flush();
      this.written += chunk.length;
      await this.send(chunk);
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

  /** Hand the current block to the target. */
  async flush(): Promise<void> {
    if (this.used === 0) return;
    const out = this.used === BLOCK ? this.block : this.block.subarray(0, this.used);
    this.block = new Uint8Array(BLOCK);
    this.used = 0;
    await this.send(out);
  }

  async close(): Promise<void> {
    await this.flush();
    while (this.inFlight.length > 0) await this.settleOldest();
    await this.closeTarget();
  }

  async abort(reason: unknown): Promise<void> {
    this.used = 0;
    await Promise.allSettled(this.inFlight.map((w) => w.done));
    await this.abortTarget(reason);
  }

  /** Starts a write once the queue has room; a failed write surfaces when it is settled. */
  private async send(chunk: Uint8Array): Promise<void> {
    while (this.inFlight.length > 0 && this.queued + chunk.length > this.maxQueued)
      await this.settleOldest();
    const done = this.writeChunk(chunk);
    done.catch(() => {});
    this.inFlight.push({ done, bytes: chunk.length });
    this.queued += chunk.length;
  }

  private async settleOldest(): Promise<void> {
    const oldest = this.inFlight.shift()!;
    this.queued -= oldest.bytes;
    await oldest.done;
  }
}
