// What an import records, counted exactly, and the checks it makes between reading the
// artifacts and writing the records (lib/services/import-package.ts): each case changes one
// thing and expects one answer, so a changed count or a dropped check is noticed.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { seedDemoStore } from '../../../lib/demo/seed-store';
import { LAYOUT } from '../../../lib/evidence/manifest';
import { writePackage } from '../../../lib/evidence/package-writer';
import { generateSigningKey, type SigningKey } from '../../../lib/evidence/signing';
import { bytesSource, type ZipSource } from '../../../lib/evidence/zip/source';
import { buildPackageInput } from '../../../lib/services/export-input';
import { ImportConflictError, importPackage } from '../../../lib/services/import-package';
import type { Store } from '../../../lib/store/store';
import { createTestStore } from '../store/test-store';
import { entryRange } from '../../support/zip-tamper';
import JSZip from 'jszip';

async function packageOf(store: Store, signer: SigningKey): Promise<Uint8Array> {
  const input = await buildPackageInput(
    store,
    { kind: 'all', ids: [] },
    { signer, tool: { name: 'dalel', version: 't' }, now: new Date() },
  );
  const chunks: Uint8Array[] = [];
  await writePackage(input, async (c) => void chunks.push(c.slice()));
  return new Uint8Array(Buffer.concat(chunks));
}

async function demo() {
  const signer = await generateSigningKey();
  // The signer's own events: a package's captures and tags must be by its signer (issue 12).
  const { store: source } = createTestStore(undefined, signer.fingerprint);
  await seedDemoStore(source);
  return { signer, source, pkg: await packageOf(source, signer) };
}

const sha256Hex = (bytes: Uint8Array) =>
  `sha256:${createHash('sha256').update(bytes).digest('hex')}`;

/** Where an entry's (compressed) bytes are, found through the central directory. */
function entryAt(pkg: Uint8Array, name: string) {
  const { start, size } = entryRange(pkg, name);
  return { start, end: start + size };
}

/** An entry's content, read by JSZip (independent of our reader). */
async function contentOf(pkg: Uint8Array, name: string): Promise<Uint8Array> {
  return (await JSZip.loadAsync(pkg)).file(name)!.async('uint8array');
}

describe('what an import counts and records', () => {
  it('counts every record and artifact exactly, the first time and as duplicates the second', async () => {
    const { signer, source, pkg } = await demo();
    const captures = await source.captures.list();
    const artifacts = new Set(captures.flatMap((c) => c.artifacts.map((a) => a.sha256)));
    const counts = {
      captures: captures.length,
      persons: (await source.persons.list()).length,
      cases: (await source.cases.list()).length,
      links: (await source.links.all()).length,
      // Every distinct artifact, and the package's custody trail kept as one more.
      artifacts: artifacts.size + 1,
    };
    const { store } = createTestStore();
    const first = await importPackage(store, bytesSource(pkg), { pinnedKey: signer.fingerprint });
    expect(first.imported).toEqual(counts);
    expect(first.duplicates).toEqual({ captures: 0, persons: 0, cases: 0, links: 0, artifacts: 0 });
    expect(first.fingerprint).toBe(signer.fingerprint);

    const second = await importPackage(store, bytesSource(pkg), { pinnedKey: signer.fingerprint });
    expect(second.imported).toEqual({ captures: 0, persons: 0, cases: 0, links: 0, artifacts: 0 });
    expect(second.duplicates).toEqual(counts);
    expect(second.packageId).toBe(first.packageId);
  });

  it('records one imported event per new capture and one for the package, with what it was', async () => {
    const { signer, source, pkg } = await demo();
    const { store } = createTestStore();
    const before = await store.custody.count();
    const result = await importPackage(store, bytesSource(pkg), { pinnedKey: signer.fingerprint });
    const events = (await store.custody.all()).slice(before);
    const actor = `import:${signer.fingerprint}`;
    const captures = await source.captures.list();
    const importedCaptures = events.filter(
      (e) => e.type === 'imported' && e.subject.kind === 'capture',
    );
    expect(importedCaptures).toHaveLength(captures.length);
    expect(importedCaptures).toEqual(
      expect.arrayContaining(
        captures.map((c) =>
          expect.objectContaining({
            type: 'imported',
            actor,
            subject: { kind: 'capture', id: c.id },
            data: { seal: c.seal, url: c.url, packageId: result.packageId },
          }),
        ),
      ),
    );
    // Besides: each person, case and tag enters custody as the signer's, and the package once.
    const { persons, cases, links } = result.imported;
    expect(events.map((e) => e.type).sort()).toEqual(
      [
        ...Array<string>(captures.length + 1).fill('imported'),
        ...Array<string>(persons).fill('person_created'),
        ...Array<string>(cases).fill('case_created'),
        ...Array<string>(links).fill('tagged'),
      ].sort(),
    );
    expect(events.every((e) => e.actor === actor)).toBe(true);

    // The package's own custody trail is kept byte for byte, as an artifact.
    const trailBytes = await contentOf(pkg, LAYOUT.events);
    const trail = sha256Hex(trailBytes);
    const last = events.at(-1)!;
    expect(last).toMatchObject({
      type: 'imported',
      actor,
      subject: { kind: 'package', id: result.packageId },
      data: {
        signer: signer.fingerprint,
        pinned: 'match',
        custodyTrail: trail,
        imported: result.imported,
        duplicates: result.duplicates,
      },
    });
    expect((last.data as { checkpoint: { size: number } }).checkpoint.size).toBeGreaterThan(0);
    const kept = await store.artifacts.get(trail);
    expect(kept?.mediaType).toBe('application/x-ndjson');
    expect(Buffer.from(await (await store.artifacts.blob(trail)).arrayBuffer())).toEqual(
      Buffer.from(trailBytes),
    );
  });

  it('keeps the media type of each imported artifact, on its row and its Blob', async () => {
    const { signer, source, pkg } = await demo();
    const { store } = createTestStore();
    await importPackage(store, bytesSource(pkg), { pinnedKey: signer.fingerprint });
    for (const capture of await source.captures.list())
      for (const ref of capture.artifacts) {
        expect((await store.artifacts.get(ref.sha256))?.mediaType, ref.name).toBe(ref.mediaType);
        expect((await store.artifacts.blob(ref.sha256)).type, ref.name).toBe(ref.mediaType);
      }
  });
});

describe('checks between reading the artifacts and writing the records', () => {
  it('an artifact that leaves the store before the records are written stops the import', async () => {
    const { signer, source, pkg } = await demo();
    const victim = (await source.captures.list())[0]!.artifacts[0]!.sha256;
    const { store, db } = createTestStore();
    // The custody trail is read after every artifact is stored and before the records'
    // transaction: that is when another tab could have removed an artifact.
    const trail = entryAt(pkg, LAYOUT.events);
    let removed = false;
    const source_: ZipSource = {
      size: pkg.length,
      read: async (offset, length) => {
        if (!removed && offset <= trail.start && offset + length >= trail.end) {
          if (await db.artifacts.get(victim)) {
            await db.artifacts.delete(victim);
            removed = true;
          }
        }
        return pkg.slice(offset, offset + length);
      },
    };
    const attempt = importPackage(store, source_, { pinnedKey: signer.fingerprint });
    await expect(attempt).rejects.toBeInstanceOf(ImportConflictError);
    await expect(attempt).rejects.toThrow(/its bytes left the store during the import/);
    expect(removed).toBe(true);
    for (const table of db.tables) expect(await table.count(), table.name).toBe(0);
  });

  it('an entry that disappears from the archive after verification stops the import', async () => {
    const { signer, source, pkg } = await demo();
    const capture = (await source.captures.list())[0]!;
    const name = `captures/${capture.id}/${capture.artifacts[0]!.name}`;
    // The same archive with that entry renamed (same length: every offset stays right).
    const renamed = pkg.slice();
    const from = new TextEncoder().encode(name);
    const to = new TextEncoder().encode(`${name.slice(0, -1)}_`);
    const text = Buffer.from(renamed);
    for (let at = text.indexOf(from); at >= 0; at = text.indexOf(from, at + 1)) renamed.set(to, at);
    let opened = 0;
    const switching: ZipSource = {
      size: pkg.length,
      read: async (offset, length) => {
        if (offset + length >= pkg.length) opened++;
        return (opened >= 2 ? renamed : pkg).slice(offset, offset + length);
      },
    };
    const { store, db } = createTestStore();
    await expect(
      importPackage(store, switching, { pinnedKey: signer.fingerprint }),
    ).rejects.toThrow(`${name}: missing from the package`);
    for (const table of db.tables) expect(await table.count(), table.name).toBe(0);
  });
});
