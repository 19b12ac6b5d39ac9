import { z } from 'zod';

/** Who may send a message: any context of this extension, or only its own pages. */
export type Access = 'extension-page' | 'any-context';

export const idField = z.string().min(1).max(200);
export const tabIdField = z.number().int().nonnegative();

/** A strict message schema: unknown fields are refused, not ignored. */
export function message<T extends string, S extends z.ZodRawShape>(type: T, shape: S) {
  return z.object({ type: z.literal(type), ...shape }).strict();
}
