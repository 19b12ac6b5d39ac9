// An import's commit without a package (lib/store/repositories/imports-repo.ts): from a signer
// 'aaaa-bbbb', package 'pkg1', nothing counted yet; tests name what they bring.
import type { ImportCommit, ImportCounts } from '../../../lib/store/repositories/imports-repo';

export const zeroCounts = (): ImportCounts => ({
  captures: 0,
  persons: 0,
  cases: 0,
  links: 0,
  artifacts: 0,
});

export function commitOf(over: Partial<ImportCommit>): ImportCommit {
  return {
    captures: [],
    persons: [],
    cases: [],
    links: [],
    packageId: 'pkg1',
    fingerprint: 'aaaa-bbbb',
    signerAccepted: false,
    packageEvent: { signer: 'aaaa-bbbb' },
    imported: zeroCounts(),
    duplicates: zeroCounts(),
    ...over,
  };
}
