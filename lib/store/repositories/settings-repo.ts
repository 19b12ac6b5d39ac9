import { z } from 'zod';
import type { StoreContext } from '../context';
import { MAX_TSAS, timestampAuthoritySchema } from '../../model/timestamp-authority';

/** Settings the user can change; each one validated on the way in and out. */
export const settingsSchema = z
  .object({
    language: z.enum(['auto', 'en', 'ru', 'kk']).default('auto'),
    /** RFC 3161 TSAs asked at every export (none: off, the default). */
    timestampAuthorities: z
      .array(timestampAuthoritySchema)
      .max(MAX_TSAS)
      .refine(
        (list) => new Set(list.map((t) => t.url)).size === list.length,
        'a TSA is listed twice',
      )
      .default([]),
    /** Also stamp each capture's seal when it is sealed (queued and retried while offline). */
    stampCaptures: z.boolean().default(false),
    /** Minutes without a request after which the passphrase lock closes again. */
    autoLockMinutes: z.number().int().min(1).max(1440).default(15),
    /**
     * "Fetch with my session": media are fetched with the monitor's cookies (for a private
     * account whose media servers answer only a logged-in viewer). Off: no cookies are sent.
     */
    mediaWithSession: z.boolean().default(false),
    /** The first-run passphrase offer was answered (a passphrase set, or skipped after the warning). */
    passphraseOfferDone: z.boolean().default(false),
  })
  .strict();
export type Settings = z.infer<typeof settingsSchema>;
export type SettingKey = keyof Settings;

export class SettingsRepo {
  constructor(private readonly ctx: StoreContext) {}

  async all(): Promise<Settings> {
    const rows = await this.ctx.db.settings.toArray();
    const known = Object.keys(settingsSchema.shape);
    return settingsSchema.parse(
      Object.fromEntries(rows.filter((r) => known.includes(r.key)).map((r) => [r.key, r.value])),
    );
  }

  async set(patch: Partial<Settings>): Promise<Settings> {
    const next = settingsSchema.parse({ ...(await this.all()), ...patch });
    await this.ctx.db.settings.bulkPut(
      Object.entries(next).map(([key, value]) => ({ key, value })),
    );
    return next;
  }
}
