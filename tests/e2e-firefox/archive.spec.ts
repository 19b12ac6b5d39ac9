import { expect, test } from '@playwright/test';
import { CAPTURE_PAGES } from '../e2e/support/site';
import { contextMenuItem, pressShortcut } from './support/gestures';
import { dalelVerify, exportPackage, FirefoxSession } from './support/session';

// The archive in an ordinary Firefox profile (IndexedDB): a case exported from Firefox verifies
// with the `dalel` CLI, and everything — captures, tags, the custody log, the signing key and the
// context menu — is still there after Firefox quits and starts again on the same profile.

const page = (label: string) => CAPTURE_PAGES.find((p) => p.label === label)!;

let session: FirefoxSession;
test.afterEach(async ({}, testInfo) => {
  if (testInfo.status !== testInfo.expectedStatus)
    await testInfo.attach('firefox-output', { body: session?.output ?? '' });
  await session?.close();
});

test('a case exported from Firefox verifies; the archive survives a restart', async () => {
  session = await FirefoxSession.start();
  const { dalel } = session;
  await session.openPage(page('Instagram post (hand-made)').url);
  await pressShortcut(session.bidi, 'Alt+Shift+S');
  const [post] = await dalel.waitForCaptures(1);
  const person = await dalel.ok({ type: 'person.create', person: { name: 'Aigerim Example' } });
  const legalCase = await dalel.ok({
    type: 'case.create',
    legalCase: { title: 'Example case', article: 'Art. 405' },
  });
  await dalel.ok({
    type: 'link.add',
    captureId: post.id,
    personId: person.id,
    caseId: legalCase.id,
    category: 'ground',
  });

  const exported = await exportPackage(dalel, { kind: 'case', ids: [legalCase.id] });
  const { fingerprint } = await dalel.ok({ type: 'key.info' });
  expect(exported.fingerprint).toBe(fingerprint);
  const verdict = dalelVerify(exported.bytes, fingerprint);
  expect(verdict.output).toMatch(/VALID/);
  expect(verdict.status, verdict.output).toBe(0);

  const before = {
    captures: await dalel.ok({ type: 'capture.list' }),
    custody: await dalel.ok({ type: 'custody.list' }),
  };
  await session.restart();
  const after = session.dalel;
  expect(await after.ok({ type: 'capture.list' })).toEqual(before.captures);
  expect(await after.ok({ type: 'custody.list' })).toEqual(before.custody);
  expect((await after.ok({ type: 'key.info' })).fingerprint).toBe(fingerprint);
  const check = await after.ok({ type: 'integrity.check', full: true });
  expect(check.ok, JSON.stringify(check.damage)).toBe(true);
  expect((await after.ok({ type: 'capture.get', id: post.id })).links).toHaveLength(1);

  // Firefox keeps no context menu across a restart: Dalel makes it again at start.
  const notice = await session.openPage(page('Instagram "page isn\'t available"').url);
  await contextMenuItem(session.bidi, notice, 'dalel-capture-page');
  await after.waitForCaptures(2);
});
