// Backup of the whole archive from the dashboard (integrity.md D6): Export → Everything, and
// the backup status it leaves behind.
import { openForCapture } from './support/capture';
import { expect, test } from './support/fixtures';
import { CAPTURE_PAGES } from './support/site';

const SCREENS = 'test-results/screens';

test('Export → Everything makes a backup package; the backup status follows it', async ({
  context,
  extensionId,
  extensionPage,
  send,
}) => {
  const post = CAPTURE_PAGES.find((p) => p.handmade === 'site/instagram-post.html')!;
  const { tabId } = await openForCapture(context, extensionId, extensionPage, post.url);
  expect((await send({ type: 'capture.run', tabId })).ok).toBe(true);
  expect((await send({ type: 'backup.status' })).data).toMatchObject({
    lastBackupAt: null,
    captures: 1,
    notBackedUp: 1,
  });

  const dash = await context.newPage();
  await dash.goto(`chrome-extension://${extensionId}/dashboard.html#export/all`);
  await expect(dash.getByLabel('Everything: a backup of the whole archive')).toBeChecked();
  await expect(dash.getByTestId('backup-status')).toHaveText('No complete backup yet.');
  await dash.getByRole('button', { name: 'Create signed package' }).click();
  await expect(dash.getByTestId('export-summary')).toBeVisible({ timeout: 30_000 });
  await expect(dash.getByTestId('backup-status')).toContainText('Last complete backup:');
  await expect(dash.getByTestId('backup-status')).toContainText('Captures since: 0');
  await dash.screenshot({ path: `${SCREENS}/export-backup-en.png`, fullPage: true });

  const status = (await send({ type: 'backup.status' })).data;
  expect(status).toMatchObject({ captures: 1, notBackedUp: 0 });
  const log = (await send({ type: 'custody.list' })).data;
  expect(log.at(-1)).toMatchObject({
    type: 'exported',
    at: status.lastBackupAt,
    data: { scope: 'all' },
  });
});
