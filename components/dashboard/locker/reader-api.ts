import { request } from '../../../lib/messaging/client';
import { readerConfigSchema, type ReaderConfigInput } from '../../../lib/locker/reader-config';
import type { TeamEntry } from '../../../lib/locker/team-listing';

/** What the Team locker page (the pull side) sends to the background, in one place. */
export const readerApi = {
  get: () => request('locker.readerGet'),
  configure: (config: ReaderConfigInput, secretAccessKey?: string) =>
    request('locker.readerConfigure', secretAccessKey ? { config, secretAccessKey } : { config }),
  remove: () => request('locker.readerRemove'),
  list: () =>
    request('locker.readerList') as Promise<{
      permission: boolean;
      origins: string[];
      entries: TeamEntry[];
    }>,
  fetch: (key: string) =>
    request('locker.readerFetch', { key }) as Promise<{
      file: string;
      size: number;
      versionId: string | null;
      sha256: string;
    }>,
  discard: (file: string) => request('locker.readerDiscard', { file }),
};

/** The origin a form's settings need, or null while they are not valid yet. */
export function readerOriginsOf(config: ReaderConfigInput): string[] | null {
  const parsed = readerConfigSchema.safeParse(config);
  return parsed.success ? [new URL(parsed.data.endpoint).origin] : null;
}
