import { request } from '../../../lib/messaging/client';
import type { LockerConfigInput } from '../../../lib/locker/config';
import { lockerOrigins, lockerConfigSchema } from '../../../lib/locker/config';

/** What the Team locker section sends to the background, in one place. */
export const lockerApi = {
  get: () => request('locker.get'),
  status: () => request('locker.status'),
  configure: (config: LockerConfigInput, secretAccessKey?: string) =>
    request('locker.configure', secretAccessKey ? { config, secretAccessKey } : { config }),
  remove: () => request('locker.remove'),
  test: () => request('locker.test'),
  retry: () => request('locker.retry'),
  pushAll: () => request('locker.pushAll'),
};

/** The origins a form's settings need, or null while they are not a valid configuration yet. */
export function originsOf(config: LockerConfigInput): string[] | null {
  const parsed = lockerConfigSchema.safeParse(config);
  return parsed.success ? lockerOrigins(parsed.data) : null;
}
