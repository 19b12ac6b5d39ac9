import { openForCapture, readArtifacts, sha256Ref } from './support/capture';
import { expect, test } from './support/fixtures';
import { CAPTURE_PAGES } from './support/site';

const PASS = 'a long passphrase for captures';

/**
 * A real capture with the passphrase lock on: sealed and stored encrypted (no URL or page bytes
 * in the raw database), read back decrypted byte for byte (every artifact re-hashes to its
 * reference), the full integrity check clean, and refused while locked.
 */
test('captures under the passphrase lock: stored encrypted, read back exactly', async ({
  context,
  extensionId,
  extensionPage,
  send,
}) => {
  expect((await send({ type: 'vault.enable', passphrase: PASS })).ok).toBe(true);
  const target = CAPTURE_PAGES[0]!;
  const { tabId } = await openForCapture(context, extensionId, extensionPage, target.url);
  const run = await send({ type: 'capture.run', tabId });
  expect(run).toMatchObject({ ok: true });
  const { capture } = (await send({ type: 'capture.get', id: run.data.id })).data;
  expect(capture.url).toBe(target.url);
  for (const artifact of await readArtifacts(extensionPage, capture))
    expect(sha256Ref(artifact.bytes), artifact.name).toBe(artifact.sha256);
  expect((await send({ type: 'integrity.check', full: true })).data).toMatchObject({
    ok: true,
    checked: { captures: 1 },
  });

  const raw = await extensionPage.evaluate(async () => {
    const db: IDBDatabase = await new Promise((resolve) => {
      const req = indexedDB.open('dalel');
      req.onsuccess = () => resolve(req.result);
    });
    const out: string[] = [];
    for (const name of ['captures', 'artifacts', 'custody']) {
      const rows: any[] = await new Promise((resolve) => {
        const req = db.transaction(name).objectStore(name).getAll();
        req.onsuccess = () => resolve(req.result);
      });
      for (const row of rows) {
        out.push(JSON.stringify(Object.keys(row)));
        if (row.blob) out.push(await (row.blob as Blob).text());
        if (row.$e) out.push(new TextDecoder('latin1').decode(row.$e));
      }
    }
    db.close();
    return out.join('\n');
  });
  expect(raw).toContain('$e');
  expect(raw).not.toContain('instagram.com');
  expect(raw).not.toContain('DalelPost01');

  await send({ type: 'vault.lock' });
  expect(await send({ type: 'capture.run', tabId })).toMatchObject({ error: { code: 'locked' } });
  expect(await send({ type: 'capture.list' })).toMatchObject({ error: { code: 'locked' } });
});
