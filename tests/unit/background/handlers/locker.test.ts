// The team-locker handlers (lib/background/handlers/locker.ts) over a network that answers
// nothing: settings saved or refused (an S3 secret only under the passphrase lock, nothing saved
// otherwise), the connection test and the reader's list asking for host permission first, the
// queue (push all, retry), the partial wipe that keeps what is not in the locker, and pulled
// package files that are aborted on failure.
import { describe, expect, it, vi } from 'vitest';
import { lockerHandlers } from '../../../../lib/background/handlers/locker';
import { ensureSigningKey } from '../../../../lib/background/signing-key';
import type { LockerPorts } from '../../../../lib/services/locker/ports';
import type { Store } from '../../../../lib/store/store';
import { sampleCapture } from '../../store/sample-capture';
import { createTestStore } from '../../store/test-store';
import { asker, fakeLockerHandlerPorts, lockedStoreSetup } from './fakes';

const endpoint = 'https://s3.example.org';
const presigned = {
  endpoint,
  bucket: 'evidence',
  auth: { kind: 'presigned' as const, serviceUrl: 'https://sign.example.org/dalel' },
};
const withKey = {
  endpoint,
  bucket: 'evidence',
  auth: { kind: 'key' as const, accessKeyId: 'AKIA1' },
};
const reader = { endpoint, bucket: 'evidence', accessKeyId: 'READ1' };

function over(store: Store, overrides: Partial<LockerPorts> = {}) {
  const fake = fakeLockerHandlerPorts(store, overrides);
  const kick = vi.spyOn(fake.runner, 'kick').mockResolvedValue();
  return { ...fake, kick, ask: asker(lockerHandlers(store, fake.handlerPorts)) };
}

async function plain(keyed = true, overrides: Partial<LockerPorts> = {}) {
  const { store } = createTestStore();
  if (keyed) await ensureSigningKey(store.keys, store.ctx.now);
  return { store, ...over(store, overrides) };
}

/** An archive under the passphrase lock, unlocked: where S3 secrets may be kept. */
async function locked() {
  const s = await lockedStoreSetup();
  await s.controller.enable('a long passphrase for tests');
  return { store: s.store, ...over(s.store) };
}

async function seal(store: Store, ...ids: string[]) {
  for (const id of ids) {
    const { capture, artifacts } = sampleCapture(id);
    await store.captures.seal(capture, artifacts);
  }
}

describe('locker settings', () => {
  it('locker.get before setup: nothing configured, no key', async () => {
    const { ask } = await plain(false);
    expect(await ask({ type: 'locker.get' })).toEqual({
      config: null,
      hasSecret: false,
      origins: [],
      fingerprint: null,
    });
  });

  it('saves presigned settings, asks for both origins and starts the queue; remove forgets them', async () => {
    const { store, ask, kick } = await plain();
    const saved = await ask({ type: 'locker.configure', config: presigned });
    const origins = ['https://s3.example.org', 'https://sign.example.org'];
    expect(saved).toMatchObject({ config: { ...presigned, retentionDays: 3650 }, origins });
    expect(kick).toHaveBeenCalledTimes(1);
    const got = await ask({ type: 'locker.get' });
    expect(got).toMatchObject({ config: saved.config, hasSecret: false, origins });
    expect(got.fingerprint).toBe((await store.keys.active())!.fingerprint);
    expect(await ask({ type: 'locker.remove' })).toEqual({ removed: true });
    expect((await ask({ type: 'locker.get' })).config).toBeNull();
  });

  it('refuses an S3 secret without the passphrase lock, and saves nothing', async () => {
    const { ask, kick } = await plain();
    await expect(
      ask({ type: 'locker.configure', config: withKey, secretAccessKey: 'secret' }),
    ).rejects.toMatchObject({ code: 'failed', message: expect.stringMatching(/passphrase lock/) });
    expect(await ask({ type: 'locker.get' })).toMatchObject({ config: null, hasSecret: false });
    expect(kick).not.toHaveBeenCalled();
    await expect(
      ask({ type: 'locker.readerConfigure', config: reader, secretAccessKey: 'secret' }),
    ).rejects.toMatchObject({ code: 'failed', message: expect.stringMatching(/passphrase lock/) });
    expect(await ask({ type: 'locker.readerGet' })).toEqual({
      config: null,
      hasSecret: false,
      origins: [],
    });
  });

  it('under the lock the secrets are kept, and an access key without one is refused', async () => {
    const { ask } = await locked();
    await expect(ask({ type: 'locker.configure', config: withKey })).rejects.toThrow(
      /secret access key is needed/,
    );
    expect((await ask({ type: 'locker.get' })).config).toBeNull();
    await ask({ type: 'locker.configure', config: withKey, secretAccessKey: 'secret' });
    expect(await ask({ type: 'locker.get' })).toMatchObject({
      hasSecret: true,
      origins: [endpoint],
    });
    await ask({ type: 'locker.readerConfigure', config: reader, secretAccessKey: 'secret' });
    expect(await ask({ type: 'locker.readerGet' })).toMatchObject({
      config: { ...reader, region: 'us-east-1' },
      hasSecret: true,
      origins: [endpoint],
    });
    await ask({ type: 'locker.readerRemove' });
    expect(await ask({ type: 'locker.readerGet' })).toMatchObject({
      config: null,
      hasSecret: false,
    });
  });
});

describe('locker.test', () => {
  it('is not_found before setup, and asks for permission before reaching the network', async () => {
    let allowed = false;
    const { ask, fetched } = await plain(true, { hasOrigins: async () => allowed });
    await expect(ask({ type: 'locker.test' })).rejects.toMatchObject({ code: 'not_found' });
    await ask({ type: 'locker.configure', config: presigned });
    expect(await ask({ type: 'locker.test' })).toEqual({
      permission: false,
      origins: ['https://s3.example.org', 'https://sign.example.org'],
      report: null,
    });
    expect(fetched).toEqual([]);

    // Allowed, but nothing answers: a report that the write failed, not an error.
    allowed = true;
    const answer = await ask({ type: 'locker.test' });
    expect(answer.permission).toBe(true);
    expect(answer.report?.write).toMatchObject({ ok: false });
    expect(fetched.length).toBeGreaterThan(0);
  });
});

describe('the queue', () => {
  it('locker.pushAll queues one package of the captures not yet in it, once', async () => {
    const { store, ask, kick } = await plain();
    await seal(store, 'cap_2', 'cap_1');
    expect(await ask({ type: 'locker.pushAll' })).toEqual({ captures: 2 });
    const pending = await store.locker.pending();
    expect(pending.map((i) => i.captureIds)).toEqual([['cap_1', 'cap_2']]);
    expect(kick).toHaveBeenCalledTimes(1);
    // Already waiting: nothing more to queue.
    expect(await ask({ type: 'locker.pushAll' })).toEqual({ captures: 0 });
    expect(await store.locker.pending()).toHaveLength(1);
    expect(await ask({ type: 'locker.status' })).toMatchObject({
      configured: false,
      pending: 1,
      capturesNotInLocker: 2,
      capturesInLocker: 0,
    });
  });

  it('locker.retry answers at once, even when the run fails', async () => {
    const { ask, runner } = await plain();
    const retry = vi.spyOn(runner, 'retryNow').mockRejectedValue(new Error('offline'));
    expect(await ask({ type: 'locker.retry' })).toEqual({ started: true });
    expect(retry).toHaveBeenCalledTimes(1);
  });

  it('the partial wipe keeps every capture not confirmed in the locker', async () => {
    const { store, ask, plainRemoved } = await plain();
    await seal(store, 'cap_1', 'cap_2');
    await ask({ type: 'locker.pushAll' }); // queued, not confirmed
    expect(await ask({ type: 'locker.wipePreview' })).toEqual({ deletable: 0, staying: 2 });
    expect(await ask({ type: 'locker.wipeDeposited', confirm: 'WIPE' })).toEqual({
      captures: 0,
      artifacts: 0,
      links: 0,
      staying: 2,
    });
    expect((await store.captures.ids()).sort()).toEqual(['cap_1', 'cap_2']);
    // The plaintext package files go in any case.
    expect(plainRemoved).toHaveLength(1);
  });
});

describe('the reader', () => {
  it('locker.readerList is not_found before setup and asks for permission first', async () => {
    const s = await locked();
    await expect(s.ask({ type: 'locker.readerList' })).rejects.toMatchObject({
      code: 'not_found',
    });
    await s.ask({ type: 'locker.readerConfigure', config: reader, secretAccessKey: 'secret' });
    const denied = over(s.store, { hasOrigins: async () => false });
    expect(await denied.ask({ type: 'locker.readerList' })).toEqual({
      permission: false,
      origins: [endpoint],
      entries: [],
    });
    expect(denied.fetched).toEqual([]);
    // Allowed, but nothing answers: a locker error, answered as `failed`.
    await expect(s.ask({ type: 'locker.readerList' })).rejects.toMatchObject({ code: 'failed' });
  });

  it('locker.readerFetch aborts the pulled file when the download fails', async () => {
    const { ask, pulled, fetched } = await plain();
    await expect(
      ask({ type: 'locker.readerFetch', key: 'dalel/../secrets.txt' }),
    ).rejects.toMatchObject({
      code: 'failed',
      message: 'server: dalel/../secrets.txt is not a package key',
    });
    expect(fetched).toEqual([]);
    const key = `dalel/${Array(8).fill('abcd').join('-')}/2026-05-01/${'0'.repeat(32)}.zip`;
    // A package key, but reading is not set up.
    await expect(ask({ type: 'locker.readerFetch', key })).rejects.toMatchObject({
      code: 'failed',
      message: expect.stringMatching(/^wrong_key: /),
    });
    expect(pulled.map((f) => [f.closed, f.aborted, f.chunks.length])).toEqual([
      [false, true, 0],
      [false, true, 0],
    ]);
  });

  it('locker.readerDiscard removes a pulled file, and answers the same for one already gone', async () => {
    const { ask, removedImports, handlerPorts } = await plain();
    expect(await ask({ type: 'locker.readerDiscard', file: 'pulled-1.zip' })).toEqual({
      removed: true,
    });
    expect(removedImports).toEqual(['pulled-1.zip']);
    handlerPorts.openImportFile = async () => {
      throw new Error('gone');
    };
    const again = asker(lockerHandlers((await plain()).store, handlerPorts));
    expect(await again({ type: 'locker.readerDiscard', file: 'pulled-1.zip' })).toEqual({
      removed: true,
    });
    expect(removedImports).toEqual(['pulled-1.zip']);
  });
});
