// The evidence handlers (lib/background/handlers/evidence.ts): export.run writes a signed package
// that verifies, records it in custody and reports it; without a key, with nothing to export or
// when the file cannot be written, it refuses and records nothing. import.run takes the placed
// file and always removes it; key.info, key.revocation and backup.status.
import { describe, expect, it } from 'vitest';
import {
  evidenceHandlers,
  type ExportedPackage,
} from '../../../../lib/background/handlers/evidence';
import { ensureSigningKey } from '../../../../lib/background/signing-key';
import { fromBase64 } from '../../../../lib/evidence/hex';
import { parseRevocation } from '../../../../lib/evidence/revocation';
import { captureSeal } from '../../../../lib/evidence/seal';
import { verifyPackage } from '../../../../lib/evidence/verify';
import { bytesSource } from '../../../../lib/evidence/zip/source';
import type { RequestInputOf } from '../../../../lib/messaging/protocol';
import type { Store } from '../../../../lib/store/store';
import { makeTestPki } from '../../../support/tsa/pki';
import { sampleCapture } from '../../store/sample-capture';
import { createTestStore } from '../../store/test-store';
import { asker, fakeBrowserPorts } from './fakes';

/** A store whose custody actor is its signing key, as in the extension; `keyed: false` has none. */
async function signedStore(keyed = true) {
  let actor = 'no-key-yet';
  const { store } = createTestStore(undefined, () => actor);
  const key = keyed ? await ensureSigningKey(store.keys, store.ctx.now) : null;
  if (key) actor = key.fingerprint;
  return { store, key };
}

async function sealCaptures(store: Store, ...ids: string[]) {
  for (const id of ids) {
    const { capture, artifacts } = sampleCapture(id, { url: `https://x.com/a/status/${id}` });
    await store.captures.seal({ ...capture, seal: await captureSeal(capture) }, artifacts);
  }
}

async function setup(keyed = true, overrides: Parameters<typeof fakeBrowserPorts>[0] = {}) {
  const { store, key } = await signedStore(keyed);
  const fake = fakeBrowserPorts(overrides);
  const exported: ExportedPackage[] = [];
  fake.ports.afterExport ??= async (e) => void exported.push(e);
  const handlers = evidenceHandlers(store, fake.ports);
  return { store, key, ...fake, exported, ask: asker(handlers) };
}

const exportAll: RequestInputOf<'export.run'> = {
  type: 'export.run',
  scope: { kind: 'all', ids: [] },
};

describe('export.run', () => {
  it('writes a package that verifies under the key, records it and reports what it holds', async () => {
    const { store, key, ask, exports, exported, seen } = await setup();
    await sealCaptures(store, 'cap_1', 'cap_2');
    const person = await store.persons.create({ name: 'Aigerim' });
    await store.links.add({
      captureId: 'cap_1',
      personId: person.id,
      caseId: null,
      category: 'ground',
    });

    const answer = await ask(exportAll);
    const bytes = exports.bytes(answer.file);
    expect(answer).toMatchObject({
      size: bytes.length,
      fingerprint: key!.fingerprint,
      timestamps: [],
    });
    expect(answer.counts).toMatchObject({
      captures: 2,
      persons: 1,
      cases: 0,
      links: 1,
      withheld: 0,
    });
    const report = await verifyPackage(bytesSource(bytes), { pinnedKey: key!.fingerprint });
    expect(report.failures).toEqual([]);
    expect(report.verdict).toBe('valid');
    expect(report.manifest?.packageId).toBe(answer.packageId);
    expect(answer.counts.files).toBe(report.manifest!.files.length);

    const last = (await store.custody.all()).at(-1)!;
    expect(last.type).toBe('exported');
    expect(last.subject).toEqual({ kind: 'package', id: answer.packageId });
    expect(last.data).toMatchObject({
      scope: 'all',
      captures: ['cap_1', 'cap_2'],
      size: bytes.length,
    });
    // The locker hears of it after it is recorded, and pages see it finish.
    expect(exported.map((e) => [e.file, e.signer, e.scope.kind])).toEqual([
      [answer.file, key!.fingerprint, 'all'],
    ]);
    expect(seen.broadcasts.at(-1)).toEqual({
      type: 'export.progress',
      phase: 'done',
      bytesDone: bytes.length,
      bytesTotal: bytes.length,
    });
    expect(await ask({ type: 'backup.status' })).toMatchObject({
      lastBackupAt: last.at,
      captures: 2,
      notBackedUp: 0,
    });
  });

  it('without a signing key it refuses before any file is made', async () => {
    const { store, ask, exports } = await setup(false);
    await sealCaptures(store, 'cap_1');
    const before = await store.custody.count();
    await expect(ask(exportAll)).rejects.toMatchObject({
      code: 'failed',
      message: 'this installation has no signing key yet',
    });
    await expect(ask({ type: 'key.revocation' })).rejects.toMatchObject({ code: 'failed' });
    expect(exports.files.size).toBe(0);
    expect(await store.custody.count()).toBe(before);
  });

  it('with nothing in scope it refuses before any file is made', async () => {
    const { store, ask, exports } = await setup();
    await sealCaptures(store, 'cap_1');
    const legalCase = await store.cases.create({ title: 'Empty case' });
    const before = await store.custody.count();
    await expect(
      ask({ type: 'export.run', scope: { kind: 'case', ids: [legalCase.id] } }),
    ).rejects.toThrow(/Nothing to export/);
    expect(exports.files.size).toBe(0);
    expect(await store.custody.count()).toBe(before);
  });

  it('a file that cannot be written is discarded, and nothing is recorded or handed on', async () => {
    const exports: string[] = [];
    const { store, ask, exported } = await setup(true, {
      createExportFile: async () => ({
        name: 'dalel-export-1.zip',
        target: async () => {
          throw new Error('disk full');
        },
        discard: async () => void exports.push('discarded'),
      }),
    });
    await sealCaptures(store, 'cap_1');
    await expect(ask(exportAll)).rejects.toThrow('disk full');
    expect(exports).toEqual(['discarded']);
    expect(exported).toEqual([]);
    expect(await store.custody.ofType('exported')).toEqual([]);
    expect(await ask({ type: 'backup.status' })).toMatchObject({
      lastBackupAt: null,
      notBackedUp: 1,
    });
  });

  it('a locker that fails to queue the package does not fail the export', async () => {
    const { store, ask, exports } = await setup(true, {
      afterExport: async () => {
        throw new Error('locker down');
      },
    });
    await sealCaptures(store, 'cap_1');
    const answer = await ask(exportAll);
    expect(exports.discarded).toEqual([]);
    expect(exports.bytes(answer.file).length).toBe(answer.size);
    expect(await store.custody.ofType('exported')).toHaveLength(1);
  });

  it('asks the configured TSAs; one that cannot be reached is reported, not fatal', async () => {
    const { store, ask } = await setup();
    await sealCaptures(store, 'cap_1');
    const pki = makeTestPki();
    const url = 'https://tsa.example.org/';
    await store.settings.set({
      timestampAuthorities: [{ url, name: 'Example', caPem: pki.caPem }],
    });
    const answer = await ask(exportAll);
    expect(answer.timestamps).toEqual([
      { url, ok: false, code: 'unreachable', reason: 'no network in unit tests' },
    ]);
  });
});

describe('import.run', () => {
  it('imports a package placed in imports/, derives its list rows, and removes the file', async () => {
    const from = await setup();
    await sealCaptures(from.store, 'cap_1', 'cap_2');
    const made = await from.ask(exportAll);

    const to = await setup();
    to.imports.placed.set('package.zip', from.exports.bytes(made.file));
    const result = await to.ask({
      type: 'import.run',
      file: 'package.zip',
      pinnedKey: from.key!.fingerprint,
    });
    expect(result).toMatchObject({
      packageId: made.packageId,
      fingerprint: from.key!.fingerprint,
      confirmedBy: 'pinned',
      imported: { captures: 2 },
    });
    expect((await to.store.captures.ids()).sort()).toEqual(['cap_1', 'cap_2']);
    expect(await to.store.listings.count()).toBe(2);
    expect(to.imports.removed).toEqual(['package.zip']);
  });

  it('refuses a file that is not a package, imports nothing, and still removes it', async () => {
    const { store, ask, imports } = await setup();
    imports.placed.set('junk.zip', new TextEncoder().encode('not a zip at all'));
    const before = await store.custody.count();
    await expect(ask({ type: 'import.run', file: 'junk.zip' })).rejects.toThrow();
    expect(imports.removed).toEqual(['junk.zip']);
    expect(await store.captures.count()).toBe(0);
    expect(await store.custody.count()).toBe(before);
  });
});

describe('the signing key', () => {
  it('key.info answers the active key, and not_found before there is one', async () => {
    await expect((await setup(false)).ask({ type: 'key.info' })).rejects.toMatchObject({
      code: 'not_found',
    });
    const { ask, key } = await setup();
    const info = await ask({ type: 'key.info' });
    expect(info.fingerprint).toBe(key!.fingerprint);
    expect(info.algorithm).toBe('Ed25519');
    expect(fromBase64(info.publicKeyBase64)).toEqual(key!.publicKeyRaw);
    expect(info.publicKeyPem).toMatch(
      /^-----BEGIN PUBLIC KEY-----\n[\s\S]+\n-----END PUBLIC KEY-----/,
    );
  });

  it('key.revocation answers a code, signed by the key, that names it', async () => {
    const { ask, key } = await setup();
    const answer = await ask({ type: 'key.revocation' });
    expect(answer.fingerprint).toBe(key!.fingerprint);
    const parsed = await parseRevocation(answer.code);
    expect(parsed.fingerprint).toBe(key!.fingerprint);
    expect(parsed.created).toBe(answer.created);
  });
});
