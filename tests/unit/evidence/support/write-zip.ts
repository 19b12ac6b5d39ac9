// Archives written by our ZipWriter into memory, for the writer's own tests.
import { concatBytes } from '../../../../lib/evidence/hex';
import { jsPrimitives } from '../../../../lib/evidence/primitives';
import {
  ZipWriter,
  type ZipEntryInput,
  type ZipWriterOptions,
} from '../../../../lib/evidence/zip/writer';

/** A writer whose output chunks are copied into `parts`. */
export function writerTo(parts: Uint8Array[], options: Partial<ZipWriterOptions> = {}) {
  return new ZipWriter(async (c) => void parts.push(c.slice()), {
    primitives: jsPrimitives,
    modified: new Date('2026-03-02T09:15:00Z'),
    ...options,
  });
}

/** The whole archive of `entries`, written in order. */
export async function zipOf(
  entries: ZipEntryInput[],
  options: Partial<ZipWriterOptions> = {},
): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  const writer = writerTo(parts, options);
  for (const e of entries) await writer.add(e);
  await writer.finish();
  return concatBytes(parts);
}
