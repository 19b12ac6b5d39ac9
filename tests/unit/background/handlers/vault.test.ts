// The vault handlers (lib/background/handlers/vault.ts) through createHandlers: the passphrase
// lock's messages reach the real lock (locked, the archive's records cannot be read), the panic
// wipe, storage.info's "nearly full" line, and integrity.check joining the store's own report
// with the witness kept outside it (a lost archive is damage even when the store looks healthy).
import { describe, expect, it } from 'vitest';
import { captureSeal } from '../../../../lib/evidence/seal';
import { sampleCapture } from '../../store/sample-capture';
import { allHandlers, asker, witnessPort } from './fakes';

const PASS = 'a long passphrase for tests';

async function setup(witness = witnessPort()) {
  const all = await allHandlers({}, witness);
  return { ...all, ask: asker(all.handlers) };
}

describe('the passphrase lock through its messages', () => {
  it('enable, lock, unlock, change and disable reach the lock; locked, records cannot be read', async () => {
    const { ask, removed } = await setup();
    await ask({ type: 'person.create', person: { name: 'Aigerim' } });
    expect(await ask({ type: 'vault.status' })).toMatchObject({ enabled: false, locked: false });
    await ask({ type: 'vault.enable', passphrase: PASS });
    expect(await ask({ type: 'vault.status' })).toMatchObject({ enabled: true, locked: false });

    await ask({ type: 'vault.lock' });
    expect(await ask({ type: 'vault.status' })).toMatchObject({ enabled: true, locked: true });
    // Drafts and plaintext exports do not outlive the lock.
    expect(removed).toEqual(['drafts', 'exports']);
    await expect(ask({ type: 'person.list' })).rejects.toMatchObject({ name: 'VaultLockedError' });

    await expect(
      ask({ type: 'vault.unlock', passphrase: 'not the passphrase' }),
    ).rejects.toMatchObject({ name: 'WrongPassphraseError' });
    expect(await ask({ type: 'vault.status' })).toMatchObject({ locked: true });
    await ask({ type: 'vault.unlock', passphrase: PASS });
    expect((await ask({ type: 'person.list' })).map((p) => p.name)).toEqual(['Aigerim']);

    const next = 'another long passphrase';
    await ask({ type: 'vault.change', current: PASS, next });
    await ask({ type: 'vault.lock' });
    await expect(ask({ type: 'vault.unlock', passphrase: PASS })).rejects.toMatchObject({
      name: 'WrongPassphraseError',
    });
    await ask({ type: 'vault.unlock', passphrase: next });
    await ask({ type: 'vault.disable', passphrase: next });
    expect(await ask({ type: 'vault.status' })).toMatchObject({ enabled: false, locked: false });
    expect((await ask({ type: 'person.list' })).map((p) => p.name)).toEqual(['Aigerim']);
  });

  it('a common passphrase is refused and the lock stays off', async () => {
    const { ask } = await setup();
    await expect(ask({ type: 'vault.enable', passphrase: 'password123456' })).rejects.toMatchObject(
      { code: 'weak_passphrase' },
    );
    expect(await ask({ type: 'vault.status' })).toMatchObject({ enabled: false });
  });

  it('vault.wipe deletes the archive and what outlives it', async () => {
    const { ask, name, removed, wiped } = await setup();
    await ask({ type: 'person.create', person: { name: 'Aigerim' } });
    await ask({ type: 'vault.wipe', confirm: 'WIPE', history: false });
    expect(wiped()).toBe(1);
    expect(removed).toEqual(['drafts', 'witness', 'exports']);
    expect((await indexedDB.databases()).map((d) => d.name)).not.toContain(name);
  });
});

describe('storage.info', () => {
  it('passes the estimate on and calls it nearly full above 80 % of the quota', async () => {
    const { ask, storage } = await setup();
    Object.assign(storage, { usage: 81, quota: 100, persisted: true, evictionExempt: true });
    expect(await ask({ type: 'storage.info' })).toEqual({
      usage: 81,
      quota: 100,
      persisted: true,
      evictionExempt: true,
      nearlyFull: true,
    });
    storage.usage = 80;
    expect(await ask({ type: 'storage.info' })).toMatchObject({ nearlyFull: false });
    // No quota known (0): never "nearly full", whatever the usage.
    Object.assign(storage, { usage: 5, quota: 0 });
    expect(await ask({ type: 'storage.info' })).toMatchObject({ nearlyFull: false });
  });
});

describe('integrity.check', () => {
  it('a healthy archive is ok; a missing artifact is damage', async () => {
    const { ask, store, db } = await setup();
    const sample = sampleCapture('cap_i');
    // Sealed for real: the full check hashes the record again.
    const capture = { ...sample.capture, seal: await captureSeal(sample.capture) };
    await store.captures.seal(capture, sample.artifacts);
    expect(await ask({ type: 'integrity.check', full: true })).toMatchObject({
      ok: true,
      damage: [],
    });
    await db.artifacts.delete(capture.artifacts[0]!.sha256);
    const report = await ask({ type: 'integrity.check', full: true });
    expect(report.ok).toBe(false);
    expect(report.damage).toEqual([
      expect.objectContaining({ kind: 'artifact_missing', id: capture.artifacts[0]!.sha256 }),
    ]);
  });

  it('an archive the browser lost is damage from the witness, until the loss is acknowledged', async () => {
    const witness = witnessPort();
    const first = await setup(witness);
    for (const name of ['A', 'B', 'C'])
      await first.ask({ type: 'person.create', person: { name } });
    expect(await first.ask({ type: 'integrity.check', full: false })).toMatchObject({ ok: true });
    expect(await first.ask({ type: 'integrity.acknowledgeLoss' })).toEqual({
      acknowledged: false,
    });

    // The browser deleted the database: a fresh, empty, internally healthy archive.
    const after = await setup(witness);
    await after.ask({ type: 'person.create', person: { name: 'New' } });
    const report = await after.ask({ type: 'integrity.check', full: true });
    expect(report.ok).toBe(false);
    expect(report.damage.map((d) => d.kind)).toEqual(['archive_lost']);

    expect(await after.ask({ type: 'integrity.acknowledgeLoss' })).toEqual({ acknowledged: true });
    expect((await after.store.custody.all()).at(-1)!.type).toBe('loss_acknowledged');
    expect(await after.ask({ type: 'integrity.check', full: true })).toMatchObject({
      ok: true,
      damage: [],
    });
  });
});
