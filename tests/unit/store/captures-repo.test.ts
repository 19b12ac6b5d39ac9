// Sealed captures (lib/store/repositories/captures-repo.ts) and their bytes (artifacts-repo.ts):
// bytes that do not match the manifest, or are missing, are refused before anything is written;
// bytes two captures share are stored once; the account timeline is oldest first, earlier
// captures of a URL newest first; a missing artifact is named.
import { describe, expect, it } from 'vitest';
import { sampleCapture } from './sample-capture';
import { createTestStore } from './test-store';

async function sealedAt(
  store: ReturnType<typeof createTestStore>['store'],
  id: string,
  day: number,
) {
  const { capture, artifacts } = sampleCapture(id, {
    sealedAt: `2026-05-0${day}T10:00:00.000Z`,
  });
  return store.captures.seal(capture, artifacts);
}

describe('CapturesRepo', () => {
  it('refuses bytes of another size than the manifest says, writing nothing', async () => {
    const { store, db } = createTestStore();
    const { capture, artifacts } = sampleCapture('cap_1');
    const ref = capture.artifacts[0]!;
    const wrong = {
      ...capture,
      artifacts: [{ ...ref, size: ref.size + 1 }, capture.artifacts[1]!],
    };
    await expect(store.captures.seal(wrong, artifacts)).rejects.toThrow(
      `artifact page.html: ${ref.size} bytes, manifest says ${ref.size + 1}`,
    );
    expect(await db.captures.count()).toBe(0);
    expect(await db.artifacts.count()).toBe(0);
    expect(await db.custody.count()).toBe(0);
  });

  it('refuses a manifest entry without bytes, naming it, writing nothing', async () => {
    const { store, db } = createTestStore();
    const { capture, artifacts } = sampleCapture('cap_1');
    const ref = capture.artifacts[0]!;
    const others = artifacts.filter((a) => a.sha256 !== ref.sha256);
    await expect(store.captures.seal(capture, others)).rejects.toThrow(
      `artifact page.html (${ref.sha256}) has no bytes`,
    );
    expect(await db.captures.count()).toBe(0);
    expect(await db.artifacts.count()).toBe(0);
    expect(await db.custody.count()).toBe(0);
  });

  it('stores bytes two captures share once, and keeps the first copy', async () => {
    const { store, db } = createTestStore();
    const one = sampleCapture('cap_1');
    await store.captures.seal(one.capture, one.artifacts);
    const first = await db.artifacts.get(one.artifacts[1]!.sha256);
    // The second capture has the same screenshot as the first.
    const two = sampleCapture('cap_2');
    await store.captures.seal(
      { ...two.capture, artifacts: [two.capture.artifacts[0]!, one.capture.artifacts[1]!] },
      [two.artifacts[0]!, one.artifacts[1]!],
    );
    expect(await db.captures.count()).toBe(2);
    expect(await db.artifacts.count()).toBe(3);
    expect(await db.artifacts.get(one.artifacts[1]!.sha256)).toEqual(first);
  });

  it('orders the account timeline oldest first, a URL’s captures and the list newest first', async () => {
    const { store } = createTestStore();
    // Ids in another order than the seal times, so the index's own order does not pass for it.
    await sealedAt(store, 'cap_a', 2);
    await sealedAt(store, 'cap_b', 3);
    await sealedAt(store, 'cap_c', 1);
    const ids = (cs: { id: string }[]) => cs.map((c) => c.id);
    expect(ids(await store.captures.byAccount('instagram:willyrex'))).toEqual([
      'cap_c',
      'cap_a',
      'cap_b',
    ]);
    expect(ids(await store.captures.byUrl('https://www.instagram.com/p/CPeC-Eenc8l/'))).toEqual([
      'cap_b',
      'cap_a',
      'cap_c',
    ]);
    expect(ids(await store.captures.list())).toEqual(['cap_b', 'cap_a', 'cap_c']);
    expect((await store.captures.ids()).sort()).toEqual(['cap_a', 'cap_b', 'cap_c']);
    expect(await store.captures.byAccount('instagram:nobody')).toEqual([]);
  });
});

describe('ArtifactsRepo', () => {
  it('names an artifact that is not stored instead of answering no bytes', async () => {
    const { store } = createTestStore();
    const key = `sha256:${'cd'.repeat(32)}`;
    await expect(store.artifacts.blob(key)).rejects.toThrow(
      `artifact ${key} is missing from the store`,
    );
  });
});
