import {
  lockerConfigSchema,
  lockerOrigins,
  type LockerConfig,
  type LockerConfigInput,
} from '../../locker/config';
import type { Store } from '../../store/store';

/**
 * Saves the locker's settings. With an access key, the secret is stored (only under the
 * passphrase lock) when given, and kept when the same key id is saved again without one; with
 * presigned links any stored secret is deleted. The queue's cursor starts at the log's head the
 * first time, so only captures sealed from now on are sent automatically (the rest on request).
 * Every waiting package becomes due again: the new settings may be what it was waiting for.
 */
export async function configureLocker(
  store: Store,
  input: LockerConfigInput,
  secretAccessKey: string | null | undefined,
): Promise<{ config: LockerConfig; origins: string[] }> {
  const config = lockerConfigSchema.parse(input);
  const previous = await store.locker.config();
  if (config.auth.kind === 'key') {
    const sameKey =
      previous?.auth.kind === 'key' && previous.auth.accessKeyId === config.auth.accessKeyId;
    if (secretAccessKey) await store.locker.setSecret(secretAccessKey);
    else if (!sameKey || !(await store.locker.secret()))
      throw new Error('the secret access key is needed with an access key');
  } else await store.locker.setSecret(null);
  await store.locker.setConfig(config);
  if ((await store.locker.cursor()) < 0) {
    const head = await store.custody.head();
    await store.locker.enqueue([], head ? head.seq : -1);
  }
  const now = store.ctx.now().toISOString();
  // Another bucket: uploads begun in the old one cannot be continued there.
  const moved =
    previous && (previous.endpoint !== config.endpoint || previous.bucket !== config.bucket);
  for (const item of await store.locker.pending())
    await store.locker.update(item.id, {
      nextAttemptAt: now,
      ...(moved ? { multipart: null, committing: false, retainUntil: null } : {}),
    });
  return { config, origins: lockerOrigins(config) };
}

/** Forgets the locker's settings and secret; packages still waiting stay queued (nothing is lost). */
export async function removeLocker(store: Store): Promise<void> {
  await store.locker.setSecret(null);
  await store.locker.setConfig(null);
}
