import { deflateRawSync, inflateRawSync } from 'node:zlib';
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { nodePrimitives } from '../../../cli/node/primitives';
import { concatBytes } from '../../../lib/evidence/hex';
import {
  fflateDeflate,
  fflateInflate,
  streamInflate,
  TrailingDataError,
  type Chunks,
  type RawDeflate,
  type RawInflate,
} from '../../../lib/evidence/zip/codec';

const deflaters: [string, RawDeflate][] = [
  ['fflate', fflateDeflate],
  ['node zlib', nodePrimitives.deflateRaw!],
];
const inflaters: [string, RawInflate][] = [
  ['fflate', fflateInflate],
  ['DecompressionStream', streamInflate],
  ['node zlib', nodePrimitives.inflateRaw!],
];

/** `bytes` cut at `cuts`, as a stream of chunks; `state.closed` says whether the reader stopped it. */
function chunked(bytes: Uint8Array, cuts: number[] = [], state = { closed: false }): Chunks {
  const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  return (async function* () {
    try {
      let from = 0;
      for (const to of [...points, bytes.length]) {
        if (to > from) yield bytes.subarray(from, to);
        from = to;
      }
    } finally {
      state.closed = true;
    }
  })();
}

async function collect(chunks: AsyncIterable<Uint8Array>): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  for await (const c of chunks) parts.push(c.slice());
  return concatBytes(parts);
}

const text = (n: number) =>
  new TextEncoder().encode('<p>the court said the post was extremist</p>\n'.repeat(n));

describe('raw DEFLATE codecs', () => {
  for (const [name, deflate] of deflaters)
    it(`${name} deflate: zlib inflates it back, for any input in any chunks, at levels 1 and 6`, async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.uint8Array({ maxLength: 20_000 }),
          fc.array(fc.nat(), { maxLength: 6 }),
          fc.constantFrom(1 as const, 6 as const),
          async (bytes, cuts, level) => {
            const packed = await collect(deflate(chunked(bytes, cuts), level));
            expect(new Uint8Array(inflateRawSync(packed))).toEqual(bytes);
          },
        ),
        { numRuns: 40 },
      );
    });

  for (const [name, inflate] of inflaters) {
    it(`${name} inflate: gives back what zlib deflated, for any input in any chunks`, async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.uint8Array({ maxLength: 20_000 }),
          fc.array(fc.nat(), { maxLength: 6 }),
          async (bytes, cuts) => {
            const packed = new Uint8Array(deflateRawSync(bytes));
            expect(await collect(inflate(chunked(packed, cuts)))).toEqual(bytes);
          },
        ),
        { numRuns: 40 },
      );
    });

    it(`${name} inflate: corrupt and truncated data throw`, async () => {
      const packed = new Uint8Array(deflateRawSync(text(2000)));
      const corrupt = packed.slice();
      corrupt[0] = 0xff; // reserved block type 3
      await expect(collect(inflate(chunked(corrupt)))).rejects.toThrow();
      await expect(
        collect(inflate(chunked(packed.subarray(0, packed.length >> 1)))),
      ).rejects.toThrow();
    });

    it(`${name} inflate: a consumer that stops early (size cap) stops the input`, async () => {
      // 256 MiB of zeros packs into ~256 KiB: a bomb, read until the first 1 MiB of output.
      const bomb = new Uint8Array(deflateRawSync(new Uint8Array(256 * 1024 * 1024)));
      const state = { closed: false };
      const cuts = Array.from({ length: bomb.length >> 16 }, (_, i) => (i + 1) << 16);
      let seen = 0;
      for await (const c of inflate(chunked(bomb, cuts, state))) {
        seen += c.length;
        if (seen > 1024 * 1024) break;
      }
      expect(seen).toBeLessThan(80 * 1024 * 1024);
      expect(state.closed).toBe(true);
    });

    it(`${name} inflate: an error reading the input reaches the consumer`, async () => {
      const packed = new Uint8Array(deflateRawSync(text(5000)));
      const failing = (async function* () {
        yield packed.subarray(0, 100);
        throw new Error('disk read failed');
      })();
      await expect(collect(inflate(failing))).rejects.toThrow('disk read failed');
    });
  }
});

// Bytes after the end of a DEFLATE stream are hidden data (and a streaming ZIP reader would take
// them for the next entry). fflate and zlib are checked here; the platform's DecompressionStream
// refuses them only where it follows the standard (Chromium, not Node 20: see defaultInflate).
describe('bytes after the end of the compressed stream', () => {
  const strict: [string, RawInflate][] = [
    ['fflate', fflateInflate],
    ['node zlib', nodePrimitives.inflateRaw!],
  ];
  for (const [name, inflate] of strict) {
    it(`${name}: one byte after the end throws TrailingDataError, in the same chunk or the next`, async () => {
      for (const payload of [
        text(50),
        new Uint8Array(0),
        crypto.getRandomValues(new Uint8Array(999)),
      ]) {
        const packed = new Uint8Array(deflateRawSync(payload));
        const junk = concatBytes([packed, new Uint8Array([0x2a])]);
        for (const cuts of [[], [packed.length], [1], [packed.length - 1]]) {
          await expect(
            collect(inflate(chunked(junk, cuts))),
            `${payload.length} bytes cut at ${cuts.join(',')}`,
          ).rejects.toThrow(TrailingDataError);
        }
        // The same stream without the byte, cut anywhere: whole, nothing refused.
        for (const cuts of [[], [packed.length - 1], [1]])
          expect(await collect(inflate(chunked(packed, cuts)))).toEqual(payload);
      }
    });
  }
});

// defaultInflate takes the platform's DecompressionStream only where it refuses bytes after the
// end; anywhere else (none at all, one without raw DEFLATE, Node 20's lenient one) fflate, which
// does. It decides once per module, so each case imports the module afresh.
describe('defaultInflate: the platform inflater only where it is strict', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  /** defaultInflate and the error class of a module imported afresh. */
  async function freshCodec() {
    vi.resetModules();
    const codec = await import('../../../lib/evidence/zip/codec');
    return { inflate: codec.defaultInflate(), Trailing: codec.TrailingDataError };
  }

  const platforms: [string, () => void][] = [
    ['no DecompressionStream at all', () => vi.stubGlobal('DecompressionStream', undefined)],
    [
      'one without raw DEFLATE (its constructor throws)',
      () =>
        vi.stubGlobal(
          'DecompressionStream',
          class {
            constructor(format: string) {
              throw new TypeError(`unsupported format ${format}`);
            }
          },
        ),
    ],
    ["Node's own, which lets bytes after the end through", () => {}],
  ];
  for (const [platform, arrange] of platforms) {
    it(`${platform}: inflates, and refuses bytes after the end`, async () => {
      arrange();
      const { inflate, Trailing } = await freshCodec();
      const payload = text(40);
      const packed = new Uint8Array(deflateRawSync(payload));
      expect(await collect(inflate(chunked(packed)))).toEqual(payload);
      const junk = concatBytes([packed, new Uint8Array([0x2a])]);
      await expect(collect(inflate(chunked(junk)))).rejects.toThrow(Trailing);
    });
  }

  it('TrailingDataError says what it is', () => {
    const error = new TrailingDataError();
    expect([error.name, error.message]).toEqual([
      'TrailingDataError',
      'bytes after the end of the compressed stream',
    ]);
  });
});
