import { expect, sendFrom, test } from './support/fixtures';
import { launchWithExtension } from './support/launch';
import { fire } from './support/worker';

/**
 * The browser is closed while writes are in flight (the tab and the whole process go away).
 * After reopening the same profile the store opens, every record is whole or absent, and the
 * full integrity check is clean.
 */
test('browser closed mid-write: the store reopens clean (D1, D3)', async () => {
  const first = await launchWithExtension();
  const page = await first.context.newPage();
  await page.goto(`chrome-extension://${first.extensionId}/dashboard.html`);
  expect((await sendFrom(page, { type: 'person.create', person: { name: 'Kept' } })).ok).toBe(true);
  await page.evaluate(() => {
    const w = globalThis as any;
    for (let i = 0; i < 80; i++)
      void w.chrome.runtime.sendMessage({
        type: 'person.create',
        person: { name: `Burst ${i}`, notes: 'c'.repeat(50_000) },
      });
  });
  await fire(page, { type: 'person.create', person: { name: 'Last' } });
  await first.context.close();

  const second = await launchWithExtension({ userDataDir: first.userDataDir });
  const again = await second.context.newPage();
  await again.goto(`chrome-extension://${second.extensionId}/dashboard.html`);
  const persons = (await sendFrom(again, { type: 'person.list' })).data as any[];
  const custody = (await sendFrom(again, { type: 'custody.list' })).data as any[];
  const created = custody.filter((e) => e.type === 'person_created').map((e) => e.subject.id);
  expect(new Set(created)).toEqual(new Set(persons.map((p) => p.id)));
  expect(persons.map((p) => p.name)).toContain('Kept');
  console.info(`browser close: ${persons.length - 1} of 81 in-flight writes had committed`);
  const report = (await sendFrom(again, { type: 'integrity.check', full: true })).data;
  expect(report).toMatchObject({ ok: true, damage: [] });
  await second.context.close();
});
