import { z } from 'zod';
import { platformSchema } from '../platforms/record';

export const personAccountSchema = z
  .object({
    platform: platformSchema,
    handle: z.string().min(1),
    /** Stable platform id (survives renames), as a string. */
    platformId: z.string().nullable(),
    url: z.string().nullable(),
  })
  .strict();

export const personSchema = z
  .object({
    id: z.string(),
    name: z.string().min(1),
    aliases: z.array(z.string()),
    accounts: z.array(personAccountSchema),
    notes: z.string(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .strict();

export type Person = z.infer<typeof personSchema>;
export type PersonAccount = z.infer<typeof personAccountSchema>;

/**
 * The keys a person's accounts are found by in captures (`Capture.accountKey`): by handle
 * (`platform:handle`, case-insensitive) and by stable platform id (`platform#id`).
 */
export function personAccountKeys(accounts: readonly PersonAccount[]): string[] {
  const keys = accounts.flatMap((a) => [
    `${a.platform}:${a.handle.replace(/^@/, '').toLowerCase()}`,
    ...(a.platformId ? [`${a.platform}#${a.platformId}`] : []),
  ]);
  return [...new Set(keys)];
}

/** A name or spelling as typed: surrounding spaces dropped, never blank. */
const nameInput = z.string().trim().min(1, 'nameRequired');

/** Other names as typed: trimmed, blanks and repeats dropped. */
const aliasesInput = z
  .array(z.string().trim())
  .transform((list) => [...new Set(list.filter(Boolean))]);

export const personInputSchema = z
  .object({
    name: nameInput,
    aliases: aliasesInput.default([]),
    accounts: z.array(personAccountSchema).default([]),
    notes: z.string().default(''),
  })
  .strict();
export type PersonInput = z.input<typeof personInputSchema>;

/**
 * A change to a person: only the fields it names. Not `personInputSchema.partial()`, whose
 * defaults would fill in every field left out and so erase it.
 */
export const personPatchSchema = z
  .object({
    name: nameInput,
    aliases: aliasesInput,
    accounts: z.array(personAccountSchema),
    notes: z.string(),
  })
  .partial()
  .strict();
