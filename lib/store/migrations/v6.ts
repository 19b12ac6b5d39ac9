import type { Migration } from './migration';

/**
 * v6 adds `stampQueue`: capture-time time-stamp requests waiting for their TSA (offline, or the
 * TSA down), one row per capture and TSA, keyed `<captureId> <url>`. No upgrade: it starts empty.
 */
export const v6: Migration = {
  version: 6,
  stores: {
    stampQueue: 'id, captureId',
  },
};
