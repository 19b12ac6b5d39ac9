// The verifier's checks of records against the manifest (lib/evidence/verify-records.ts), each
// tried alone: the package is re-signed after the change, so every hash and the signature are
// right and only the check under test can notice. Mutation testing showed these went unnoticed.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { buildDemoInput } from '../../../lib/demo/demo-input';
import { canonicalBytes } from '../../../lib/evidence/canonical-json';
import { appendEvent, type CustodyDraft } from '../../../lib/evidence/custody';
import { discloseFromLog } from '../../../lib/evidence/custody-disclosure';
import { toBase64 } from '../../../lib/evidence/hex';
import { signRotation } from '../../../lib/evidence/key-rotation';
import { LAYOUT, paths, type Manifest } from '../../../lib/evidence/manifest';
import type { PackageInput } from '../../../lib/evidence/package-input';
import { redactionSeal } from '../../../lib/evidence/redaction-seal';
import { captureSeal } from '../../../lib/evidence/seal';
import { generateSigningKey, type SigningKey } from '../../../lib/evidence/signing';
import type { VerifyOptions } from '../../../lib/evidence/verify';
import type { VerifyReport } from '../../../lib/evidence/verify-report';
import type { Capture } from '../../../lib/model/capture';
import type { CustodyEvent } from '../../../lib/model/custody';
import type { Redaction } from '../../../lib/model/redaction';
import {
  demoPackage,
  get,
  manifestOf,
  NOW,
  repack,
  resign,
  set,
  unpack,
  verifyBytes,
  writeToBytes,
  type Entry,
  redactedInput,
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

const passedOf = (r: VerifyReport, code: string) =>
  r.passed.filter((p) => p.code === code).map((p) => ({ file: p.file, params: p.params }));
const codesOf = (r: VerifyReport) => r.failures.map((f) => f.code);

describe('the custody trail: its files, lines and earlier checkpoints', () => {
  it('a valid package names its captures, custody and tags as sound, with their counts', async () => {
    const report = await verifyEdited(() => {});
    const n = manifest.contents.captures.length;
    expect(passedOf(report, 'captures_ok')).toEqual([{ file: null, params: { count: n } }]);
    expect(passedOf(report, 'captures_sealed_ok')).toEqual([
      { file: LAYOUT.events, params: { count: n } },
    ]);
    expect(passedOf(report, 'links_ok')).toEqual([
      { file: LAYOUT.events, params: { count: manifest.contents.links.length } },
    ]);
    expect(passedOf(report, 'custody_ok')).toEqual([
      {
        file: LAYOUT.events,
        params: {
          count: manifest.custody.disclosed,
          size: manifest.custody.checkpoint.size,
          earlier: 0,
        },
      },
    ]);
  });

  for (const gone of [LAYOUT.events, LAYOUT.proof])
    it(`a package without ${gone} names it missing`, async () => {
      const report = await verifyEdited(
        (m) => {
          m.files = m.files.filter((f) => f.path !== gone);
        },
        entries.filter((e) => e.name !== gone),
      );
      expect(
        report.failures.filter((f) => f.code === 'custody_missing').map((f) => f.file),
      ).toEqual([gone]);
    });

  it('an events file without its last line break reads the same', async () => {
    const bytes = get(entries, LAYOUT.events);
    expect(bytes[bytes.length - 1]).toBe(0x0a);
    const report = await verifyEdited(() => {}, set(entries, LAYOUT.events, bytes.slice(0, -1)));
    expect(report.failures).toEqual([]);
    expect(report.verdict).toBe('valid');
  });

  it('an unreadable or malformed event line is named with its line number', async () => {
    const lines = new TextDecoder().decode(get(entries, LAYOUT.events)).trimEnd().split('\n');
    for (const [bad, code] of [
      ['{"a":1, "b":2}', null],
      ['{"a":1}', null],
    ] as const) {
      const edited = [...lines];
      edited[2] = bad;
      const report = await verifyEdited(
        () => {},
        set(entries, LAYOUT.events, new TextEncoder().encode(`${edited.join('\n')}\n`)),
      );
      const onEvents = report.failures.filter((f) => f.file === LAYOUT.events);
      expect(onEvents[0]?.where, String(code)).toEqual({ code: 'at_line', params: { line: 3 } });
      expect(report.verdict).toBe('invalid');
    }
  });

  it('a record not in canonical form is named without a line', async () => {
    const item = manifest.contents.cases[0]!;
    const text = new TextDecoder().decode(get(entries, item.path));
    const spaced = new TextEncoder().encode(text.replace(':', ': '));
    const report = await verifyEdited(() => {}, set(entries, item.path, spaced));
    const failures = report.failures.filter((f) => f.file === item.path);
    expect(failures).toHaveLength(1);
    expect(failures[0]!.where).toBeUndefined();
  });

  it('an earlier checkpoint this log extends passes; another fails', async () => {
    const checkpoint = manifest.custody.checkpoint;
    const zip = await repack(await resign(entries, key));
    const other = { ...checkpoint, root: OTHER_HASH };
    const report = await verifyBytes(zip, {
      pinnedKey: key.fingerprint,
      earlier: [
        { checkpoint, signer: key.fingerprint },
        { checkpoint: other, signer: key.fingerprint },
      ],
    });
    expect(passedOf(report, 'earlier_ok')).toEqual([
      { file: LAYOUT.proof, params: { size: checkpoint.size } },
    ]);
    expect(report.failures.map((f) => [f.file, f.code, f.params])).toEqual([
      [LAYOUT.proof, 'earlier_bad', { size: checkpoint.size, root: OTHER_HASH }],
    ]);
  });

  it('an earlier checkpoint is not confirmed by a log whose proof fails', async () => {
    const checkpoint = manifest.custody.checkpoint;
    // The manifest's checkpoint changed, re-signed: the events no longer prove against it.
    const zip = await repack(
      await resign(entries, key, (m) => {
        m.custody.checkpoint = { ...m.custody.checkpoint, head: OTHER_HASH };
      }),
    );
    const report = await verifyBytes(zip, {
      pinnedKey: key.fingerprint,
      earlier: [{ checkpoint: { ...checkpoint, head: OTHER_HASH }, signer: key.fingerprint }],
    });
    expect(passedOf(report, 'earlier_ok')).toEqual([]);
    expect(codesOf(report)).toContain('earlier_bad');
  });
});

describe('a tag with no field of its own', () => {
  it('a link with neither person nor case is refused by its shape', async () => {
    const item = manifest.contents.links[0]!;
    const link = JSON.parse(new TextDecoder().decode(get(entries, item.path))) as Record<
      string,
      unknown
    >;
    const report = await verifyEdited(
      () => {},
      set(entries, item.path, canonicalBytes({ ...link, personId: null, caseId: null })),
    );
    expect(report.failures.filter((f) => f.file === item.path).map((f) => f.code)).toEqual([
      'shape_value',
    ]);
  });
});

// ---------------------------------------------------------------------------------------------
// Withheld originals and redacted copies.

describe('withheld originals', () => {
  /** The first capture's first artifact left out of the package and listed as withheld. */
  function withhold(edit: (w: NonNullable<Manifest['withheld']>[number]) => void, keep = false) {
    const capture = manifest.contents.captures[0]!;
    const prefix = capture.path.replace(/capture\.json$/, '');
    const file = manifest.files.find((f) => f.path.startsWith(prefix) && f.path !== capture.path)!;
    const w: NonNullable<Manifest['withheld']>[number] = {
      path: file.path,
      sha256: file.sha256,
      size: file.size,
      mediaType: file.mediaType,
      reason: 'viewer_identity',
      redactedCopy: null,
    };
    edit(w);
    const changed = keep ? entries : entries.filter((e) => e.name !== file.path);
    return {
      file,
      run: () =>
        verifyEdited((m) => {
          if (!keep) m.files = m.files.filter((f) => f.path !== file.path);
          m.withheld = [w];
        }, changed),
    };
  }

  it('a withheld original is listed with its hash, size and reason, and its capture holds', async () => {
    const { file, run } = withhold(() => {});
    const report = await run();
    expect(report.failures).toEqual([]);
    expect(passedOf(report, 'withheld_listed')).toEqual([
      {
        file: file.path,
        params: { sha256: file.sha256, size: file.size, reason: 'viewer_identity', copy: null },
      },
    ]);
  });

  it('a withheld original listed with another hash or size than its capture recorded fails', async () => {
    for (const edit of [
      (w: { sha256: string }) => void (w.sha256 = OTHER_HASH),
      (w: { size: number }) => void (w.size += 1),
    ]) {
      const { file, run } = withhold(edit as (w: unknown) => void);
      const report = await run();
      expect(report.failures.map((f) => [f.file, f.code])).toEqual([
        [file.path, 'artifact_differs'],
        [null, 'captures_failed'],
      ]);
    }
  });

  it('a file both withheld and included is named', async () => {
    const { file, run } = withhold(() => {}, true);
    const report = await run();
    expect(report.failures.map((f) => [f.file, f.code])).toEqual([
      [file.path, 'withheld_included'],
    ]);
    expect(passedOf(report, 'withheld_listed')).toEqual([]);
  });
});

describe('redacted copies', () => {
  let red: { entries: Entry[]; key: SigningKey; redaction: Redaction; input: PackageInput };

  beforeAll(async () => {
    const k = await generateSigningKey();
    const { input, redaction } = await redactedInput(k);
    red = { entries: await unpack(await writeToBytes(input)), key: k, redaction, input };
  });

  /** The redaction record edited, re-sealed, and the package re-signed. */
  async function withRedaction(
    edit: (r: Redaction) => void,
    editManifest: (m: Manifest) => void = () => {},
  ): Promise<VerifyReport> {
    const r = structuredClone(red.redaction);
    edit(r);
    r.seal = await redactionSeal(r);
    const changed = set(red.entries, paths.redaction(red.redaction.id), canonicalBytes(r));
    return verifyBytes(await repack(await resign(changed, red.key, editManifest)), {
      pinnedKey: red.key.fingerprint,
    });
  }
  const at = () => paths.redaction(red.redaction.id);

  it('a sound redacted copy is named with its original and its regions', async () => {
    const report = await withRedaction(() => {});
    expect(report.failures).toEqual([]);
    expect(passedOf(report, 'redaction_ok')).toEqual([
      {
        file: at(),
        params: {
          original: red.redaction.original.name,
          sha256: red.redaction.original.sha256,
          count: 1,
        },
      },
    ]);
  });

  it('a redaction record under another id than its manifest entry is named', async () => {
    const report = await withRedaction(
      () => {},
      (m) => void (m.contents.redactions![0]!.id = 'red_not_this_one'),
    );
    expect(report.failures.map((f) => [f.file, f.code, f.params])).toEqual([
      [at(), 'record_id_mismatch', { id: red.redaction.id, expected: 'red_not_this_one' }],
    ]);
    expect(passedOf(report, 'redaction_ok')).toEqual([]);
  });

  it('a redaction record edited without re-sealing fails its seal', async () => {
    const r = { ...red.redaction, method: 'edited' };
    const changed = set(red.entries, at(), canonicalBytes(r));
    const report = await verifyBytes(await repack(await resign(changed, red.key)));
    expect(report.failures.map((f) => [f.file, f.code])).toEqual([[at(), 'redaction_seal_bad']]);
    expect(passedOf(report, 'redaction_ok')).toEqual([]);
  });

  it('a redaction of a capture the package does not hold is named', async () => {
    const report = await withRedaction((r) => void (r.captureId = 'cap_not_in_this_package'));
    const codes = report.failures.filter((f) => f.file === at()).map((f) => [f.code, f.params]);
    expect(codes).toContainEqual(['redaction_capture_absent', { id: 'cap_not_in_this_package' }]);
    expect(passedOf(report, 'redaction_ok')).toEqual([]);
  });

  it('a redaction of another capture of the package names its original unknown', async () => {
    const other = red.input.captures[1]!;
    const report = await withRedaction((r) => void (r.captureId = other.id));
    const codes = report.failures.filter((f) => f.file === at()).map((f) => f.code);
    expect(codes).toContain('redaction_original_unknown');
    expect(codes).not.toContain('redaction_capture_absent');
  });

  it('an original named by another artifact or with another hash is unknown', async () => {
    const capture = red.input.captures[0]!;
    const otherName = capture.artifacts.find((a) => a.name !== red.redaction.original.name)!.name;
    for (const edit of [
      (r: Redaction) => void (r.original.sha256 = OTHER_HASH),
      (r: Redaction) => void (r.original.name = otherName),
    ]) {
      const report = await withRedaction(edit);
      expect(report.failures.map((f) => [f.file, f.code])).toEqual([
        [at(), 'redaction_original_unknown'],
      ]);
      expect(passedOf(report, 'redaction_ok')).toEqual([]);
    }
  });

  it('a redacted copy whose name, hash or size differs from the record is named', async () => {
    for (const edit of [
      (r: Redaction) => void (r.derived.sha256 = OTHER_HASH),
      (r: Redaction) => void (r.derived.size += 1),
      (r: Redaction) => void (r.derived.name = 'redacted/not-here.png'),
    ]) {
      const report = await withRedaction(edit);
      expect(report.failures.map((f) => [f.file, f.code])).toEqual([
        [at(), 'redaction_copy_differs'],
      ]);
    }
  });

  it('the redaction failures name the original and the copy they looked for', async () => {
    const { original, captureId, derived } = red.redaction;
    const unknown = await withRedaction((r) => void (r.original.sha256 = OTHER_HASH));
    expect(unknown.failures.map((f) => f.params)).toEqual([
      { name: original.name, sha256: OTHER_HASH, id: captureId },
    ]);
    const differs = await withRedaction((r) => void (r.derived.size += 1));
    expect(differs.failures.map((f) => f.params)).toEqual([
      { path: paths.artifact(captureId, derived.name) },
    ]);
  });
});

describe('a withheld original’s redacted copy', () => {
  // "Protect me" on: the screenshot is withheld and its redacted copy named in its place.
  let prot: { entries: Entry[]; key: SigningKey; redaction: Redaction; input: PackageInput };

  beforeAll(async () => {
    const k = await generateSigningKey();
    const { input, redaction } = await redactedInput(k, true);
    prot = { entries: await unpack(await writeToBytes(input)), key: k, redaction, input };
  });

  const shot = () => paths.artifact(prot.redaction.captureId, prot.redaction.original.name);
  const copy = () => paths.artifact(prot.redaction.captureId, prot.redaction.derived.name);

  /** The package re-signed after `edit` of its manifest (and of its entries). */
  async function verifyProtected(
    edit: (m: Manifest) => void,
    entries: Entry[] = prot.entries,
  ): Promise<VerifyReport> {
    return verifyBytes(await repack(await resign(entries, prot.key, edit)), {
      pinnedKey: prot.key.fingerprint,
    });
  }

  it('is named with the withheld original when its redaction record proves it', async () => {
    const report = await verifyProtected(() => {});
    expect(report.failures).toEqual([]);
    expect(passedOf(report, 'withheld_listed').find((p) => p.file === shot())?.params).toEqual(
      expect.objectContaining({ copy: copy() }),
    );
  });

  it('a copy the package does not hold, or holds as something else, is not vouched for', async () => {
    const capture = prot.input.captures[0]!;
    const elsewhere = [
      paths.artifact(capture.id, 'redacted/not-here.png'),
      // In the package, but not a redaction of this original: the capture's own record.
      paths.capture(capture.id),
    ];
    for (const named of elsewhere) {
      const report = await verifyProtected((m) => {
        m.withheld!.find((w) => w.path === shot())!.redactedCopy = named;
      });
      expect(report.failures.map((f) => [f.file, f.code, f.params])).toEqual([
        [shot(), 'withheld_copy_unproven', { copy: named }],
      ]);
      expect(passedOf(report, 'withheld_listed').map((p) => p.file)).not.toContain(shot());
    }
  });

  it('the copy check reads its key afresh (`copyOf`, a module-level constant, for mutation testing)', async () => {
    const named = paths.artifact(prot.input.captures[0]!.id, 'redacted/not-here.png');
    const zip = await repack(
      await resign(prot.entries, prot.key, (m) => {
        m.withheld!.find((w) => w.path === shot())!.redactedCopy = named;
      }),
    );
    vi.resetModules();
    const { verifyPackage } = await import('../../../lib/evidence/verify');
    const { bytesSource } = await import('../../../lib/evidence/zip/source');
    const report = await verifyPackage(bytesSource(zip), { pinnedKey: prot.key.fingerprint });
    expect(report.failures.map((f) => [f.file, f.code])).toEqual([
      [shot(), 'withheld_copy_unproven'],
    ]);
  });

  it('a copy whose redaction record fails is not vouched for either', async () => {
    const r = structuredClone(prot.redaction);
    r.derived.size += 1;
    r.seal = await redactionSeal(r);
    const at = paths.redaction(r.id);
    const report = await verifyProtected(() => {}, set(prot.entries, at, canonicalBytes(r)));
    expect(report.failures.map((f) => [f.file, f.code])).toEqual([
      [at, 'redaction_copy_differs'],
      [shot(), 'withheld_copy_unproven'],
    ]);
  });
});

// ---------------------------------------------------------------------------------------------
// The custody events against the records: a package written from an edited log, all disclosed.

type Draft = CustodyDraft;

/**
 * The demo package (its events by `actor`) signed by `signer`, its custody log the demo's
 * disclosed events re-chained after `edit`, all disclosed: the events file, proof and checkpoint
 * are put in after writing (the writer refuses some of these logs), then the package re-signed.
 */
async function packageWithLog(
  edit: (drafts: Draft[], actor: SigningKey) => Draft[] | Promise<Draft[]>,
  options: { actor?: SigningKey; signer?: SigningKey } = {},
): Promise<Uint8Array> {
  const actor = options.actor ?? key;
  const signer = options.signer ?? key;
  const input = await buildDemoInput(actor, NOW);
  const drafts = input.custody.events.map(
    ({ seq: _s, prevHash: _p, hash: _h, ...d }) => d as Draft,
  );
  const log: CustodyEvent[] = [];
  for (const d of await edit(drafts, actor))
    log.push(await appendEvent(d, log[log.length - 1] ?? null));
  const { checkpoint, proof } = await discloseFromLog(log, log);
  const written = await unpack(await writeToBytes({ ...input, signer }));
  const lines = log.map((e) => `${new TextDecoder().decode(canonicalBytes(e))}\n`).join('');
  const changed = set(
    set(written, LAYOUT.events, new TextEncoder().encode(lines)),
    LAYOUT.proof,
    canonicalBytes(proof),
  );
  return repack(
    await resign(changed, signer, (m) => {
      m.custody.checkpoint = checkpoint;
      m.custody.disclosed = log.length;
    }),
  );
}

const verifyLog = (
  edit: Parameters<typeof packageWithLog>[0],
  options: Parameters<typeof packageWithLog>[1] & { verify?: VerifyOptions } = {},
) =>
  packageWithLog(edit, options).then((zip) =>
    verifyBytes(zip, options.verify ?? { pinnedKey: (options.signer ?? key).fingerprint }),
  );

/** The drafts with the first one matching `which` changed by `edit`. */
function editFirst(
  drafts: Draft[],
  which: (d: Draft) => boolean,
  edit: (d: Draft) => Draft,
): Draft[] {
  const i = drafts.findIndex(which);
  expect(i).toBeGreaterThanOrEqual(0);
  return drafts.map((d, j) => (j === i ? edit(structuredClone(d)) : d));
}

const isCaptured = (d: Draft) => d.type === 'captured';
const isTagged = (d: Draft) => d.type === 'tagged';

describe('each capture against the event it entered custody with', () => {
  it('the log re-chained as it is verifies (the baseline of the cases below)', async () => {
    const report = await verifyLog((d) => d);
    expect(report.failures).toEqual([]);
    expect(report.verdict).toBe('valid');
  });

  it('an imported capture: by an import actor or our key, with or without its URL, holds', async () => {
    for (const change of [
      (d: Draft, k: SigningKey) => ({ ...d, type: 'imported', actor: `import:${k.fingerprint}` }),
      (d: Draft) => ({ ...d, type: 'imported' }),
      (d: Draft, k: SigningKey) => {
        const { url: _u, ...data } = d.data;
        return { ...d, type: 'imported', actor: `import:${k.fingerprint}`, data };
      },
    ]) {
      const report = await verifyLog((ds, k) =>
        editFirst(ds, isCaptured, (d) => change(d, k) as Draft),
      );
      expect(report.failures).toEqual([]);
      expect(passedOf(report, 'captures_sealed_ok')).toHaveLength(1);
    }
  });

  it('a captured event by an import actor, or an import by a malformed one, is named', async () => {
    const other = await generateSigningKey();
    for (const [type, actor] of [
      ['captured', `import:${key.fingerprint}`],
      ['imported', `import:${key.fingerprint.toUpperCase()}`],
      ['imported', `import:${key.fingerprint}-0000`],
      ['imported', `ximport:${key.fingerprint}`],
      ['imported', `import:`],
      ['imported', other.fingerprint],
    ] as const) {
      const report = await verifyLog((ds) =>
        editFirst(ds, isCaptured, (d) => ({ ...d, type, actor })),
      );
      expect(codesOf(report), `${type} ${actor}`).toEqual(['capture_event_actor']);
      expect(passedOf(report, 'captures_sealed_ok')).toEqual([]);
    }
  });

  it('an imported event with another URL is named', async () => {
    const report = await verifyLog((ds) =>
      editFirst(ds, isCaptured, (d) => ({
        ...d,
        type: 'imported',
        data: { ...d.data, url: 'https://example.org/elsewhere' },
      })),
    );
    expect(codesOf(report)).toEqual(['capture_event_url']);
  });

  it('a capture whose entry event is of another kind, subject or type is named', async () => {
    for (const change of [
      (d: Draft) => ({ ...d, subject: { ...d.subject, kind: 'person' } }),
      (d: Draft) => ({ ...d, subject: { ...d.subject, id: 'cap_someone_else' } }),
      (d: Draft) => ({ ...d, type: 'exported' }),
    ]) {
      const report = await verifyLog((ds) => editFirst(ds, isCaptured, change as never));
      expect(codesOf(report)).toEqual(['capture_no_entry_event']);
      expect(passedOf(report, 'captures_sealed_ok')).toEqual([]);
    }
  });

  it('the record checks read IMPORT_ACTOR afresh (a static constant, for mutation testing)', async () => {
    const zips = await Promise.all([
      packageWithLog((ds, k) =>
        editFirst(ds, isCaptured, (d) => ({
          ...d,
          type: 'imported',
          actor: `import:${k.fingerprint}`,
        })),
      ),
      packageWithLog((ds, k) =>
        editFirst(ds, isCaptured, (d) => ({
          ...d,
          type: 'imported',
          actor: `import:${k.fingerprint}x`,
        })),
      ),
      packageWithLog((ds, k) =>
        editFirst(ds, isCaptured, (d) => ({
          ...d,
          type: 'imported',
          actor: `yimport:${k.fingerprint}`,
        })),
      ),
    ]);
    vi.resetModules();
    const { verifyPackage } = await import('../../../lib/evidence/verify');
    const { bytesSource } = await import('../../../lib/evidence/zip/source');
    const codes = [];
    for (const zip of zips)
      codes.push(
        (await verifyPackage(bytesSource(zip), { pinnedKey: key.fingerprint })).failures.map(
          (f) => f.code,
        ),
      );
    expect(codes).toEqual([[], ['capture_event_actor'], ['capture_event_actor']]);
  });
});

describe('each tag against its tagged event', () => {
  const report = (edit: (d: Draft) => Draft) => verifyLog((ds) => editFirst(ds, isTagged, edit));

  it('a tagged event differing in any field the tag has is not its event', async () => {
    for (const [name, change] of [
      ['type', (d: Draft) => ({ ...d, type: 'untagged' })],
      ['subject kind', (d: Draft) => ({ ...d, subject: { ...d.subject, kind: 'person' } })],
      ['subject id', (d: Draft) => ({ ...d, subject: { ...d.subject, id: 'cap_other' } })],
      ['linkId', (d: Draft) => ({ ...d, data: { ...d.data, linkId: 'lnk_other' } })],
      ['personId', (d: Draft) => ({ ...d, data: { ...d.data, personId: 'per_other' } })],
      ['caseId', (d: Draft) => ({ ...d, data: { ...d.data, caseId: 'case_other' } })],
      ['category', (d: Draft) => ({ ...d, data: { ...d.data, category: 'other' } })],
      ['note', (d: Draft) => ({ ...d, data: { ...d.data, note: 'another note' } })],
    ] as const) {
      const r = await report(change as (d: Draft) => Draft);
      expect(codesOf(r), name).toContain('link_no_event');
      expect(passedOf(r, 'links_ok'), name).toEqual([]);
    }
  });

  it('a tag untagged later is named; an untagging before it, or of another tag, is not', async () => {
    const untag = (d: Draft, linkId: unknown): Draft => ({
      at: d.at,
      actor: d.actor,
      type: 'untagged',
      subject: d.subject,
      data: { linkId },
    });
    const later = await verifyLog((ds) => {
      const t = ds.find(isTagged)!;
      return [...ds, untag(t, t.data.linkId)];
    });
    expect(codesOf(later)).toEqual(['link_untagged']);
    expect(passedOf(later, 'links_ok')).toEqual([]);
    const earlier = await verifyLog((ds) => {
      const i = ds.findIndex(isTagged);
      return [...ds.slice(0, i), untag(ds[i]!, ds[i]!.data.linkId), ...ds.slice(i)];
    });
    expect(earlier.failures).toEqual([]);
    const another = await verifyLog((ds) => [...ds, untag(ds.find(isTagged)!, 'lnk_other')]);
    expect(another.failures).toEqual([]);
  });

  it('a tag made by an import actor holds; by a foreign key it is named', async () => {
    const imported = await report((d) => ({ ...d, actor: `import:${key.fingerprint}` }));
    expect(imported.failures).toEqual([]);
    const other = await generateSigningKey();
    const foreign = await report((d) => ({ ...d, actor: other.fingerprint }));
    expect(codesOf(foreign)).toEqual(['link_event_actor']);
    expect(passedOf(foreign, 'links_ok')).toEqual([]);
  });
});

/** A key_rotated event from `previous` to `next`, signed by `by` (or unsigned). */
async function rotated(previous: SigningKey, next: SigningKey, by: SigningKey | null) {
  const rotation = by
    ? await signRotation(
        { ...by, fingerprint: previous.fingerprint, publicKeyRaw: previous.publicKeyRaw },
        next,
        NOW,
      )
    : undefined;
  return {
    at: NOW.toISOString(),
    actor: next.fingerprint,
    type: 'key_rotated',
    subject: { kind: 'key', id: next.fingerprint },
    data: {
      algorithm: 'Ed25519',
      fingerprint: next.fingerprint,
      publicKey: toBase64(next.publicKeyRaw),
      previous: previous.fingerprint,
      ...(rotation ? { rotation } : {}),
    },
  } as Draft;
}

describe("the signer's earlier keys, from the key_rotated events", () => {
  it('captures by a key two signed handovers back hold, and the old pin confirms the signer', async () => {
    const b = await generateSigningKey();
    const c = await generateSigningKey();
    // In the log's order A→B comes before B→C: following them back from C takes two rounds.
    const zip = await packageWithLog(
      async (ds, a) => [...ds, await rotated(a, b, a), await rotated(b, c, b)],
      { signer: c },
    );
    const report = await verifyBytes(zip, { pinnedKey: key.fingerprint });
    expect(report.failures).toEqual([]);
    expect(report.pinned).toBe('rotated');
    expect(report.verdict).toBe('valid');
    expect(passedOf(report, 'rotation_ok').map((p) => p.params)).toEqual([
      { previous: key.fingerprint, next: b.fingerprint, seq: expect.any(Number) },
      { previous: b.fingerprint, next: c.fingerprint, seq: expect.any(Number) },
    ]);
  });

  it("an unsigned handover is a note and confirms no pin; its keys still count as the signer's", async () => {
    const b = await generateSigningKey();
    const zip = await packageWithLog(async (ds, a) => [...ds, await rotated(a, b, null)], {
      signer: b,
    });
    const unpinned = await verifyBytes(zip, {});
    expect(unpinned.failures).toEqual([]);
    expect(unpinned.notes.map((n) => n.code)).toContain('rotation_unsigned');
    expect(passedOf(unpinned, 'captures_sealed_ok')).toHaveLength(1);
    const pinned = await verifyBytes(zip, { pinnedKey: key.fingerprint });
    expect(pinned.pinned).toBe('mismatch');
  });

  it('a handover signed by another key than the previous one fails', async () => {
    const b = await generateSigningKey();
    const impostor = await generateSigningKey();
    const zip = await packageWithLog(async (ds, a) => [...ds, await rotated(a, b, impostor)], {
      signer: b,
    });
    const report = await verifyBytes(zip, { pinnedKey: key.fingerprint });
    expect(report.failures.map((f) => [f.code, f.params])).toEqual([
      [
        'rotation_bad',
        {
          previous: key.fingerprint,
          next: b.fingerprint,
          seq: expect.any(Number),
          reason: 'bad_signature',
        },
      ],
      ['pin_mismatch', expect.anything()],
    ]);
    expect(report.pinned).toBe('mismatch');
  });

  it('a handover in a log that does not prove against the checkpoint confirms no pin', async () => {
    const b = await generateSigningKey();
    const entriesB = await unpack(
      await packageWithLog(async (ds, a) => [...ds, await rotated(a, b, a)], { signer: b }),
    );
    const forged = await resign(entriesB, b, (m) => {
      m.custody.checkpoint = { ...m.custody.checkpoint, root: OTHER_HASH };
    });
    const report = await verifyBytes(await repack(forged), { pinnedKey: key.fingerprint });
    expect(report.verdict).toBe('invalid');
    expect(report.pinned).toBe('mismatch');
    expect(passedOf(report, 'rotation_ok')).toEqual([]);
    expect(passedOf(report, 'captures_sealed_ok')).toEqual([]);
  });
});

describe('the record checks, sharper (mutation testing found these unnoticed)', () => {
  /** A key change signed by the key it hands over from, or unsigned. */
  const keyRotated = (previous: SigningKey, next: SigningKey, signed: boolean) =>
    rotated(previous, next, signed ? previous : null);

  it('a log without key changes notes none', async () => {
    const report = await verifyLog((d) => d);
    expect(report.notes.map((n) => n.code)).not.toContain('rotation_unsigned');
    expect(passedOf(report, 'rotation_ok')).toEqual([]);
  });

  it('an unreadable (blank) line leaves the log unproven: its handovers confirm no pin', async () => {
    const b = await generateSigningKey();
    const written = await unpack(
      await packageWithLog(async (ds, a) => [...ds, await keyRotated(a, b, true)], { signer: b }),
    );
    const lines = new TextDecoder().decode(get(written, LAYOUT.events));
    const blank = new TextEncoder().encode(`\n${lines}`);
    const forged = await resign(set(written, LAYOUT.events, blank), b);
    const report = await verifyBytes(await repack(forged), { pinnedKey: key.fingerprint });
    expect(report.failures[0]!.where).toEqual({ code: 'at_line', params: { line: 1 } });
    expect(report.pinned).toBe('mismatch');
    expect(passedOf(report, 'rotation_ok')).toEqual([]);
  });

  it("a key change between two keys not the signer's makes neither the signer's", async () => {
    const x = await generateSigningKey();
    const y = await generateSigningKey();
    const report = await verifyLog(async (ds) => [...ds, await keyRotated(x, y, true)], {
      actor: x,
    });
    expect(codesOf(report)).toEqual(expect.arrayContaining(['capture_event_actor']));
    expect(passedOf(report, 'captures_sealed_ok')).toEqual([]);
  });

  it("only key_rotated events make keys the signer's, not another event naming its key", async () => {
    const report = await verifyLog((ds) => [
      ...editFirst(ds, isCaptured, (d) => ({ ...d, actor: 'undefined' })),
      {
        at: NOW.toISOString(),
        actor: key.fingerprint,
        type: 'key_created',
        subject: { kind: 'key', id: key.fingerprint },
        data: { fingerprint: key.fingerprint },
      } as Draft,
    ]);
    expect(codesOf(report)).toEqual(['capture_event_actor']);
  });

  it('a captured event without its URL is named, with what each says', async () => {
    let id = '';
    let seq = -1;
    const report = await verifyLog((ds) => {
      const i = ds.findIndex(isCaptured);
      id = ds[i]!.subject.id;
      seq = i;
      return editFirst(ds, isCaptured, (d) => {
        const { url: _u, ...data } = d.data;
        return { ...d, data };
      });
    });
    const capture = manifest.contents.captures.find((c) => c.id === id)!;
    expect(report.failures.map((f) => [f.code, f.params])).toEqual([
      ['capture_event_url', { id, eventUrl: 'undefined', url: capture.url, seq }],
    ]);
  });

  it('the actor failures name the event, its actor and its place', async () => {
    const other = await generateSigningKey();
    let id = '';
    let seq = -1;
    const capture = await verifyLog((ds) => {
      seq = ds.findIndex(isCaptured);
      id = ds[seq]!.subject.id;
      return editFirst(ds, isCaptured, (d) => ({ ...d, actor: other.fingerprint }));
    });
    expect(capture.failures.map((f) => [f.code, f.params])).toEqual([
      ['capture_event_actor', { id, actor: other.fingerprint, seq }],
    ]);
    let linkId: unknown;
    const tag = await verifyLog((ds) => {
      seq = ds.findIndex(isTagged);
      linkId = ds[seq]!.data.linkId;
      return editFirst(ds, isTagged, (d) => ({ ...d, actor: other.fingerprint }));
    });
    expect(tag.failures.map((f) => [f.code, f.params])).toEqual([
      ['link_event_actor', { id: linkId, actor: other.fingerprint, seq }],
    ]);
    const untagged = await verifyLog((ds) => {
      const t = ds.find(isTagged)!;
      linkId = t.data.linkId;
      seq = ds.length;
      return [...ds, { ...t, type: 'untagged', data: { linkId } }];
    });
    expect(untagged.failures.map((f) => [f.code, f.params])).toEqual([
      ['link_untagged', { id: linkId, seq }],
    ]);
  });

  it('a package without captures or tags does not call them sound', async () => {
    const report = await verifyEdited(
      (m) => {
        m.contents.captures = [];
        m.contents.links = [];
        m.files = m.files.filter(
          (f) => !f.path.startsWith('captures/') && !f.path.startsWith('records/links/'),
        );
      },
      entries.filter(
        (e) => !e.name.startsWith('captures/') && !e.name.startsWith('records/links/'),
      ),
    );
    expect(passedOf(report, 'captures_sealed_ok')).toEqual([]);
    expect(passedOf(report, 'links_ok')).toEqual([]);
    expect(passedOf(report, 'captures_ok')).toEqual([{ file: null, params: { count: 0 } }]);
  });
});

// ---------------------------------------------------------------------------------------------
// What each record failure says, exactly: the code, the place and the parameters a lawyer reads.

describe('what the record checks say, exactly', () => {
  it('a record listed but not in the package is "missing", not unreadable', async () => {
    const item = manifest.contents.cases[0]!;
    const report = await verifyEdited(
      () => {},
      entries.filter((e) => e.name !== item.path),
    );
    expect(report.failures.filter((f) => f.file === item.path).map((f) => f.code)).toEqual([
      'file_listed_missing',
      'record_missing',
    ]);
  });

  it('a capture record changed without a new seal fails its seal, and counts as a failed capture', async () => {
    const item = manifest.contents.captures[0]!;
    const capture = JSON.parse(new TextDecoder().decode(get(entries, item.path))) as Capture;
    capture.artifacts[0]!.mediaType = 'image/x-edited';
    const report = await verifyEdited(() => {}, set(entries, item.path, canonicalBytes(capture)));
    expect(report.failures.map((f) => [f.file, f.code, f.params])).toEqual([
      [item.path, 'capture_seal_bad', {}],
      [null, 'captures_failed', { count: 1 }],
    ]);
    expect(passedOf(report, 'captures_ok')).toEqual([]);
  });

  it('an unreadable event line is named once, not also for its shape', async () => {
    const lines = new TextDecoder().decode(get(entries, LAYOUT.events)).trimEnd().split('\n');
    lines[2] = 'not json';
    const report = await verifyEdited(
      () => {},
      set(entries, LAYOUT.events, new TextEncoder().encode(`${lines.join('\n')}\n`)),
    );
    const atLine3 = report.failures.filter(
      (f) => f.file === LAYOUT.events && f.where?.code === 'at_line' && f.where.params.line === 3,
    );
    expect(atLine3.map((f) => f.code)).toEqual(['json_invalid']);
  });

  it('an event changed in place is named at its sequence number, and the log is not called sound', async () => {
    const lines = new TextDecoder().decode(get(entries, LAYOUT.events)).trimEnd().split('\n');
    const event = JSON.parse(lines[1]!) as CustodyEvent;
    event.at = '2020-01-01T00:00:00.000Z';
    lines[1] = new TextDecoder().decode(canonicalBytes(event));
    const report = await verifyEdited(
      () => {},
      set(entries, LAYOUT.events, new TextEncoder().encode(`${lines.join('\n')}\n`)),
    );
    const onEvents = report.failures.filter((f) => f.file === LAYOUT.events);
    expect(onEvents.map((f) => [f.code, f.where])).toContainEqual([
      'custody_hash',
      { code: 'at_event', params: { seq: event.seq } },
    ]);
    expect(passedOf(report, 'custody_ok')).toEqual([]);
  });

  it('a capture without the event it entered custody with is named by its id', async () => {
    const report = await verifyLog((ds) => ds.filter((d) => !isCaptured(d)));
    const capture = manifest.contents.captures[0]!;
    expect(report.failures.map((f) => [f.code, f.params])).toContainEqual([
      'capture_no_entry_event',
      { id: capture.id },
    ]);
  });

  it('a later event naming the same tag that is not an untagging does not untag it', async () => {
    const report = await verifyLog((ds) => {
      const t = ds.find(isTagged)!;
      // The same tag made again later: still tagged.
      return [...ds, structuredClone(t)];
    });
    expect(codesOf(report)).toEqual([]);
    expect(passedOf(report, 'links_ok')).toHaveLength(1);
  });
});

describe('a redaction record listed but not in the package', () => {
  it('is named missing, and the rest of the package is still checked', async () => {
    const k = await generateSigningKey();
    const { input, redaction } = await redactedInput(k);
    const at = paths.redaction(redaction.id);
    const all = await unpack(await writeToBytes(input));
    const report = await verifyBytes(
      await repack(
        await resign(
          all.filter((e) => e.name !== at),
          k,
        ),
      ),
      { pinnedKey: k.fingerprint },
    );
    expect(report.failures.filter((f) => f.file === at).map((f) => f.code)).toEqual([
      'file_listed_missing',
      'record_missing',
    ]);
    expect(passedOf(report, 'custody_ok')).toHaveLength(1);
  });
});
