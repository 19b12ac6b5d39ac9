import type { Migration } from './migration';

/**
 * v7 adds `redactions`: redacted working copies of a capture's screenshots and snapshot (the
 * monitor's own identity covered), each a derived artifact naming its original's hash and the
 * regions covered (lib/model/redaction.ts). Indexed by capture. No row changes.
 */
export const v7: Migration = {
  version: 7,
  stores: {
    redactions: 'id, captureId',
  },
};
