import Dexie from 'dexie';
import { checkRotationEvent } from '../../../lib/evidence/key-rotation';
import { describe, expect, it } from 'vitest';
import { checkIntegrity } from '../../../lib/store/integrity';
import { ensureSigningKey } from '../../../lib/background/signing-key';
import { KNOWN_TSAS } from '../../../lib/evidence/timestamp/known-tsas';
import { VaultLockedError, WrongPassphraseError } from '../../../lib/vault/errors';
import { newPbkdf2Params } from '../../../lib/vault/kdf';
import { sampleCapture } from './sample-capture';
import { containsBytes, createVaultStore, rawDump } from './vault-store';

const PASS = 'қызыл алма 2026';
const NAME = 'Aigerim Tleuzhan';
const URL = 'https://www.instagram.com/p/CPeC-Eenc8l/';
const TSA = 'https://tsa.example.org/stamp';

/** A store with one of everything, written before the lock exists. */
async function seeded() {
  const s = createVaultStore();
  await ensureSigningKey(s.store.keys, s.store.ctx.now);
  const person = await s.store.persons.create({
    name: NAME,
    aliases: ['Айгерим'],
    accounts: [
      { platform: 'instagram', handle: 'WillyRex', platformId: '9007199254740993', url: null },
    ],
  });
  const legalCase = await s.store.cases.create({
    title: 'Sadykova case',
    caseNumber: '217100031000123',
  });
  const { capture, artifacts } = sampleCapture('cap_1');
  await s.store.captures.seal(capture, artifacts);
  const link = await s.store.links.add({
    captureId: 'cap_1',
    personId: person.id,
    caseId: legalCase.id,
    category: 'ground',
    note: 'post cited in the indictment',
  });
  await s.store.settings.set({
    timestampAuthorities: [{ url: TSA, name: 'Example TSA', caPem: KNOWN_TSAS[0]!.roots[0]! }],
  });
  const plainBytes = await Promise.all(
    artifacts.map(async (a) => new Uint8Array(await a.blob.arrayBuffer())),
  );
  return { ...s, person, legalCase, capture, artifacts, link, plainBytes };
}

/** What a repository user sees: must be identical before and after any vault operation. */
async function view(s: Awaited<ReturnType<typeof seeded>>) {
  const { store } = s;
  return {
    persons: await store.persons.list(),
    byAccount: await store.persons.findByAccountKey('instagram:willyrex'),
    cases: await store.cases.list(),
    capture: await store.captures.get('cap_1'),
    listings: await store.listings.all(),
    byUrl: await store.captures.byUrl(URL),
    byAccountKey: await store.captures.byAccount('instagram:willyrex'),
    links: await store.links.forPerson(s.person.id),
    linksOfCase: await store.links.forCase(s.legalCase.id),
    custody: await store.custody.all(),
    concerning: await store.custody.concerning([s.person.id, 'cap_1']),
    settings: await store.settings.all(),
    artifactKeys: (await store.artifacts.keys()).sort(),
    blobs: await Promise.all(
      s.artifacts.map(async (a) => [
        ...new Uint8Array(await (await store.artifacts.blob(a.sha256)).arrayBuffer()),
      ]),
    ),
  };
}

const SECRETS = [
  NAME,
  'Айгерим',
  'willyrex',
  URL,
  'Sadykova',
  '217100031000123',
  TSA,
  'indictment',
  '9007199254740993',
];

async function expectNoPlaintext(s: Awaited<ReturnType<typeof seeded>>) {
  const dump = await rawDump(s.name);
  for (const secret of SECRETS) expect(dump.text, secret).not.toContain(secret);
  for (const a of s.artifacts) expect(dump.text).not.toContain(a.sha256.slice(7));
  for (const bytes of s.plainBytes) expect(containsBytes(dump.bytes, bytes)).toBe(false);
  expect(dump.text).not.toContain('[CryptoKey]');
  return dump;
}

describe('passphrase lock over the store', () => {
  it('encrypts every row and blob in place, and repositories see exactly what they saw', async () => {
    const s = await seeded();
    const before = await view(s);
    const plainDump = await rawDump(s.name);
    expect(plainDump.text).toContain(NAME); // the scanner does find plaintext
    expect(containsBytes(plainDump.bytes, s.plainBytes[0]!)).toBe(true);

    await s.vault.enable(PASS);
    expect(await s.vault.status()).toEqual({ enabled: true, locked: false, state: 'ready' });
    await expectNoPlaintext(s);
    const after = await view(s);
    // Enabling rotates the key (custody gains key_rotated); everything else is unchanged.
    expect(after.custody.slice(0, before.custody.length)).toEqual(before.custody);
    expect(after.custody.at(-1)).toMatchObject({ type: 'key_rotated' });
    expect({ ...after, custody: null }).toEqual({ ...before, custody: null });
  });

  it('keeps new writes encrypted and findable by their (blinded) indices', async () => {
    const s = await seeded();
    await s.vault.enable(PASS);
    const p = await s.store.persons.create({
      name: 'Daniyar Omarov',
      accounts: [{ platform: 'x', handle: 'domarov', platformId: null, url: null }],
    });
    const { capture, artifacts } = sampleCapture('cap_2', {
      url: 'https://x.com/domarov/status/1',
      accountKey: 'x:domarov',
    });
    await s.store.captures.seal(capture, artifacts);
    // The list's derived row of the new capture is written under the lock too.
    expect((await s.store.listings.all()).map((l) => l.id)).toEqual(['cap_1', 'cap_2']);
    expect(await s.store.listings.count()).toBe(2);
    expect(await s.store.persons.findByAccountKey('x:domarov')).toEqual([p]);
    expect(await s.store.captures.byUrl('https://x.com/domarov/status/1')).toEqual([capture]);
    expect(await s.store.persons.list()).toEqual([await s.store.persons.get(s.person.id), p]);
    const dump = await rawDump(s.name);
    expect(dump.text).not.toContain('Daniyar');
    expect(dump.text).not.toContain('domarov');
    const bytes = new Uint8Array(await artifacts[1]!.blob.arrayBuffer());
    expect(containsBytes(dump.bytes, bytes)).toBe(false);
    expect(
      Buffer.from(await (await s.store.artifacts.blob(artifacts[1]!.sha256)).arrayBuffer()),
    ).toEqual(Buffer.from(bytes));
  });

  it('replaces the non-extractable signing key by a wrapped one and shreds the old private key (K1, K2)', async () => {
    const s = await seeded();
    const old = (await s.store.keys.active())!;
    await s.vault.enable(PASS);
    const keys = await s.store.keys.list();
    const active = (await s.store.keys.active())!;
    expect(active.id).not.toBe(old.id);
    expect(keys.find((k) => k.id === old.id)).toMatchObject({ active: false, privateKey: null });
    expect(active.privateKey!.extractable).toBe(false);
    await expect(crypto.subtle.exportKey('pkcs8', active.privateKey!)).rejects.toThrow();
    const msg = new TextEncoder().encode('m');
    const sig = await crypto.subtle.sign('Ed25519', active.privateKey!, msg);
    expect(await crypto.subtle.verify('Ed25519', active.publicKey, sig, msg)).toBe(true);
    // Restart, unlock: the same key signs again.
    const again = createVaultStore(s.name);
    await again.vault.prepare();
    await expect(again.store.keys.active()).rejects.toBeInstanceOf(VaultLockedError);
    await again.vault.unlock(PASS);
    const reloaded = (await again.store.keys.active())!;
    expect(reloaded.fingerprint).toBe(active.fingerprint);
    const sig2 = await crypto.subtle.sign('Ed25519', reloaded.privateKey!, msg);
    expect(await crypto.subtle.verify('Ed25519', active.publicKey, sig2, msg)).toBe(true);
  });

  it('the old key signs a handover to the new one: a lawyer who pinned the old fingerprint can confirm the new key (issue 12)', async () => {
    const s = await seeded();
    const old = (await s.store.keys.active())!;
    await s.vault.enable(PASS);
    const active = (await s.store.keys.active())!;
    const event = (await s.store.custody.ofType('key_rotated')).at(-1)!;
    expect(event.data).toMatchObject({
      previous: old.fingerprint,
      fingerprint: active.fingerprint,
    });
    expect(await checkRotationEvent(event)).toEqual({
      kind: 'signed',
      previous: old.fingerprint,
      next: active.fingerprint,
    });
    // The handover is the old key's signature: with any other bytes it no longer verifies.
    const forged = structuredClone(event);
    (forged.data.rotation as { statement: { at: string } }).statement.at =
      '2020-01-01T00:00:00.000Z';
    expect((await checkRotationEvent(forged)).kind).toBe('invalid');
  });

  it('refuses everything while locked and a wrong passphrase; opens with the right one (K3)', async () => {
    const s = await seeded();
    await s.vault.enable(PASS);
    const before = await view(s);
    s.vault.lock();
    expect(await s.vault.status()).toEqual({ enabled: true, locked: true, state: 'ready' });
    await expect(s.store.persons.list()).rejects.toBeInstanceOf(VaultLockedError);
    await expect(s.store.persons.create({ name: 'X' })).rejects.toBeInstanceOf(VaultLockedError);
    await expect(s.store.artifacts.blob(s.artifacts[0]!.sha256)).rejects.toBeInstanceOf(
      VaultLockedError,
    );
    await expect(s.vault.unlock('wrong')).rejects.toBeInstanceOf(WrongPassphraseError);
    expect(await s.vault.status()).toMatchObject({ locked: true });
    await s.vault.unlock(PASS);
    expect(await view(s)).toEqual(before);
  });

  it('changes the passphrase by re-wrapping only the data key', async () => {
    const s = await seeded();
    await s.vault.enable(PASS);
    const rowsBefore = await rawDump(s.name);
    const record = (await s.vault.record())!;
    await s.vault.changePassphrase(PASS, 'new passphrase');
    const after = (await s.vault.record())!;
    expect(after.kdf.salt).not.toBe(record.kdf.salt);
    expect(after.signingKeys).toEqual(record.signingKeys);
    const rowsAfter = await rawDump(s.name);
    const withoutVault = (t: string) => t.slice(0, t.indexOf('#vault'));
    expect(withoutVault(rowsAfter.text)).toBe(withoutVault(rowsBefore.text));
    s.vault.lock();
    await expect(s.vault.unlock(PASS)).rejects.toBeInstanceOf(WrongPassphraseError);
    await s.vault.unlock('new passphrase');
    expect((await s.store.persons.list())[0]!.name).toBe(NAME);
  });

  it('turns off with the passphrase: everything plaintext again, the key still signs', async () => {
    const s = await seeded();
    const before = await view(s);
    await s.vault.enable(PASS);
    await expect(s.vault.disable('wrong')).rejects.toBeInstanceOf(WrongPassphraseError);
    await s.vault.disable(PASS);
    expect(await s.vault.status()).toEqual({ enabled: false, locked: false, state: null });
    const dump = await rawDump(s.name);
    expect(dump.text).toContain(NAME);
    expect(dump.text).not.toContain('$e');
    expect(containsBytes(dump.bytes, s.plainBytes[0]!)).toBe(true);
    const after = await view(s);
    expect({ ...after, custody: null }).toEqual({ ...before, custody: null });
    // After a restart, without any session, the (non-extractable) key is in the store again.
    const again = createVaultStore(s.name);
    await again.vault.prepare();
    const key = (await again.store.keys.active())!;
    expect(key.privateKey!.extractable).toBe(false);
    expect(await again.store.persons.list()).toEqual(before.persons);
  });

  it('resumes an interrupted encryption at the next unlock, losing nothing', async () => {
    const s = await seeded();
    const before = await view(s);
    const add = s.db.artifacts.add.bind(s.db.artifacts);
    let calls = 0;
    s.db.artifacts.add = ((...args: Parameters<typeof add>) => {
      if (++calls === 2) throw new Error('worker killed');
      return add(...args);
    }) as typeof add;
    await expect(s.vault.enable(PASS)).rejects.toThrow('worker killed');
    expect(await s.vault.status()).toMatchObject({ state: 'encrypting' });

    const again = createVaultStore(s.name); // a new worker: nothing in memory
    await again.vault.prepare();
    expect(await again.vault.status()).toMatchObject({
      enabled: true,
      locked: true,
      state: 'encrypting',
    });
    await again.vault.unlock(PASS);
    expect(await again.vault.status()).toMatchObject({ state: 'ready', locked: false });
    await expectNoPlaintext(s);
    const after = await view({ ...s, store: again.store });
    expect({ ...after, custody: null }).toEqual({ ...before, custody: null });
    expect(after.custody.filter((e) => e.type === 'key_rotated')).toHaveLength(1);
  });

  it('refuses an unencrypted row planted in the encrypted store: not shown, reported', async () => {
    const s = await seeded();
    await s.vault.enable(PASS);
    // Whoever holds the profile's files writes a row of their own, bypassing Dalel.
    const raw = new Dexie(s.name);
    await raw.open();
    await raw.table('persons').put({ id: 'per_planted', name: 'Planted Person', aliases: [] });
    raw.close();
    const names = (await s.store.persons.list()).map((p) => p.name);
    expect(names).toEqual([NAME]);
    expect(await s.store.persons.get('per_planted')).toBeUndefined();
    const report = await checkIntegrity(s.store, true);
    expect(report.ok).toBe(false);
    expect(report.damage).toContainEqual(
      expect.objectContaining({
        kind: 'unencrypted_row',
        id: 'persons/per_planted',
        reason: expect.stringMatching(/^persons per_planted: a row without encryption/),
      }),
    );
  });

  it('moves an archive locked with PBKDF2 to Argon2id at its first unlock, losing nothing', async () => {
    const s = await seeded();
    // Locked as an earlier version did: the data key wrapped under PBKDF2-SHA256.
    await s.vault.enable(PASS, newPbkdf2Params());
    const before = await view(s);
    s.vault.lock();
    const old = (await s.vault.record())!;
    expect(old.kdf.name).toBe('PBKDF2');

    const again = createVaultStore(s.name); // a new worker
    await again.vault.prepare();
    await expect(again.vault.unlock('not the passphrase')).rejects.toBeInstanceOf(
      WrongPassphraseError,
    );
    expect((await again.vault.record())!.kdf.name).toBe('PBKDF2'); // nothing changed on a miss
    await again.vault.unlock(PASS);
    const moved = (await again.vault.record())!;
    expect(moved.kdf).toMatchObject({ name: 'Argon2id', version: 0x13 });
    expect(moved.kdf.salt).not.toBe(old.kdf.salt);
    expect(moved.wrappedDataKey).not.toEqual(old.wrappedDataKey);
    // The PBKDF2-wrapped copy is gone from the store.
    const raw = await rawDump(s.name);
    expect(raw.text).not.toContain(old.wrappedDataKey.data);
    expect(raw.text).not.toContain('PBKDF2');
    // Same data key: everything reads as before, and the next unlock uses Argon2id.
    again.vault.lock();
    await again.vault.unlock(PASS);
    expect(await view({ ...s, ...again })).toEqual(before);
  });

  it('panic wipe: shredding the wrapped keys makes the archive unreadable with any passphrase (K4)', async () => {
    const s = await seeded();
    await s.vault.enable(PASS);
    const started = performance.now();
    await s.vault.shred();
    const shredMs = performance.now() - started;
    console.info(`vault shred: ${shredMs.toFixed(1)} ms (fake-indexeddb)`);
    expect(await s.vault.record()).toBeUndefined();
    expect(await s.db.keys.count()).toBe(0);
    await expect(s.vault.unlock(PASS)).rejects.toThrow(/lock is off/);
    await expect(s.store.persons.list()).rejects.toBeInstanceOf(VaultLockedError);
    const dump = await rawDump(s.name);
    expect(dump.text).not.toContain('wrappedDataKey');
    expect(dump.text).not.toContain(NAME);
    await s.db.delete();
    expect((await indexedDB.databases()).map((d) => d.name)).not.toContain(s.name);
  });
});
