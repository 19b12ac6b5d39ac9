import { describe, expect, it } from 'vitest';
import { createKeyRow, ensureSigningKey } from '../../../lib/background/signing-key';
import {
  VaultController,
  type SavedSession,
  type SessionPort,
} from '../../../lib/background/vault-controller';
import { VaultRepo } from '../../../lib/store/repositories/vault-repo';
import { commonPasswords } from '../../support/common-passwords';
import { sampleCapture } from '../store/sample-capture';
import { createVaultStore, TEST_KDF_COST } from '../store/vault-store';

const PASS = 'a long passphrase';

/** Session storage as the browser keeps it: survives a worker restart, not a browser exit. */
function memorySession() {
  let value: SavedSession | null = null;
  const port: SessionPort = {
    load: async () => (value ? { ...value } : null),
    save: async (s) => void (value = { ...s }),
    clear: async () => void (value = null),
  };
  return { port, peek: () => value };
}

function controllerOver(
  name: string | undefined,
  session: SessionPort,
  clock: { t: number },
  common?: ReadonlySet<string>,
) {
  const s = createVaultStore(name);
  const repo = new VaultRepo(s.store.ctx, (x) => createKeyRow(new Date(), x), TEST_KDF_COST);
  const alarms: number[] = [];
  let wiped = 0;
  const removed: string[] = [];
  const history: Array<readonly string[] | null> = [];
  const vault = new VaultController(s.store, repo, {
    session,
    removeFiles: async () => void removed.push('exports'),
    forgetWitness: async () => void removed.push('witness'),
    now: () => clock.t,
    alarm: { schedule: async (m) => void alarms.push(m), clear: async () => void alarms.push(0) },
    onWiped: () => wiped++,
    commonPasswords: async () => common ?? new Set(),
    clearDrafts: async () => void removed.push('drafts'),
    removeFromHistory: async (urls: readonly string[] | null) => {
      history.push(urls);
      return urls?.length ?? 0;
    },
  });
  return { ...s, controller: vault, alarms, removed, history, wiped: () => wiped };
}

describe('the lock in the background', () => {
  it('turning the lock on answers which key replaced which, and that the old key signed the handover', async () => {
    const clock = { t: 0 };
    const c = controllerOver(undefined, memorySession().port, clock);
    await c.controller.restore();
    await ensureSigningKey(c.store.keys, () => new Date());
    const old = (await c.store.keys.active())!.fingerprint;
    const answer = await c.controller.enable(PASS);
    const now = (await c.store.keys.active())!.fingerprint;
    expect(now).not.toBe(old);
    expect(answer.keyChange).toEqual({ previous: old, next: now, handover: true });
  });

  it('refuses privileged requests while locked, but still answers status, unlock and wipe', async () => {
    const clock = { t: 0 };
    const session = memorySession();
    const c = controllerOver(undefined, session.port, clock);
    await c.controller.restore();
    await c.store.persons.create({ name: 'Aigerim' });
    await c.controller.enable(PASS);
    await c.controller.lock();
    expect(session.peek()).toBeNull();
    // The popup's drafts (captured URLs, unsaved notes) and a finished (plaintext) export must not
    // outlive the lock.
    expect(c.removed).toEqual(['drafts', 'exports']);
    for (const type of [
      'person.list',
      'capture.seal',
      'integrity.check',
      'settings.get',
      'storage.info',
    ])
      await expect(c.controller.guard(type)).rejects.toMatchObject({ code: 'locked' });
    for (const type of ['vault.status', 'vault.unlock', 'vault.wipe', 'vault.lock', 'ping'])
      await expect(c.controller.guard(type)).resolves.toBeUndefined();
    await expect(c.controller.unlock('not it at all')).rejects.toMatchObject({
      name: 'WrongPassphraseError',
    });
    await c.controller.unlock(PASS);
    await expect(c.controller.guard('person.list')).resolves.toBeUndefined();
  });

  it('refuses a weak new passphrase, whatever the page checked', async () => {
    const clock = { t: 0 };
    const session = memorySession();
    const c = controllerOver(undefined, session.port, clock, commonPasswords());
    await c.controller.restore();
    for (const weak of ['short', 'password2026!!', 'ghbdtn12345678'])
      await expect(c.controller.enable(weak)).rejects.toMatchObject({ code: 'weak_passphrase' });
    expect(await c.controller.status()).toMatchObject({ enabled: false });
    await c.controller.enable(PASS);
    await expect(c.controller.change(PASS, 'qwerty123456')).rejects.toMatchObject({
      code: 'weak_passphrase',
    });
    await c.controller.change(PASS, 'another long passphrase');
    await c.controller.lock();
    await c.controller.unlock('another long passphrase');
  });

  it('on request, the wipe removes the captured pages from the browser history (all platform visits when locked)', async () => {
    const clock = { t: 0 };
    const session = memorySession();
    const c = controllerOver(undefined, session.port, clock);
    await c.controller.restore();
    const { capture, artifacts } = sampleCapture('cap_h');
    await c.store.captures.seal(capture, artifacts);
    const answer = await c.controller.wipe({ history: true });
    expect(c.history).toEqual([[capture.url]]);
    expect(answer.historyRemoved).toBe(1);

    const d = controllerOver(undefined, session.port, clock);
    await d.controller.restore();
    await d.controller.enable(PASS);
    await d.controller.lock();
    await d.controller.wipe({ history: true });
    expect(d.history).toEqual([null]); // locked: the URLs cannot be read
    const e = controllerOver(undefined, session.port, clock);
    await e.controller.restore();
    await e.controller.wipe();
    expect(e.history).toEqual([]); // not asked for: history untouched
  });

  it('survives a service-worker restart while unlocked, from session storage only', async () => {
    const clock = { t: 0 };
    const session = memorySession();
    const first = controllerOver(undefined, session.port, clock);
    await first.controller.restore();
    await first.store.persons.create({ name: 'Aigerim' });
    await first.controller.enable(PASS);
    expect(session.peek()?.idleMinutes).toBe(15);
    // The worker dies; a new one opens the same database with the same session storage.
    const second = controllerOver(first.name, session.port, clock);
    await second.controller.restore();
    expect(await second.controller.status()).toMatchObject({ locked: false });
    expect((await second.store.persons.list())[0]!.name).toBe('Aigerim');
    // The browser exits: session storage is gone, the store is locked.
    await session.port.clear();
    const third = controllerOver(first.name, session.port, clock);
    await third.controller.restore();
    expect(await third.controller.status()).toMatchObject({ locked: true });
  });

  it('locks itself after the idle time, on the next request or by the alarm', async () => {
    const clock = { t: 0 };
    const session = memorySession();
    const c = controllerOver(undefined, session.port, clock);
    await c.controller.restore();
    await c.controller.enable(PASS);
    expect(c.alarms.at(-1)).toBe(15);
    clock.t += 14 * 60_000;
    await c.controller.guard('person.list'); // activity: the timer starts again
    clock.t += 14 * 60_000;
    expect(await c.controller.idleExpired()).toBe(false);
    clock.t += 2 * 60_000;
    expect(await c.controller.idleExpired()).toBe(true);
    expect(await c.controller.status()).toMatchObject({ locked: true });
    expect(session.peek()).toBeNull();
    await c.controller.unlock(PASS);
    await c.controller.setIdleMinutes(1);
    clock.t += 61_000;
    await expect(c.controller.guard('person.list')).rejects.toMatchObject({ code: 'locked' });
  });

  it('panic wipe: shreds the keys, forgets the session and deletes the database', async () => {
    const clock = { t: 0 };
    const session = memorySession();
    const c = controllerOver(undefined, session.port, clock);
    await c.controller.restore();
    await c.store.persons.create({ name: 'Aigerim' });
    await c.controller.enable(PASS);
    const result = await c.controller.wipe();
    expect(result.shredMs).toBeGreaterThanOrEqual(0);
    expect(session.peek()).toBeNull();
    expect(c.wiped()).toBe(1);
    // The custody witness outside IndexedDB goes too: nothing says an archive existed.
    expect(c.removed).toEqual(['drafts', 'witness', 'exports']);
    expect((await indexedDB.databases()).map((d) => d.name)).not.toContain(c.name);
    // Nothing survives: a new open finds an empty, unlocked store.
    const again = controllerOver(c.name, session.port, clock);
    await again.controller.restore();
    expect(await again.controller.status()).toEqual({ enabled: false, locked: false, state: null });
    expect(await again.store.persons.list()).toEqual([]);
  });
});
