// integrity.md D5: Chromium deletes an IndexedDB database it finds corrupt (and a restored
// profile can roll one back). The extension then starts on an empty store that looks healthy
// from the inside; the custody witness in storage.local makes the loss visible and recorded.
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { stopServiceWorker } from './support/worker';

const SCREENS = 'test-results/screens';

function witness(page: Page): Promise<{ size: number; head: string } | undefined> {
  return page.evaluate(
    async () =>
      (await (globalThis as any).chrome.storage.local.get('custodyWitness')).custodyWitness,
  );
}

test('the database deleted under the extension: the dashboard says records are missing, the acknowledgement is logged, a wipe forgets it (D5)', async ({
  context,
  extensionPage: page,
  send,
}) => {
  for (const name of ['A', 'B', 'C']) await send({ type: 'person.create', person: { name } });
  const head = (await send({ type: 'custody.list' })).data.at(-1);
  await expect.poll(async () => (await witness(page))?.size).toBe(head.seq + 1);

  // What the browser does to a corrupt database: it is gone when the worker next starts.
  await stopServiceWorker(context, page);
  const deleted = await page.evaluate(
    () =>
      new Promise<string>((resolve) => {
        const req = indexedDB.deleteDatabase('dalel');
        req.onsuccess = () => resolve('deleted');
        req.onblocked = () => resolve('blocked');
        req.onerror = () => resolve('error');
      }),
  );
  expect(deleted).toBe('deleted');
  await page.reload();

  const alert = page.getByTestId('archive-loss');
  await expect(alert).toBeVisible();
  await expect(alert).toContainText('Records are missing from the archive');
  await expect(alert).toContainText(`: ${head.seq + 1}; now: 1)`);
  await expect(alert.getByRole('link', { name: 'Open Import' })).toHaveAttribute('href', '#import');
  await page.screenshot({ path: `${SCREENS}/archive-loss-en.png`, fullPage: true });
  // The store itself really is fresh: nothing of the old archive answers.
  expect((await send({ type: 'person.list' })).data).toEqual([]);
  // Writing to the new store does not move the witness over the loss.
  await send({ type: 'person.create', person: { name: 'D' } });
  expect((await witness(page))?.head).toBe(head.hash);

  await alert.getByRole('button', { name: /record this and continue/ }).click();
  await expect(alert).toHaveCount(0);
  const log = (await send({ type: 'custody.list' })).data;
  expect(log.at(-1)).toMatchObject({
    type: 'loss_acknowledged',
    data: { witnessed: { size: head.seq + 1, head: head.hash }, kind: 'archive_lost' },
  });
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Captures', exact: true })).toBeVisible();
  await expect(page.getByTestId('archive-loss')).toHaveCount(0);

  // After a panic wipe nothing may tell that an archive existed.
  expect((await send({ type: 'vault.wipe', confirm: 'WIPE' })).ok).toBe(true);
  expect(await witness(page)).toBeUndefined();
});
