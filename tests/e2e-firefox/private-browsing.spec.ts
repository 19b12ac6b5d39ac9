import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { CAPTURE_PAGES } from '../e2e/support/site';
import { ADDON_UUID } from './support/firefox';
import { clickToolbarButton, contextMenuItem, pressShortcut } from './support/gestures';
import { dalelVerify, exportPackage, FirefoxSession } from './support/session';

// Permanent private browsing — Tor Browser's default, Firefox's "Never remember history" — where
// Firefox refuses IndexedDB and the origin-private file system to add-ons. Dalel keeps the archive
// in storage.local (lib/store/mirror): captured, tagged, locked, kept across a restart, exported
// and verified, with nothing lost.

const page = (label: string) => CAPTURE_PAGES.find((p) => p.label === label)!;
const sha256 = (b: Buffer) => `sha256:${createHash('sha256').update(b).digest('hex')}`;
const PASSPHRASE = 'private mode passphrase 2026';

let session: FirefoxSession;
test.afterEach(async ({}, testInfo) => {
  if (testInfo.status !== testInfo.expectedStatus)
    await testInfo.attach('firefox-output', { body: session?.output ?? '' });
  await session?.close();
});

test('in permanent private browsing evidence is captured, kept across a restart, exported and verified', async () => {
  session = await FirefoxSession.start({ privateBrowsing: true });
  let { dalel } = session;
  expect(await dalel.eval('() => browser.extension.inIncognitoContext')).toBe(true);
  expect((await dalel.ok({ type: 'storage.info' })).backend).toBe('extension-storage');

  // Before the first capture the popup says, in plain words, what is different here.
  await session.openPage(page('Instagram post (hand-made)').url);
  await clickToolbarButton(session.bidi);
  const note = await dalel.waitInPopup<string>(
    `(d) => d.querySelector('[data-testid=private-storage-note]')?.textContent`,
  );
  expect(note).toMatch(/Private browsing/);
  expect(note).toMatch(/Turn on the passphrase lock/);
  await dalel.captureFromPopup();
  await dalel.waitInPopup(`(d) => d.querySelector('[data-testid=sealed]')`);

  await session.openPage(page('Instagram long profile').url);
  await pressShortcut(session.bidi, 'Alt+Shift+S');
  const captures = await dalel.waitForCaptures(2);
  const person = await dalel.ok({ type: 'person.create', person: { name: 'Aigerim Example' } });
  const legalCase = await dalel.ok({
    type: 'case.create',
    legalCase: { title: 'Example case', article: 'Art. 405' },
  });
  for (const c of captures)
    await dalel.ok({
      type: 'link.add',
      captureId: c.id,
      personId: person.id,
      caseId: legalCase.id,
      category: 'ground',
    });
  const { fingerprint } = await dalel.ok({ type: 'key.info' });
  const first = await exportPackage(dalel, { kind: 'case', ids: [legalCase.id] });
  expect(first.counts.captures).toBe(2);
  let verdict = dalelVerify(first.bytes, fingerprint);
  expect(verdict.status, verdict.output).toBe(0);

  // The lock on, as a Tor Browser user keeps it; then the browser quits and starts again.
  await dalel.ok({ type: 'vault.enable', passphrase: PASSPHRASE });
  const signer = (await dalel.ok({ type: 'key.info' })).fingerprint; // rotated by the lock
  const before = {
    captures: await dalel.ok({ type: 'capture.list' }),
    custody: await dalel.ok({ type: 'custody.list' }),
  };
  await session.restart();
  dalel = session.dalel;
  expect((await dalel.send({ type: 'capture.list' })).error?.code).toBe('locked');
  await dalel.ok({ type: 'vault.unlock', passphrase: PASSPHRASE });
  expect(await dalel.ok({ type: 'capture.list' })).toEqual(before.captures);
  expect(await dalel.ok({ type: 'custody.list' })).toEqual(before.custody);
  expect((await dalel.ok({ type: 'key.info' })).fingerprint).toBe(signer);
  const check = await dalel.ok({ type: 'integrity.check', full: true });
  expect(check.ok, JSON.stringify(check.damage)).toBe(true);
  for (const c of before.captures)
    for (const a of await dalel.artifacts(c)) expect(sha256(a.bytes), a.name).toBe(a.sha256);

  // After the restart: the context menu works, and everything exports and verifies.
  const notice = await session.openPage(page('Instagram "page isn\'t available"').url);
  await contextMenuItem(session.bidi, notice, 'dalel-capture-page');
  const all = await dalel.waitForCaptures(3);
  const second = await exportPackage(dalel, { kind: 'selection', ids: all.map((c) => c.id) });
  expect(second.counts.captures).toBe(3);
  verdict = dalelVerify(second.bytes, signer);
  expect(verdict.status, verdict.output).toBe(0);

  // Nothing went to IndexedDB or the origin-private file system: the only storage Dalel used is
  // the add-on's storage.local (Firefox keeps it under userContextId 4294967295).
  const dirs = readdirSync(path.join(session.profileDir, 'storage/default')).filter((d) =>
    d.includes(ADDON_UUID),
  );
  expect(dirs).toEqual([`moz-extension+++${ADDON_UUID}^userContextId=4294967295`]);
});
