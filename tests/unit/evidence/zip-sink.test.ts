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
