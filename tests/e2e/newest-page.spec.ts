import { expect, sendFrom, test } from './support/fixtures';
import { demoCaptures, seedRecords, writeCaptures } from './ui/demo-data';
import { stopServiceWorker } from './support/worker';

// A worker that has just started answers the unfiltered list from the listings' sealedAt index
// and the page's tags (lib/background/handlers/dashboard.ts); here, in real Chromium's IndexedDB
// through the encryption middleware, that answer is the full index's, tags included.
test('a restarted worker lists the newest page with its tags, as the full index does', async ({
  extensionPage: page,
  context,
}) => {
  const { persons, cases, ok } = await seedRecords(page);
  await writeCaptures(page, demoCaptures(await page.screenshot(), '<p>Saved post</p>'));
  const [aigerim, nurlan] = persons;
  await ok({
    type: 'link.add',
    captureId: 'cap_101',
    personId: aigerim.id,
    caseId: cases[0].id,
    category: 'ground',
    note: '',
  });
  await ok({
    type: 'link.add',
    captureId: 'cap_106',
    personId: nurlan.id,
    caseId: null,
    category: 'hack_evidence',
    note: '',
  });
  const search = async (limit: number) => {
    const answer = await sendFrom(page, { type: 'capture.search', filters: {}, limit });
    expect(answer.ok, JSON.stringify(answer.error)).toBe(true);
    return answer.data;
  };
  // The first list derives every capture's listing and builds the index.
  const full = { 3: await search(3), 100: await search(100) };
  expect(full[100].total).toBe(6);
  for (const limit of [3, 100] as const) {
    await stopServiceWorker(context, page);
    expect(await search(limit), `limit ${limit}, worker just started`).toEqual(full[limit]);
  }
  const tagged = full[100].hits.filter((h: { personIds: string[] }) => h.personIds.length > 0);
  expect(tagged.map((h: { id: string }) => h.id).sort()).toEqual(['cap_101', 'cap_106']);
});
