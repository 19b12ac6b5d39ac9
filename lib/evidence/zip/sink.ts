/** Where archive bytes go: a WritableStream (OPFS, a download) or an async callback (a Node file). */
export type SinkTarget = WritableStream<Uint8Array> | ((chunk: Uint8Array) => Promise<void>);

const COALESCE = 1024 * 1024;

/** Coalesces small writes (headers) into ~1 MiB chunks and counts bytes. */
export class ByteSink {
  written = 0;
  private readonly parts: Uint8Array[] = [];
  private buffered = 0;
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
    this.written += chunk.length;
    if (chunk.length >= COALESCE) {
      await this.flush();
      await this.writeChunk(chunk);
      return;
    }
    // Copy: the producer may reuse its buffer after we return.
    this.parts.push(chunk.slice());
    this.buffered += chunk.length;
    if (this.buffered >= COALESCE) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.buffered === 0) return;
    const out = new Uint8Array(this.buffered);
    let at = 0;
    for (const p of this.parts.splice(0)) {
      out.set(p, at);
      at += p.length;
    }
    this.buffered = 0;
    await this.writeChunk(out);
  }

  async close(): Promise<void> {
    await this.flush();
    await this.closeTarget();
  }

  async abort(reason: unknown): Promise<void> {
    this.parts.length = 0;
    this.buffered = 0;
    await this.abortTarget(reason);
  }
}
