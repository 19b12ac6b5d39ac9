// One test of "is the storage full?" for both places that ask it: the captures repository (which
// turns it into StoreFullError) and the router (which answers `storage_full`).
import { describe, expect, it } from 'vitest';
import { isStorageFull, StoreFullError } from '../../../lib/store/storage-full';
import { sampleCapture } from './sample-capture';
import { createTestStore } from './test-store';

const named = (name: string, message = name) => Object.assign(new Error(message), { name });

describe('isStorageFull', () => {
  it('recognises a quota error, a full disk and our own error, also when wrapped', () => {
    expect(isStorageFull(named('QuotaExceededError'))).toBe(true);
    expect(isStorageFull(new StoreFullError(new Error('x')))).toBe(true);
    // Chromium on a full disk (tests/e2e/reliability-quota.spec.ts).
    expect(isStorageFull(named('DataError', 'Failed to write blobs (IOError)'))).toBe(true);
    expect(isStorageFull(named('UnknownError', 'No space left on device'))).toBe(true);
    // Dexie wraps in `.inner`, others in `.cause`.
    expect(
      isStorageFull(Object.assign(named('AbortError'), { inner: named('QuotaExceededError') })),
    ).toBe(true);
    expect(isStorageFull(new Error('outer', { cause: named('DataError', 'IOError') }))).toBe(true);
  });

  it('is false for other errors, and stops on a cycle', () => {
    expect(isStorageFull(named('ConstraintError', 'Key already exists'))).toBe(false);
    expect(isStorageFull(null)).toBe(false);
    expect(isStorageFull('QuotaExceededError')).toBe(false);
    const loop: { name: string; message: string; inner?: unknown } = named('AbortError');
    loop.inner = loop;
    expect(isStorageFull(loop)).toBe(false);
  });
});

describe('sealing a capture on a full disk', () => {
  it('throws StoreFullError for a disk-full IOError as for a quota error, and writes nothing', async () => {
    for (const cause of [
      named('QuotaExceededError'),
      named('DataError', 'Failed to write blobs (IOError)'),
    ]) {
      const { db, store } = createTestStore();
      const { capture, artifacts } = sampleCapture('cap_full');
      db.captures.hook('creating', () => {
        throw cause;
      });
      const error = await store.captures.seal(capture, artifacts).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(StoreFullError);
      expect((error as StoreFullError).cause).toBeDefined();
      expect(await store.captures.get('cap_full')).toBeUndefined();
      expect(await store.custody.count()).toBe(0);
    }
  });
});
