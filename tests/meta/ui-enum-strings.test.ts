import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FAILURE_REASONS, TRIGGERS } from '../../lib/capture/trigger-failure';
import { SCOPE_KINDS } from '../../lib/evidence/manifest';
import { STAMP_FAILURES, type StampFailure } from '../../lib/evidence/timestamp/stamp';
import { LOCKER_ERROR_CODES } from '../../lib/locker/errors';
import type { VerifyReport } from '../../lib/evidence/verify-report';
import { CAPTURE_STAGES } from '../../lib/messaging/messages/capture';
import { exportProgressSchema } from '../../lib/messaging/messages/evidence';
import { artifactRefSchema } from '../../lib/model/capture';
import { CUSTODY_EVENT_TYPES, custodySubjectSchema } from '../../lib/model/custody';
import { CASE_STATUSES, OFFICIAL_ROLES } from '../../lib/model/legal-case';
import { LINK_CATEGORIES } from '../../lib/model/link';
import { ACCOUNT_STATES, NOTICE_TYPES, PLATFORMS, RECORD_KINDS } from '../../lib/platforms/record';
import { repoRoot } from '../support/shared-fixtures';
import { CHANGE_FIELDS } from '../../components/dashboard/persons/change-text';

// The UI builds these keys from enum values (`t(\`platform_${p}\`)`), which the literal-key scan
// in locales.test.ts cannot see: every value of every enum must have its string.
// Values that exist only as TypeScript unions are listed here, and the `satisfies` + `Exact`
// checks below make tsc fail if the union and the list ever differ.
type Exact<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
const VERDICTS = ['valid', 'unconfirmed', 'invalid', 'unreadable'] as const;
const PINNED = ['match', 'rotated', 'mismatch', 'unpinned'] as const;
const verdictsExact: Exact<(typeof VERDICTS)[number], VerifyReport['verdict']> = true;
const pinnedExact: Exact<(typeof PINNED)[number], VerifyReport['pinned']> = true;
const stampExact: Exact<(typeof STAMP_FAILURES)[number], StampFailure> = true;
const DYNAMIC: Record<string, readonly string[]> = {
  platform_: PLATFORMS,
  kind_: RECORD_KINDS,
  state_: ACCOUNT_STATES,
  notice_: NOTICE_TYPES,
  category_: LINK_CATEGORIES,
  status_: CASE_STATUSES,
  role_official_: OFFICIAL_ROLES,
  role_: artifactRefSchema.shape.role.options,
  event_: CUSTODY_EVENT_TYPES,
  subject_: custodySubjectSchema.shape.kind.options,
  // The account timeline's compared fields (components/dashboard/persons/change-text.ts).
  change_: CHANGE_FIELDS.map((f) => f.replace('.', '_')),
  stage_: CAPTURE_STAGES,
  exportKind_: SCOPE_KINDS,
  exportPhase_: exportProgressSchema.shape.phase.options,
  verdict_: VERDICTS,
  pinned_: PINNED,
  lockerError_: LOCKER_ERROR_CODES,
  // The last failed shortcut / context-menu capture (components/popup/last-failure.tsx).
  failureReason_: FAILURE_REASONS,
  lastFailureVia_: TRIGGERS,
  // Why a TSA gave no token (export summary, the capture time-stamp queue).
  stampFailure_: STAMP_FAILURES,
};

const english = JSON.parse(
  readFileSync(path.join(repoRoot, 'public/_locales/en/messages.json'), 'utf8'),
) as Record<string, unknown>;

describe('strings built from enum values', () => {
  it('lists the verdicts, pin states and stamp failures there are (also checked by tsc)', () => {
    expect([verdictsExact, pinnedExact, stampExact]).toEqual([true, true, true]);
  });

  for (const [prefix, values] of Object.entries(DYNAMIC))
    it(`has ${prefix}* for every value`, () => {
      expect(values.map((v) => `${prefix}${v}`).filter((k) => !english[k])).toEqual([]);
    });
});
