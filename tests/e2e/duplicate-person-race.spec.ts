import type { Page } from '@playwright/test';
import { openForCapture } from './support/capture';
import { expect, test } from './support/fixtures';
import { CAPTURE_PAGES } from './support/site';
import { msg } from './ui/catalog';

// A person typed again must be offered as the one already recorded, even when the monitor is
// quicker than the form's list: a second record of one person splits their evidence. The lists
// are held back here (as on a slow, encrypted archive) and the name is entered at once.

const HOLD_MS = 4_000;

/** Holds back every answer to a `type` message on this page (its other messages go through). */
async function holdAnswers(page: Page, type: string): Promise<void> {
  await page.addInitScript(
    ([held, ms]) => {
      const runtime = (globalThis as any).chrome.runtime;
      const send = runtime.sendMessage.bind(runtime);
      runtime.sendMessage = (...args: any[]) => {
        if (args[0]?.type !== held) return send(...args);
        const callback = typeof args.at(-1) === 'function' ? args.pop() : null;
        const answer = new Promise((resolve) => setTimeout(resolve, ms)).then(() => send(...args));
        if (!callback) return answer;
        void answer.then(callback);
      };
    },
    [type, HOLD_MS] as const,
  );
}

test('the tag form offers the recorded person before its list has loaded', async ({
  context,
  extensionId,
  extensionPage,
  send,
}) => {
  const target = CAPTURE_PAGES[0]!;
  const { tabId } = await openForCapture(context, extensionId, extensionPage, target.url);
  const run = await send({ type: 'capture.run', tabId });
  expect(run).toMatchObject({ ok: true });
  await send({ type: 'person.create', person: { name: 'Aliya Nurpeisova' } });

  const page = await context.newPage();
  await holdAnswers(page, 'recent.list');
  await page.goto(`chrome-extension://${extensionId}/dashboard.html#captures/${run.data.id}`);
  await page.getByText(msg('en', 'tagAddMore')).click();
  const persons = page.getByRole('combobox', { name: msg('en', 'tagPersons') });
  await persons.fill('aliya  NURPEISOVA');
  await persons.press('Enter');
  const duplicate = page.getByTestId('duplicate-person');
  await expect(duplicate).toContainText('Aliya Nurpeisova');
  expect((await send({ type: 'person.list' })).data).toHaveLength(1);
});

test('"Add person" offers the recorded person before the list has loaded', async ({
  context,
  extensionId,
  send,
}) => {
  await send({ type: 'person.create', person: { name: 'Aliya Nurpeisova' } });
  const page = await context.newPage();
  await holdAnswers(page, 'person.list');
  await page.goto(`chrome-extension://${extensionId}/dashboard.html#persons`);
  await page.getByLabel(msg('en', 'personName')).fill('ALIYA nurpeisova');
  await page.getByRole('button', { name: msg('en', 'personCreate') }).click();
  await expect(page.getByTestId('duplicate-person')).toContainText('Aliya Nurpeisova');
  expect((await send({ type: 'person.list' })).data).toHaveLength(1);
});
