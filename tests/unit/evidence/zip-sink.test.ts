import { describe, expect, it } from 'vitest';
import { ByteSink } from '../../../lib/evidence/zip/sink';

const MIB = 1024 * 1024;
const tick = () => new Promise((r) => setTimeout(r, 1));

/** Chunks of mixed sizes (small ones get packed, large ones pass through), numbered bytes. */
function chunks(): Uint8Array[] {
  const sizes = [10, 3 * MIB, 100, MIB, 20 * MIB, 5, 2 * MIB + 7, 40 * MIB, 1];
  let n = 0;
  return sizes.map((size) => new Uint8Array(size).map(() => n++ & 0xff));
}

describe('ByteSink', () => {
  it('delivers every byte in order to a slow WritableStream, with a bounded queue', async () => {
    const received: Uint8Array[] = [];
    let given = 0;
    let done = 0;
    const outstanding: number[] = [];
    const sink = new ByteSink(
      new WritableStream<Uint8Array>({
        async write(chunk) {
          await tick();
          received.push(chunk.slice());
          done += chunk.length;
        },
      }),
    );
    for (const c of chunks()) {
      await sink.write(c);
      given += c.length;
      outstanding.push(given - done);
    }
    await sink.close();
    const all = new Uint8Array(received.reduce((n, c) => n + c.length, 0));
    let at = 0;
    for (const c of received) {
      all.set(c, at);
      at += c.length;
    }
    expect(all.length).toBe(given);
    expect(all.every((b, i) => b === (i & 0xff))).toBe(true);
    expect(sink.written).toBe(given);
    // Writes queue up instead of waiting for each other (the first seven chunks, ~26 MiB, are all
    // handed on before the stream finishes one) but the queue is bounded: 32 MiB, or one chunk
    // larger than that, plus a partial block.
    expect(Math.max(...outstanding.slice(0, 7))).toBeGreaterThan(24 * MIB);
    expect(Math.max(...outstanding)).toBeLessThanOrEqual(40 * MIB + MIB);
  });

  it('keeps one write at a time for a callback target', async () => {
    let active = 0;
    let maxActive = 0;
    let total = 0;
    const sink = new ByteSink(async (chunk) => {
      active++;
      maxActive = Math.max(maxActive, active);
      await tick();
      total += chunk.length;
      active--;
    });
    for (const c of chunks()) await sink.write(c);
    await sink.close();
    expect(maxActive).toBe(1);
    expect(total).toBe(sink.written);
  });

  it('surfaces a failed write instead of losing it', async () => {
    const sink = new ByteSink(
      new WritableStream<Uint8Array>({
        write: () => Promise.reject(new Error('disk full')),
      }),
    );
    const attempt = async () => {
      for (const c of chunks()) await sink.write(c);
      await sink.close();
    };
    await expect(attempt()).rejects.toThrow('disk full');
  });
});

describe('ByteSink: how writes are cut into blocks', () => {
  /** The sizes of the chunks a callback target receives for these writes. */
  async function handedOn(sizes: number[]): Promise<number[]> {
    const got: number[] = [];
    const sink = new ByteSink(async (chunk) => void got.push(chunk.length));
    for (const size of sizes) await sink.write(new Uint8Array(size));
    await sink.close();
    return got;
  }

  it('small writes are packed into 1 MiB blocks, the rest handed on at close', async () => {
    expect(await handedOn([0.75 * MIB, 0.75 * MIB])).toEqual([MIB, 0.5 * MIB]);
    expect(await handedOn([MIB - 1, 1, 5])).toEqual([MIB, 5]);
  });

  it('a chunk of exactly a block passes through after what was packed before it', async () => {
    expect(await handedOn([10, MIB])).toEqual([10, MIB]);
    expect(await handedOn([MIB - 1])).toEqual([MIB - 1]);
  });

  it('nothing written: nothing handed on, not even an empty chunk', async () => {
    expect(await handedOn([])).toEqual([]);
    expect(await handedOn([MIB])).toEqual([MIB]);
  });
});

describe('ByteSink: a WritableStream target is closed or aborted with the archive', () => {
  function stream() {
    const events: string[] = [];
    const target = new WritableStream<Uint8Array>({
      write: async (c) => void events.push(`write ${c.length}`),
      close: async () => void events.push('close'),
      abort: async (reason) => void events.push(`abort ${(reason as Error).message}`),
    });
    return { events, target };
  }

  it('close flushes, then closes the stream', async () => {
    const { events, target } = stream();
    const sink = new ByteSink(target);
    await sink.write(new Uint8Array(3));
    await sink.close();
    expect(events).toEqual(['write 3', 'close']);
  });

  it('abort returns only after a write in flight is done (a file is not closed under it)', async () => {
    let finished = false;
    const sink = new ByteSink(async () => {
      await tick();
      await tick();
      finished = true;
    });
    await sink.write(new Uint8Array(MIB));
    expect(finished).toBe(false);
    await sink.abort(new Error('stopped'));
    expect(finished).toBe(true);
  });

  it('abort drops what was packed and aborts the stream with the reason', async () => {
    const { events, target } = stream();
    const sink = new ByteSink(target);
    await sink.write(new Uint8Array(3));
    await sink.abort(new Error('stopped'));
    expect(events).toEqual(['abort stopped']);
  });
});

describe('ByteSink: the queue of a WritableStream target', () => {
  /** Whether `p` has settled after the event loop has turned a few times. */
  async function settled(p: Promise<unknown>): Promise<boolean> {
    let done = false;
    void p.then(() => (done = true));
    for (let i = 0; i < 5; i++) await tick();
    return done;
  }

  it('holds 32 MiB: the 33rd MiB waits for the first write, and goes as soon as it is done', async () => {
    const release: (() => void)[] = [];
    const target = new WritableStream<Uint8Array>(
      { write: () => new Promise<void>((resolve) => release.push(resolve)) },
      new CountQueuingStrategy({ highWaterMark: 64 }),
    );
    const sink = new ByteSink(target);
    const block = new Uint8Array(MIB);
    for (let i = 0; i < 32; i++)
      expect(await settled(sink.write(block)), `MiB ${i + 1}`).toBe(true);
    const thirtyThird = sink.write(block);
    expect(await settled(thirtyThird)).toBe(false);
    release.shift()!();
    expect(await settled(thirtyThird)).toBe(true);
    // Still 32 MiB queued: the 34th waits for the second write.
    const thirtyFourth = sink.write(block);
    expect(await settled(thirtyFourth)).toBe(false);
    release.shift()!();
    expect(await settled(thirtyFourth)).toBe(true);
  });
});
