import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, sendFrom, test } from './support/fixtures';
import { launchWithExtension } from './support/launch';

const PASS = 'жасыл алма 2026 secret';
const SCREENS = 'test-results/screens';

/** Every value in the extension's IndexedDB, read with the raw API (no Dexie, no decryption). */
function rawIndexedDb(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const db: IDBDatabase = await new Promise((resolve, reject) => {
      const req = indexedDB.open('dalel');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const out: string[] = [];
    const walk = (v: unknown): void => {
      if (v === null || v === undefined) return;
      if (v instanceof Uint8Array) out.push(new TextDecoder('latin1').decode(v));
      else if (Array.isArray(v)) v.forEach(walk);
      else if (typeof v === 'object' && !(v instanceof Blob) && !(v instanceof CryptoKey))
        for (const [k, x] of Object.entries(v)) {
          out.push(k);
          walk(x);
        }
      else out.push(String(v));
    };
    for (const name of Array.from(db.objectStoreNames)) {
      const rows: unknown[] = await new Promise((resolve) => {
        const req = db.transaction(name).objectStore(name).getAll();
        req.onsuccess = () => resolve(req.result);
      });
      rows.forEach(walk);
    }
    db.close();
    return out.join('\n');
  });
}

/** Whether a string occurs in the profile's IndexedDB files on disk (UTF-8/Latin-1 or UTF-16). */
function onDisk(userDataDir: string, text: string): string[] {
  const root = path.join(userDataDir, 'Default/IndexedDB');
  const hits: string[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else {
        let bytes: Buffer;
        try {
          bytes = readFileSync(p);
        } catch {
          continue; // compacted away while we looked
        }
        if (
          bytes.includes(Buffer.from(text, 'utf8')) ||
          bytes.includes(Buffer.from(text, 'utf16le'))
        )
          hits.push(path.relative(root, p));
      }
    }
  };
  walk(root);
  return hits;
}

test('the passphrase lock in real Chromium: encrypted at rest, unlock screen, restart (K1–K3)', async () => {
  const first = await launchWithExtension();
  const page = await first.context.newPage();
  await page.goto(`chrome-extension://${first.extensionId}/dashboard.html`);
  await sendFrom(page, { type: 'person.create', person: { name: 'Daniyar Omarov' } });
  const before = (await sendFrom(page, { type: 'key.info' })).data.fingerprint;
  const enabled = await sendFrom(page, { type: 'vault.enable', passphrase: PASS });
  // The lock replaces the signing key; the old (non-extractable) key signed the handover.
  const after = (await sendFrom(page, { type: 'key.info' })).data.fingerprint;
  expect(after).not.toBe(before);
  expect(enabled).toEqual({
    ok: true,
    data: {
      enabled: true,
      locked: false,
      state: 'ready',
      keyChange: { previous: before, next: after, handover: true },
    },
  });
  await sendFrom(page, { type: 'person.create', person: { name: 'Saule Zhakupova' } });
  const raw = await rawIndexedDb(page);
  expect(raw).toContain('wrappedDataKey'); // the reader does see the stored rows
  expect(raw).not.toContain('Daniyar');
  expect(raw).not.toContain('Saule');

  // Locked: every privileged request refused; the dashboard shows the unlock screen.
  await sendFrom(page, { type: 'vault.lock' });
  expect(await sendFrom(page, { type: 'person.list' })).toMatchObject({
    error: { code: 'locked' },
  });
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Dalel is locked' })).toBeVisible();
  await page.getByLabel('Passphrase').fill('not the passphrase');
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByRole('alert')).toContainText('Wrong passphrase');
  await page.screenshot({ path: `${SCREENS}/unlock-wrong-en.png` });
  await page.getByLabel('Passphrase').fill(PASS);
  await page.getByRole('button', { name: 'Unlock' }).click();
  // Unlocked: the dashboard opens on its first screen, Captures.
  await expect(page.getByRole('heading', { name: 'Captures', exact: true })).toBeVisible();
  await first.context.close();

  // The browser restarted: the key was only in memory, so the store is locked again.
  const onDiskHits = onDisk(first.userDataDir, 'Saule Zhakupova');
  expect(onDiskHits, 'a name written under the lock is nowhere on disk').toEqual([]);
  // Written before the lock: its old versions were pushed out of LevelDB by the flush.
  expect(onDisk(first.userDataDir, 'Daniyar Omarov'), 'pre-lock plaintext on disk').toEqual([]);
  const second = await launchWithExtension({ userDataDir: first.userDataDir });
  const again = await second.context.newPage();
  await again.goto(`chrome-extension://${second.extensionId}/dashboard.html`);
  expect((await sendFrom(again, { type: 'vault.status' })).data).toMatchObject({ locked: true });
  expect((await sendFrom(again, { type: 'vault.unlock', passphrase: PASS })).ok).toBe(true);
  const names = (await sendFrom(again, { type: 'person.list' })).data.map((p: any) => p.name);
  expect(names).toEqual(['Daniyar Omarov', 'Saule Zhakupova']);
  expect((await sendFrom(again, { type: 'integrity.check', full: true })).data.ok).toBe(true);
  await second.context.close();
});

test('turning the lock on from the Security screen names the new fingerprint to send lawyers', async ({
  extensionPage: page,
  extensionId,
}) => {
  // Deriving the key and flushing old versions is CPU work: slower with a second browser running.
  test.setTimeout(120_000);
  const old = (await sendFrom(page, { type: 'key.info' })).data.fingerprint;
  await page.goto(`chrome-extension://${extensionId}/dashboard.html#security`);
  await page.getByLabel('New passphrase (at least 12 characters)').fill(PASS);
  await page.getByLabel('Repeat the new passphrase').fill(PASS);
  await page.getByRole('button', { name: 'Encrypt with this passphrase' }).click();
  const done = page.getByTestId('lock-done');
  await expect(done).toBeVisible({ timeout: 60_000 });
  const next = (await sendFrom(page, { type: 'key.info' })).data.fingerprint;
  await expect(done).toContainText(`New fingerprint: ${next} (the old one was ${old})`);
  await expect(done).toContainText('Your old key signed a handover to the new one');
  await page.screenshot({ path: `${SCREENS}/security-key-changed-en.png` });
});

test('panic wipe from the locked screen, held down for under a second (K4)', async ({
  extensionPage,
  send,
}) => {
  await send({ type: 'person.create', person: { name: 'Aigerim' } });
  await send({ type: 'vault.enable', passphrase: PASS });
  await send({ type: 'vault.lock' });
  const page = extensionPage;
  await page.reload();
  const hold = page.getByRole('button', { name: 'Hold to erase everything' });
  // A click (press and release) does nothing.
  await hold.click();
  await page.waitForTimeout(300);
  expect((await send({ type: 'vault.status' })).data).toMatchObject({
    enabled: true,
    locked: true,
  });
  await page.screenshot({ path: `${SCREENS}/wipe-hold-en.png` });
  const box = (await hold.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.waitForTimeout(1_000);
  await page.mouse.up();
  // The page reloads onto a fresh, empty, unlocked archive.
  // Unlocked: the dashboard opens on its first screen, Captures.
  await expect(page.getByRole('heading', { name: 'Captures', exact: true })).toBeVisible();
  expect((await send({ type: 'vault.status' })).data).toEqual({
    enabled: false,
    locked: false,
    state: null,
  });
  expect((await send({ type: 'person.list' })).data).toEqual([]);
  const custody = (await send({ type: 'custody.list' })).data;
  expect(custody.map((e: any) => e.type)).toEqual(['key_created']); // a new key, a new chain
});

test('panic wipe through the protocol reports the crypto-shred time', async ({ send }) => {
  await send({ type: 'person.create', person: { name: 'Aigerim' } });
  await send({ type: 'vault.enable', passphrase: PASS });
  const answer = await send({ type: 'vault.wipe', confirm: 'WIPE' });
  expect(answer.ok).toBe(true);
  console.info(
    `panic wipe in Chromium: shred ${answer.data.shredMs} ms, total ${answer.data.totalMs} ms`,
  );
  expect((await send({ type: 'vault.unlock', passphrase: PASS })).data).toMatchObject({
    enabled: false,
  });
  expect((await send({ type: 'person.list' })).data).toEqual([]);
});

test('security settings page: turn the lock on from the UI', async ({ extensionPage: page }) => {
  // Reached from the dashboard's sidebar, like every other screen.
  await page.getByRole('navigation').getByRole('link', { name: 'Security' }).click();
  await expect(page).toHaveURL(/#security$/);
  await expect(page.getByRole('heading', { name: 'Security' })).toBeVisible();
  await page.getByLabel('New passphrase (at least 12 characters)').fill(PASS);
  await page.getByLabel('Repeat the new passphrase').fill(PASS);
  await page.getByRole('button', { name: 'Encrypt with this passphrase' }).click();
  await expect(page.getByText('The passphrase lock is on')).toBeVisible();
  await page.getByRole('button', { name: 'Check the whole archive now' }).click();
  await expect(page.getByTestId('integrity-report')).toContainText('All is intact');
  await page.screenshot({ path: `${SCREENS}/security-en.png`, fullPage: true });
  await page.getByRole('button', { name: 'Lock now' }).click();
  await expect(page.getByRole('heading', { name: 'Dalel is locked' })).toBeVisible({
    timeout: 35_000,
  });
});

test('a damaged custody log is reported on the dashboard by the quick check (D5)', async ({
  extensionPage: page,
  context,
  extensionId,
  send,
}) => {
  for (const name of ['A', 'B', 'C']) await send({ type: 'person.create', person: { name } });
  await page.reload();
  // Unlocked: the dashboard opens on its first screen, Captures.
  await expect(page.getByRole('heading', { name: 'Captures', exact: true })).toBeVisible();
  await expect(page.getByTestId('storage-warning')).toHaveCount(0);
  // Tamper with the store underneath the extension: delete custody event 2 with the raw API.
  await page.evaluate(async () => {
    const db: IDBDatabase = await new Promise((resolve) => {
      const req = indexedDB.open('dalel');
      req.onsuccess = () => resolve(req.result);
    });
    await new Promise((resolve) => {
      const tx = db.transaction('custody', 'readwrite');
      tx.objectStore('custody').delete(2);
      tx.oncomplete = resolve;
    });
    db.close();
  });
  await page.reload();
  await expect(page.getByTestId('storage-warning')).toContainText(
    'The integrity check found in the archive: 3 problems', // count mismatch, gap, broken link,
  );
  const report = (await send({ type: 'integrity.check', full: true })).data;
  expect(report.damage.map((d: any) => `${d.kind} ${d.id}`)).toEqual([
    'custody_gap 3',
    'custody_link_broken 3',
  ]);
  // The warning's link leads to the Security screen, from the dashboard and from the popup.
  const warning = page.getByTestId('storage-warning');
  await warning.getByRole('link', { name: 'Security' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Security' })).toBeVisible();
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  const [opened] = await Promise.all([
    context.waitForEvent('page'),
    popup.getByTestId('storage-warning').getByRole('link', { name: 'Security' }).click(),
  ]);
  await expect(opened).toHaveURL(`chrome-extension://${extensionId}/dashboard.html#security`);
  await expect(opened.getByRole('heading', { level: 1, name: 'Security' })).toBeVisible();
});
