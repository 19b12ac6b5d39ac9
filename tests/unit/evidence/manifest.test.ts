// The package's layout and the manifest's shape (lib/evidence/manifest.ts): where each record
// lives in a package (README.txt tells a lawyer these paths, so they are a published format),
// the package id's exact form, and a withheld file's fields. All of them are module-level
// constants: each test imports the module afresh, so a mutation test can change them (a static
// mutant counts as covered only by a test that evaluates it, not by a hook).
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { Manifest } from '../../../lib/evidence/manifest';
import { parseShape } from '../../../lib/evidence/shape';
import { basePackage } from './support/hostile-packages';

let manifest: Manifest;
beforeAll(async () => {
  manifest = (await basePackage()).manifest;
});

const fresh = () => {
  vi.resetModules();
  return import('../../../lib/evidence/manifest');
};

/** The issues `manifestShape` finds in the sound manifest after `edit`. */
const issuesAfter = async (edit: (m: Record<string, unknown>) => void) => {
  const { manifestShape } = await fresh();
  const copy = structuredClone(manifest) as unknown as Record<string, unknown>;
  edit(copy);
  const parsed = parseShape(manifestShape, copy);
  return parsed.ok ? [] : parsed.issues;
};

describe('where each record lives', () => {
  it('captures, their files, cases, persons, links and redactions', async () => {
    const { paths } = await fresh();
    expect([
      paths.capture('cap_1'),
      paths.artifact('cap_1', 'page.html'),
      paths.case('case_2'),
      paths.person('per_3'),
      paths.link('lnk_4'),
      paths.redaction('red_5'),
    ]).toEqual([
      'captures/cap_1/capture.json',
      'captures/cap_1/page.html',
      'records/cases/case_2.json',
      'records/persons/per_3.json',
      'records/links/lnk_4.json',
      'records/redactions/red_5.json',
    ]);
  });
});

describe('the manifest shape', () => {
  it('the sound manifest passes', async () => {
    expect(await issuesAfter(() => {})).toEqual([]);
  });

  it('a package id is exactly 32 lowercase hex digits: nothing before, nothing after', async () => {
    const id = manifest.packageId;
    for (const packageId of [`x${id}`, `${id}x`, id.slice(1), id.toUpperCase()]) {
      expect(await issuesAfter((m) => (m.packageId = packageId)), packageId).toEqual([
        { code: 'shape_format', params: { path: 'packageId', format: 'package id' } },
      ]);
    }
  });

  it('a withheld file must say what it is, its hash, size, type and why', async () => {
    const withheld = {
      path: 'captures/cap_1/screenshot-full.png',
      sha256: `sha256:${'a'.repeat(64)}`,
      size: 10,
      mediaType: 'image/png',
      reason: 'viewer_identity',
      redactedCopy: null,
    };
    expect(await issuesAfter((m) => (m.withheld = [withheld]))).toEqual([]);
    for (const field of Object.keys(withheld)) {
      const partial: Record<string, unknown> = { ...withheld };
      delete partial[field];
      const issues = await issuesAfter((m) => (m.withheld = [partial]));
      expect(issues.length, field).toBeGreaterThan(0);
      expect(JSON.stringify(issues), field).toContain(`withheld.0.${field}`);
    }
  });
});
