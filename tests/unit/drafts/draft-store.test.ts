import { describe, expect, it } from 'vitest';
import {
  DraftStore,
  draftKeys,
  scrubLegacyLocalStorage,
  type LocalArea,
  type SessionArea,
} from '../../../lib/drafts/draft-store';

function sessionArea(): SessionArea & { data: Map<string, unknown> } {
  const data = new Map<string, unknown>();
  return {
    data,
    get: async (keys) =>
      Object.fromEntries(
        [...data].filter(
          ([k]) => keys === null || (Array.isArray(keys) ? keys : [keys]).includes(k),
        ),
      ),
    set: async (items) => void Object.entries(items).forEach(([k, v]) => data.set(k, v)),
    remove: async (keys) =>
      void (Array.isArray(keys) ? keys : [keys]).forEach((k) => data.delete(k)),
  };
}

/** localStorage as a log of every write, so a test can see what was written before a delete. */
function localArea(
  initial: Record<string, string>,
): LocalArea & { writes: [string, string | null][] } {
  const data = new Map(Object.entries(initial));
  const writes: [string, string | null][] = [];
  return {
    writes,
    get length() {
      return data.size;
    },
    key: (i) => [...data.keys()][i] ?? null,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void (writes.push([k, v]), data.set(k, v)),
    removeItem: (k) => void (writes.push([k, null]), data.delete(k)),
  };
}

describe('popup drafts', () => {
  it('keeps the sealed capture and the tag draft in session storage, and clears only drafts', async () => {
    const area = sessionArea();
    const drafts = new DraftStore(area);
    await drafts.save(draftKeys.capture(7), { url: 'https://x.com/a', id: 'cap_1', seal: 's' });
    await drafts.save(draftKeys.tags('cap_1'), { note: 'unsaved note' });
    await area.set({ vaultSession: 'the key' });
    expect(await drafts.load(draftKeys.capture(7))).toMatchObject({ id: 'cap_1' });
    await drafts.clearAll();
    expect([...area.data.keys()]).toEqual(['vaultSession']);
    expect(await drafts.load(draftKeys.tags('cap_1'))).toBeNull();
  });

  it('scrubs what older versions left in localStorage: overwritten, deleted, then pushed out', async () => {
    const local = localArea({
      'dalel.popup.capture.3': '{"url":"https://www.instagram.com/p/Secret/"}',
      'dalel.popup.tags.cap_1': '{"note":"witness lives at"}',
      'other.key': 'kept',
    });
    const scrub = scrubLegacyLocalStorage(local, 300 * 1024, 10);
    expect(scrub.removed).toBe(2);
    expect(local.getItem('other.key')).toBe('kept');
    // Filler under fresh keys stays until the browser has written it, then goes.
    expect(local.length).toBe(1 + 3);
    await scrub.done;
    expect(local.length).toBe(1);
    // Each old value was overwritten with different text of the same length before its delete.
    const overwrite = local.writes.find(([k, v]) => k === 'dalel.popup.capture.3' && v !== null)!;
    expect(overwrite[1]).toHaveLength('{"url":"https://www.instagram.com/p/Secret/"}'.length);
    expect(overwrite[1]).not.toContain('instagram');
    expect(local.writes.filter(([k]) => k.startsWith('dalel.scrub.')).length).toBe(6); // 3 + 3
    expect(scrubLegacyLocalStorage(local, 1024).removed).toBe(0);
  });
});
