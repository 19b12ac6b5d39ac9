// The archive's custody log as last seen, kept OUTSIDE IndexedDB (integrity.md D5). Chromium
// deletes an IndexedDB database it finds corrupt, and a disk error or a profile restored from an
// old copy can roll it back; a fresh, empty or shorter store then looks healthy to every check
// that only reads the store. The witness remembers the log's size and head, so such a loss is
// reported instead of silently starting over.
import { z } from 'zod';
import type { Damage } from './report';

export const witnessSchema = z
  .object({
    /** Number of custody events seen. */
    size: z.number().int().nonnegative(),
    /** Hash of the last of them (event `size - 1`). */
    head: z.string().regex(/^sha256:[0-9a-f]{64}$/),
    /** When they were last seen (the device clock). */
    at: z.iso.datetime(),
  })
  .strict();
export type Witness = z.infer<typeof witnessSchema>;

/** Where the witness lives: `browser.storage.local` in the extension, memory in tests. */
export interface WitnessPort {
  load(): Promise<unknown>;
  save(witness: Witness): Promise<void>;
  clear(): Promise<void>;
}

/** The parsed witness, or null when there is none or it is not one (never throws). */
export function parseWitness(stored: unknown): Witness | null {
  const parsed = witnessSchema.safeParse(stored);
  return parsed.success ? parsed.data : null;
}

/**
 * What the current log says about the witness: `[]` when it extends it (the same event at the
 * witnessed head's position), else the loss. `hashAt(seq)` reads one stored event's hash.
 */
export async function witnessDamage(
  witness: Witness | null,
  size: number,
  hashAt: (seq: number) => Promise<string | undefined>,
): Promise<Damage[]> {
  if (!witness || witness.size === 0) return [];
  const witnessed = { events: witness.size, at: witness.at, found: size };
  if (size < witness.size)
    return [
      {
        kind: 'archive_lost',
        id: String(witness.size),
        reason: `the custody log had ${witness.size} events on ${witness.at}; it now has ${size}: records were lost`,
        witnessed,
      },
    ];
  if ((await hashAt(witness.size - 1)) !== witness.head)
    return [
      {
        kind: 'archive_replaced',
        id: String(witness.size - 1),
        reason: `custody event ${witness.size - 1} is not the one seen on ${witness.at}: the log was replaced`,
        witnessed,
      },
    ];
  return [];
}
