// integrity.md Z10, as an adversary would do it: the package file changes between verification
// and import, keeping every ZIP CRC-32 valid, so that only the import's own SHA-256 re-hash of the
// bytes it reads can notice. (The older Z10 test flips one bit, which the CRC already catches.)
import { describe, expect, it } from 'vitest';
import { seedDemoStore } from '../../../lib/demo/seed-store';
import { writePackage } from '../../../lib/evidence/package-writer';
import { generateSigningKey } from '../../../lib/evidence/signing';
import { verifyPackage } from '../../../lib/evidence/verify';
import { bytesSource, type ZipSource } from '../../../lib/evidence/zip/source';
import { buildPackageInput } from '../../../lib/services/export-input';
import { ImportConflictError, importPackage } from '../../../lib/services/import-package';
import { createTestStore } from '../store/test-store';
import { flipKeepingCrc, storedEntryRange } from '../../support/zip-tamper';

async function demoPackage() {
  const signer = await generateSigningKey();
  // The signer's own events: a package's captures must be by its signer (issue 12).
  const { store } = createTestStore(undefined, signer.fingerprint);
  await seedDemoStore(store);
  const input = await buildPackageInput(
    store,
    { kind: 'all', ids: [] },
    { signer, tool: { name: 'dalel', version: 't' }, now: new Date() },
  );
  const chunks: Uint8Array[] = [];
  await writePackage(input, async (c) => void chunks.push(c.slice()));
  return { pkg: new Uint8Array(Buffer.concat(chunks)), pin: { pinnedKey: signer.fingerprint } };
}

/** Serves `first` until the whole archive has been opened once, then `second` (same length). */
function switchingSource(
  first: Uint8Array,
  second: Uint8Array,
): ZipSource & { switched(): boolean } {
  let tailReads = 0;
  let current = first;
  return {
    size: first.length,
    switched: () => current === second,
    read: async (offset, length) => {
      // Each opening of the archive starts by reading its end (the central directory's locator).
      if (offset + length >= first.length && ++tailReads === 2) current = second;
      return current.slice(offset, offset + length);
    },
  };
}

describe('import re-hashes what it reads', () => {
  it('an artifact changed after verification with its CRC-32 kept stops the import, writing nothing', async () => {
    const { pkg, pin } = await demoPackage();
    const name = [
      ...new TextDecoder('latin1')
        .decode(pkg)
        .matchAll(/captures\/[^/]+\/screenshot-viewport\.png/g),
    ][0]![0];
    const { start, size } = storedEntryRange(pkg, name);
    const data = pkg.subarray(start, start + size);
    const forged = pkg.slice();
    forged.set(flipKeepingCrc(data, size - 40, size - 30), start);

    // The forged copy passes every ZIP check: only a hash over the bytes tells them apart.
    const report = await verifyPackage(bytesSource(forged), pin);
    const named = report.failures.filter((f) => f.file !== null);
    expect(named).toEqual([
      expect.objectContaining({ file: name, message: expect.stringMatching(/^SHA-256 /) }),
    ]);

    const source = switchingSource(pkg, forged);
    const { store, db } = createTestStore();
    const attempt = importPackage(store, source, pin);
    await expect(attempt).rejects.toBeInstanceOf(ImportConflictError);
    await expect(attempt).rejects.toThrow(
      `${name}: changed since it was verified; nothing was imported`,
    );
    expect(source.switched()).toBe(true);
    for (const table of db.tables) expect(await table.count(), table.name).toBe(0);
  });

  it('the unchanged package imports through the same two-phase source', async () => {
    const { pkg, pin } = await demoPackage();
    const source = switchingSource(pkg, pkg.slice());
    const { store } = createTestStore();
    const result = await importPackage(store, source, pin);
    expect(result.imported.captures).toBeGreaterThan(0);
  });
});
