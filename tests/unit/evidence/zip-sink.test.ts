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

  it('abort drops what was packed and aborts the stream with the reason', async () => {
    const { events, target } = stream();
    const sink = new ByteSink(target);
    await sink.write(new Uint8Array(3));
    await sink.abort(new Error('stopped'));
    expect(events).toEqual(['abort stopped']);
  });
});
