// The import's refusals and what it keeps, at their edges (lib/services/import-package.ts): the
// errors a monitor reads, a package that withholds originals, a capture token that is no token,
// the streamed hash a native hasher takes, and the media type of the kept custody trail.
import { describe, expect, it } from 'vitest';
import { nodePrimitives } from '../../../cli/node/primitives';
import { seedDemoStore } from '../../../lib/demo/seed-store';
import type { PackageInput } from '../../../lib/evidence/package-input';
import { writePackage } from '../../../lib/evidence/package-writer';
import { generateSigningKey, type SigningKey } from '../../../lib/evidence/signing';
import { verifyPackage } from '../../../lib/evidence/verify';
import type { VerifyReport } from '../../../lib/evidence/verify-report';
import { bytesSource } from '../../../lib/evidence/zip/source';
import { buildPackageInput } from '../../../lib/services/export-input';
import {
  ImportConflictError,
  ImportRejectedError,
  ImportUnconfirmedError,
  importPackage,
} from '../../../lib/services/import-package';
import type { Store } from '../../../lib/store/store';
import { createTestStore } from '../store/test-store';
import { sealedRedaction } from './sealed-redaction';

async function demo() {
  const signer = await generateSigningKey();
  const { store: source } = createTestStore(undefined, signer.fingerprint);
  await seedDemoStore(source);
  return { signer, source };
}

async function packageOf(
  store: Store,
  signer: SigningKey,
  change: (input: PackageInput) => PackageInput = (input) => input,
  extra: { withholdRedactedOriginals?: boolean } = {},
): Promise<Uint8Array> {
  const input = await buildPackageInput(
    store,
    { kind: 'all', ids: [] },
    { signer, tool: { name: 'dalel', version: 't' }, now: new Date(), ...extra },
  );
  const chunks: Uint8Array[] = [];
  await writePackage(change(input), async (c) => void chunks.push(c.slice()));
  return new Uint8Array(Buffer.concat(chunks));
}

async function emptyAfter(
  store: Store,
  db: { tables: { name: string; count(): Promise<number> }[] },
) {
  for (const table of db.tables) expect(await table.count(), table.name).toBe(0);
  expect(await store.custody.count()).toBe(0);
}

describe('the errors a monitor reads', () => {
  it('a rejected package: its failures one per line, at most twenty', () => {
    const failures = Array.from({ length: 25 }, (_, i) => ({
      file: `captures/cap_${String(i).padStart(2, '0')}/page.html`,
      check: 'file_hash',
      message: `SHA-256 differs ${i}`,
    }));
    const report = { verdict: 'invalid', failures } as unknown as VerifyReport;
    const error = new ImportRejectedError(report);
    expect(error.name).toBe('ImportRejectedError');
    const [head, ...lines] = error.message.split('\n');
    expect(head).toBe('The package did not verify, nothing was imported:');
    expect(lines).toHaveLength(20);
    expect(lines[0]).toContain('captures/cap_00/page.html');
    expect(lines[19]).toContain('captures/cap_19/page.html');
    expect(error.message).not.toContain('cap_20');
  });

  it('an unconfirmed signer: names the fingerprint and says what to do and that nothing was imported', async () => {
    const { signer, source } = await demo();
    const pkg = await packageOf(source, signer);
    const { store, db } = createTestStore();
    const error = await importPackage(store, bytesSource(pkg)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportUnconfirmedError);
    const { name, message } = error as ImportUnconfirmedError;
    expect(name).toBe('ImportUnconfirmedError');
    expect(message).toContain(`signed by ${signer.fingerprint}`);
    expect(message).toMatch(/enter the fingerprint the sender gave you over a second channel/);
    expect(message).toMatch(/Nothing was imported\.$/);
    await emptyAfter(store, db);
  });

  it('a pinned import says it was confirmed by the pin, in the result and in custody', async () => {
    const { signer, source } = await demo();
    const pkg = await packageOf(source, signer);
    const { store } = createTestStore();
    const result = await importPackage(store, bytesSource(pkg), { pinnedKey: signer.fingerprint });
    expect(result.confirmedBy).toBe('pinned');
    const event = (await store.custody.head())!;
    expect(event).toMatchObject({
      type: 'imported',
      subject: { kind: 'package' },
      data: { confirmedBy: 'pinned', pinned: 'match' },
    });
    // No trusted time in this package: the event says none rather than carrying a null.
    expect(result.trustedTime).toBeNull();
    expect(event.data).not.toHaveProperty('trustedTime');
  });
});

describe('what an import refuses or leaves out', () => {
  it('a package that withholds originals verifies but is not imported, writing nothing', async () => {
    const { signer, source } = await demo();
    const capture = (await source.captures.list())[0]!;
    const shot = capture.artifacts.find((a) => a.role === 'screenshot')!;
    const { redaction, bytes } = await sealedRedaction(capture.id, {
      name: shot.name,
      sha256: shot.sha256,
    });
    await source.redactions.add(redaction, bytes);
    const pkg = await packageOf(source, signer, undefined, { withholdRedactedOriginals: true });
    const report = await verifyPackage(bytesSource(pkg), { pinnedKey: signer.fingerprint });
    expect(report.verdict).toBe('valid');
    const withheld = report.manifest!.withheld!.length;
    expect(withheld).toBeGreaterThan(0);

    const { store, db } = createTestStore();
    const attempt = importPackage(store, bytesSource(pkg), { pinnedKey: signer.fingerprint });
    await expect(attempt).rejects.toBeInstanceOf(ImportConflictError);
    await expect(attempt).rejects.toThrow(
      `this package withholds ${withheld} original file(s) to protect the monitor`,
    );
    await emptyAfter(store, db);
  });

  it('a capture token that is no token is not carried into custody; the package still imports', async () => {
    const { signer, source } = await demo();
    const capture = (await source.captures.list())[0]!;
    const pkg = await packageOf(source, signer, (input) => ({
      ...input,
      captureTimestamps: new Map([[capture.id, [new TextEncoder().encode('not a token')]]]),
    }));
    const report = await verifyPackage(bytesSource(pkg), { pinnedKey: signer.fingerprint });
    expect(report.verdict).toBe('valid');
    expect(report.timestamps!.tokens).toEqual([
      expect.objectContaining({ captureId: capture.id, status: 'invalid' }),
    ]);
    const { store } = createTestStore();
    const result = await importPackage(store, bytesSource(pkg), { pinnedKey: signer.fingerprint });
    expect(result.imported.captures).toBeGreaterThan(0);
    expect(await store.custody.ofType('timestamped')).toEqual([]);
  });
});

describe('what an import keeps', () => {
  it('with a native hasher (streamed, not one shot) every artifact is stored exactly, with its type', async () => {
    const { signer, source } = await demo();
    const pkg = await packageOf(source, signer);
    const { store } = createTestStore();
    const result = await importPackage(store, bytesSource(pkg), {
      pinnedKey: signer.fingerprint,
      primitives: nodePrimitives,
    });
    expect(result.imported.captures).toBe((await source.captures.list()).length);
    for (const capture of await source.captures.list())
      for (const ref of capture.artifacts) {
        const kept = await store.artifacts.blob(ref.sha256);
        const original = await source.artifacts.blob(ref.sha256);
        expect(kept.type, ref.name).toBe(ref.mediaType);
        expect(
          Buffer.from(await kept.arrayBuffer()).equals(Buffer.from(await original.arrayBuffer())),
          ref.name,
        ).toBe(true);
      }
  });

  it("the package's custody trail is kept as NDJSON, on its row and its Blob", async () => {
    const { signer, source } = await demo();
    const pkg = await packageOf(source, signer);
    const { store } = createTestStore();
    await importPackage(store, bytesSource(pkg), { pinnedKey: signer.fingerprint });
    const trail = (await store.custody.head())!.data.custodyTrail as string;
    expect((await store.artifacts.get(trail))?.mediaType).toBe('application/x-ndjson');
    expect((await store.artifacts.blob(trail)).type).toBe('application/x-ndjson');
  });
});
