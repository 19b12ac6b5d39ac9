// An archive that is never materialised, as the writer's target and the reader's source, and
// what a test needs to compare the bytes written with the bytes read back.
import { closeSync, ftruncateSync, openSync, writeSync } from 'node:fs';
import { nodePrimitives } from '../../../../cli/node/primitives';
import { sha256Ref } from '../../../../lib/evidence/sha256';
import { readEntry, type ZipEntry } from '../../../../lib/evidence/zip/reader';
import type { ZipSource } from '../../../../lib/evidence/zip/source';
import type { ZipEntryInput, ZipWriter } from '../../../../lib/evidence/zip/writer';
import { MiB } from './constants';
import { generatedBytes, generatedChunks, type Generated } from './generated-data';

interface Piece {
  at: number;
  length: number;
  /** A copy of a small write; null for a generated chunk or a hole (zeros). */
  bytes: Uint8Array | null;
  generated: Generated | null;
}

/**
 * An archive that is never materialised: as the writer's target it copies small writes and
 * records generated chunks as (offset, stream, index); its `source` answers reads from the
 * copies and regenerated chunks. `bytesRead` tells how much a reader asked for.
 */
export class VirtualArchive {
  size = 0;
  bytesRead = 0;
  private readonly pieces: Piece[] = [];
  private copied = 0;

  readonly target = async (chunk: Uint8Array): Promise<void> => {
    const generated = generatedChunks.get(chunk) ?? null;
    if (!generated) {
      // Headers, descriptors, the central directory and small entries only: a generated chunk
      // that the writer copied (or a memory leak in the making) would show up here.
      this.copied += chunk.length;
      if (this.copied > 64 * MiB)
        throw new Error('virtual archive: unexpected bulk of copied data');
    }
    this.push({ length: chunk.length, bytes: generated ? null : chunk.slice(), generated });
  };

  append(bytes: Uint8Array): void {
    this.push({ length: bytes.length, bytes, generated: null });
  }

  /** `length` zero bytes, never stored. */
  hole(length: number): void {
    this.push({ length, bytes: null, generated: null });
  }

  source(): ZipSource {
    return { size: this.size, read: async (offset, length) => this.read(offset, length) };
  }

  /** A sparse file of the archive: the stored pieces written, generated data left as holes. */
  writeSparse(path: string): void {
    const fd = openSync(path, 'w');
    try {
      for (const p of this.pieces) if (p.bytes) writeSync(fd, p.bytes, 0, p.length, p.at);
      ftruncateSync(fd, this.size);
    } finally {
      closeSync(fd);
    }
  }

  private push(piece: Omit<Piece, 'at'>): void {
    this.pieces.push({ ...piece, at: this.size });
    this.size += piece.length;
  }

  private read(offset: number, length: number): Uint8Array {
    const end = Math.min(this.size, offset + length);
    this.bytesRead += Math.max(0, end - offset);
    let i = this.pieceAt(offset);
    const first = this.pieces[i];
    // Entry data is read in slices that start where its chunks do: hand out the bytes as they are.
    if (first && end <= first.at + first.length)
      return this.bytesOf(first, offset - first.at, end - first.at);
    const out = new Uint8Array(Math.max(0, end - offset));
    for (let at = offset; at < end; i++) {
      const p = this.pieces[i]!;
      const to = Math.min(p.length, end - p.at);
      out.set(this.bytesOf(p, at - p.at, to), at - offset);
      at = p.at + to;
    }
    return out;
  }

  private bytesOf(p: Piece, from: number, to: number): Uint8Array {
    if (p.bytes) return p.bytes.subarray(from, to);
    return p.generated ? generatedBytes(p.generated, from, to) : new Uint8Array(to - from);
  }

  /** The piece holding `offset` (pieces are contiguous and in order). */
  private pieceAt(offset: number): number {
    let lo = 0;
    let hi = this.pieces.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.pieces[mid]!.at <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }
}

/** For structure-only archives whose data is never read back: no need to CRC it. */
export const uncrc = { ...nodePrimitives, crc32: () => 0 };

/** SHA-256 and length of an entry as our reader streams it (CRC-32 and length checked by it). */
export async function readBack(
  source: ZipSource,
  entry: ZipEntry,
): Promise<{ sha256: string; size: number }> {
  const hasher = nodePrimitives.sha256();
  let size = 0;
  for await (const chunk of readEntry(source, entry, nodePrimitives)) {
    hasher.update(chunk);
    size += chunk.length;
  }
  return { sha256: sha256Ref(hasher.digest()), size };
}

export interface Written {
  name: string;
  offset: number;
  size: number;
  /** Of the bytes the writer was given (seen through `onChunk`). */
  sha256: string;
}

export async function addAll(writer: ZipWriter, entries: ZipEntryInput[]): Promise<Written[]> {
  const written: Written[] = [];
  for (const entry of entries) {
    const offset = writer.offset;
    const hasher = nodePrimitives.sha256();
    const { size } = await writer.add({ ...entry, onChunk: (c) => hasher.update(c) });
    written.push({ name: entry.name, offset, size, sha256: sha256Ref(hasher.digest()) });
  }
  return written;
}
