// The verifier's checks of records against the manifest (lib/evidence/verify-records.ts), each
// tried alone: the package is re-signed after the change, so every hash and the signature are
// right and only the check under test can notice. Mutation testing showed these went unnoticed.
import { beforeAll, describe, expect, it } from 'vitest';
import { canonicalBytes } from '../../../lib/evidence/canonical-json';
import { LAYOUT, type Manifest } from '../../../lib/evidence/manifest';
import { captureSeal } from '../../../lib/evidence/seal';
import type { SigningKey } from '../../../lib/evidence/signing';
import type { VerifyReport } from '../../../lib/evidence/verify-report';
import type { Capture } from '../../../lib/model/capture';
import {
  demoPackage,
  get,
  manifestOf,
  repack,
  resign,
  set,
  unpack,
  verifyBytes,
  type Entry,
} from './package-fixture';

let key: SigningKey;
let entries: Entry[];
let manifest: Manifest;

beforeAll(async () => {
  const demo = await demoPackage();
  key = demo.key;
  entries = await unpack(demo.zip);
  manifest = manifestOf(entries);
});

const OTHER_HASH = `sha256:${'ab'.repeat(32)}`;

async function verifyEdited(
  edit: (m: Manifest) => void,
  changed: Entry[] = entries,
): Promise<VerifyReport> {
  // Pinned to the signing key: only a confirmed signer makes a package "valid" (issue 12).
  return verifyBytes(await repack(await resign(changed, key, edit)), {
    pinnedKey: key.fingerprint,
  });
}

const failuresOf = (r: VerifyReport, file: string | null) =>
  r.failures.filter((f) => f.file === file).map((f) => f.message);

describe('a capture record against its manifest entry', () => {
  it('the untouched, re-signed package is valid (the baseline of every case below)', async () => {
    const report = await verifyEdited(() => {});
    expect(report.failures).toEqual([]);
    expect(report.verdict).toBe('valid');
  });

  for (const field of ['url', 'sealedAt', 'seal', 'id'] as const)
    it(`a manifest entry whose ${field} differs from the record is named`, async () => {
      const item = manifest.contents.captures[0]!;
      const value = {
        url: 'https://example.org/not-the-post',
        sealedAt: '2020-01-01T00:00:00.000Z',
        seal: OTHER_HASH,
        id: 'cap_not_this_one',
      }[field];
      const report = await verifyEdited((m) => {
        m.contents.captures[0]![field] = value;
      });
      expect(report.verdict).toBe('invalid');
      expect(failuresOf(report, item.path)).toContain('record does not match its manifest entry');
      expect(failuresOf(report, null)).toContain('1 captures failed their record checks');
    });
});

describe('a capture record against the files of the package', () => {
  /** The first capture's record edited, re-sealed (so its seal is right) and re-listed. */
  async function withCapture(
    edit: (c: Capture) => void,
  ): Promise<{ report: VerifyReport; capture: Capture }> {
    const item = manifest.contents.captures[0]!;
    const capture = JSON.parse(new TextDecoder().decode(get(entries, item.path))) as Capture;
    edit(capture);
    capture.seal = await captureSeal(capture);
    const changed = set(entries, item.path, canonicalBytes(capture));
    const report = await verifyEdited((m) => {
      m.contents.captures[0]!.seal = capture.seal;
    }, changed);
    return { report, capture };
  }

  it('an artifact whose recorded size differs from the file is named, though its hash matches', async () => {
    const { report, capture } = await withCapture((c) => {
      c.artifacts[0]!.size += 1;
    });
    const path = `captures/${capture.id}/${capture.artifacts[0]!.name}`;
    expect(failuresOf(report, path)).toEqual([
      `differs from the hash recorded at capture time (${capture.artifacts[0]!.sha256})`,
    ]);
    expect(failuresOf(report, manifest.contents.captures[0]!.path)).toEqual([]);
  });

  it('an artifact whose recorded hash differs from the file is named', async () => {
    const { report, capture } = await withCapture((c) => {
      c.artifacts[0]!.sha256 = OTHER_HASH;
    });
    const path = `captures/${capture.id}/${capture.artifacts[0]!.name}`;
    expect(failuresOf(report, path)).toEqual([
      `differs from the hash recorded at capture time (${OTHER_HASH})`,
    ]);
  });

  it('an artifact the record names but the package lacks is named', async () => {
    const { report, capture } = await withCapture((c) => {
      c.artifacts.push({ ...c.artifacts[0]!, name: 'missing.png' });
    });
    expect(failuresOf(report, `captures/${capture.id}/missing.png`)).toEqual([
      'artifact of the capture is not in the package',
    ]);
    expect(failuresOf(report, null)).toContain('1 captures failed their record checks');
  });
});

describe('other records against the manifest', () => {
  for (const kind of ['cases', 'persons', 'links'] as const)
    it(`a ${kind} record under another id than its manifest entry is named`, async () => {
      const item = manifest.contents[kind][0]!;
      const report = await verifyEdited((m) => {
        m.contents[kind][0]!.id = 'not-the-record-id';
      });
      expect(failuresOf(report, item.path)).toEqual([
        `record id ${item.id} is not not-the-record-id`,
      ]);
    });
});

describe('the custody trail against the manifest', () => {
  it('a disclosed count that is not the number of events is named', async () => {
    const n = manifest.custody.disclosed;
    const report = await verifyEdited((m) => {
      m.custody.disclosed = n + 1;
    });
    expect(failuresOf(report, LAYOUT.events)).toContain(`${n} events, manifest says ${n + 1}`);
  });
});

describe('path names in the manifest', () => {
  it('an unsafe path listed in the manifest is named as such, not only as missing', async () => {
    const report = await verifyEdited((m) => {
      m.files.push({ ...m.files[0]!, path: '../outside.json' });
    });
    const codes = report.failures.filter((f) => f.file === '../outside.json').map((f) => f.code);
    expect(codes).toEqual(['name_traversal', 'file_listed_missing']);
  });
});
