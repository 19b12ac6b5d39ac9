import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { repoRoot } from '../support/shared-fixtures';
import { openForCapture } from './support/capture';
import { expect, sendFrom, test } from './support/fixtures';
import { launchWithExtension } from './support/launch';
import { CAPTURE_PAGES } from './support/site';

/** Reads an export from the origin-private file system of the extension, as an extension page does. */
async function readExport(extensionPage: Page, name: string): Promise<Buffer> {
  const base64 = await extensionPage.evaluate(async (file) => {
    const root = await navigator.storage.getDirectory();
    const dir = await root.getDirectoryHandle('exports');
    const bytes = new Uint8Array(
      await (await (await dir.getFileHandle(file)).getFile()).arrayBuffer(),
    );
    let s = '';
    for (let i = 0; i < bytes.length; i += 0x8000)
      s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return btoa(s);
  }, name);
  return Buffer.from(base64, 'base64');
}

function dalelVerify(file: string, key?: string, earlier?: string) {
  const args = [
    path.join(repoRoot, 'bin/dalel.mjs'),
    'verify',
    file,
    ...(key ? ['--key', key] : []),
    ...(earlier ? ['--earlier', earlier] : []),
  ];
  return spawnSync(process.execPath, args, { encoding: 'utf8' });
}

test('a case exported in the real extension verifies with `dalel verify`, pinned to its key', async ({
  context,
  extensionId,
  extensionPage,
  send,
}) => {
  const post = CAPTURE_PAGES.find((p) => p.handmade === 'site/instagram-post.html')!;
  const { tabId } = await openForCapture(context, extensionId, extensionPage, post.url);
  const captured = await send({ type: 'capture.run', tabId });
  expect(captured.ok, JSON.stringify(captured.error)).toBe(true);
  const person = await send({ type: 'person.create', person: { name: 'Aigerim Sadykova' } });
  const legalCase = await send({
    type: 'case.create',
    legalCase: { title: 'Sadykova', article: 'Art. 405 Part 2' },
  });
  const link = await send({
    type: 'link.add',
    captureId: captured.data.id,
    personId: person.data.id,
    caseId: legalCase.data.id,
    category: 'ground',
    note: 'status cited as ground 1',
  });
  expect(link.ok).toBe(true);

  const exported = await send({
    type: 'export.run',
    scope: { kind: 'case', ids: [legalCase.data.id] },
  });
  expect(exported.ok, JSON.stringify(exported.error)).toBe(true);
  expect(exported.data.file).toMatch(/^dalel-[0-9a-f]{8}\.zip$/);
  expect(exported.data.counts).toMatchObject({ captures: 1, persons: 1, cases: 1, links: 1 });
  const key = await send({ type: 'key.info' });
  expect(exported.data.fingerprint).toBe(key.data.fingerprint);

  const bytes = await readExport(extensionPage, exported.data.file);
  expect(bytes.length).toBe(exported.data.size);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'dalel-export-'));
  const good = path.join(dir, 'package.zip');
  writeFileSync(good, bytes);
  const verified = dalelVerify(good, key.data.fingerprint);
  expect(verified.stdout + verified.stderr).toMatch(/VALID/);
  expect(verified.status).toBe(0);

  // The export itself is a custody event, appended after the package (covered by the next one).
  const custody = await send({ type: 'custody.list' });
  expect(custody.data.at(-1)).toMatchObject({
    type: 'exported',
    subject: { kind: 'package', id: exported.data.packageId },
  });

  const wrongKey = dalelVerify(good, '0000-0000-0000-0000-0000-0000-0000-0000');
  expect(wrongKey.status).toBe(1);

  const tampered = Buffer.from(bytes);
  const at = tampered.indexOf(Buffer.from('screenshot-viewport.png')) + 200;
  tampered[at] = tampered[at]! ^ 0xff;
  const bad = path.join(dir, 'tampered.zip');
  writeFileSync(bad, tampered);
  expect(dalelVerify(bad, key.data.fingerprint).status).not.toBe(0);

  // A later export of the same case (after more tagging) verifies too, and proves that its
  // custody log extends the first package's: the second export carries a consistency proof.
  await send({
    type: 'link.add',
    captureId: captured.data.id,
    personId: null,
    caseId: legalCase.data.id,
    category: 'other',
    note: 'second look',
  });
  for (const round of [2, 3]) {
    const again = await send({
      type: 'export.run',
      scope: { kind: 'case', ids: [legalCase.data.id] },
    });
    expect(again.ok, `export ${round}: ${JSON.stringify(again.error)}`).toBe(true);
    const later = path.join(dir, `package-${round}.zip`);
    writeFileSync(later, await readExport(extensionPage, again.data.file));
    const chained = dalelVerify(later, key.data.fingerprint, good);
    expect(chained.stdout + chained.stderr).toMatch(/VALID/);
    expect(chained.status).toBe(0);
  }
});

test('an export of a case with nothing tagged is refused with a clear message', async ({
  send,
}) => {
  const legalCase = await send({ type: 'case.create', legalCase: { title: 'Empty case' } });
  const exported = await send({
    type: 'export.run',
    scope: { kind: 'case', ids: [legalCase.data.id] },
  });
  expect(exported).toMatchObject({ ok: false, error: { code: 'failed' } });
  expect(exported.error.message).toMatch(/Nothing to export/);
});

/** Places a package into the extension's `imports/` folder, as the dashboard does with a chosen file. */
async function placeImport(extensionPage: Page, name: string, bytes: Buffer) {
  await extensionPage.evaluate(
    async ({ file, base64 }) => {
      const data = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const root = await navigator.storage.getDirectory();
      const dir = await root.getDirectoryHandle('imports', { create: true });
      const writable = await (await dir.getFileHandle(file, { create: true })).createWritable();
      await writable.write(data);
      await writable.close();
    },
    { file: name, base64: bytes.toString('base64') },
  );
}

test('backup and restore: export everything from one profile, import into a fresh one, every byte back', async ({
  context,
  extensionId,
  extensionPage,
  send,
}) => {
  const post = CAPTURE_PAGES.find((p) => p.handmade === 'site/instagram-post.html')!;
  const { tabId } = await openForCapture(context, extensionId, extensionPage, post.url);
  const captured = await send({ type: 'capture.run', tabId });
  expect(captured.ok, JSON.stringify(captured.error)).toBe(true);
  const person = await send({ type: 'person.create', person: { name: 'Daniyar Omarov' } });
  await send({
    type: 'link.add',
    captureId: captured.data.id,
    personId: person.data.id,
    caseId: null,
    category: 'account_state',
  });
  const exported = await send({ type: 'export.run', scope: { kind: 'all', ids: [] } });
  expect(exported.ok, JSON.stringify(exported.error)).toBe(true);
  const bytes = await readExport(extensionPage, exported.data.file);
  const original = await send({ type: 'capture.get', id: captured.data.id });
  const key = await send({ type: 'key.info' });

  const other = await launchWithExtension();
  try {
    const page = await other.context.newPage();
    await page.goto(`chrome-extension://${other.extensionId}/dashboard.html`);
    // A tampered copy is refused and leaves nothing behind.
    const tampered = Buffer.from(bytes);
    tampered[tampered.indexOf('screenshot-viewport.png') + 120]! ^= 0x01;
    await placeImport(page, 'bad.zip', tampered);
    const refused = await sendFrom(page, { type: 'import.run', file: 'bad.zip' });
    expect(refused).toMatchObject({ ok: false });
    expect(refused.error.message).toMatch(/did not verify/);
    expect((await sendFrom(page, { type: 'capture.list' })).data).toEqual([]);

    await placeImport(page, 'backup.zip', bytes);
    const imported = await sendFrom(page, {
      type: 'import.run',
      file: 'backup.zip',
      pinnedKey: key.data.fingerprint,
    });
    expect(imported.ok, JSON.stringify(imported.error)).toBe(true);
    expect(imported.data.imported).toMatchObject({ captures: 1, persons: 1, links: 1 });
    const restored = await sendFrom(page, { type: 'capture.get', id: captured.data.id });
    expect(restored.data.capture).toEqual(original.data.capture);
    for (const artifact of original.data.capture.artifacts) {
      const a = await send({ type: 'artifact.get', sha256: artifact.sha256 });
      const b = await sendFrom(page, { type: 'artifact.get', sha256: artifact.sha256 });
      expect(b.data.base64).toBe(a.data.base64);
    }
    const custody = await sendFrom(page, { type: 'custody.list' });
    expect(custody.data.at(-1)).toMatchObject({
      type: 'imported',
      actor: `import:${key.data.fingerprint}`,
    });

    // The restored archive goes on to a lawyer: it exports again, signed by this profile's key.
    const again = await sendFrom(page, { type: 'export.run', scope: { kind: 'all', ids: [] } });
    expect(again.ok, JSON.stringify(again.error)).toBe(true);
    const dir = mkdtempSync(path.join(os.tmpdir(), 'dalel-restored-'));
    const restoredPackage = path.join(dir, 'restored.zip');
    writeFileSync(restoredPackage, await readExport(page, again.data.file));
    const verified = dalelVerify(restoredPackage, again.data.fingerprint);
    expect(verified.stdout + verified.stderr).toMatch(/VALID/);
    expect(verified.status).toBe(0);
  } finally {
    await other.context.close();
  }
});
