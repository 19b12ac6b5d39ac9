// What verifyPackage (lib/evidence/verify.ts) reports, check by check, with the numbers and names
// each check carries: a sound package's list of passes, the verdict with and without a pinned
// key, continuity with an earlier package, signature files missing, listed files of another size
// or hash, a manifest of the wrong shape, the unsigned annex (no checker, a refusing checker, an
// unreadable entry, its size limit and place), the package's trusted time, capture-time tokens,
// a revoked signing key, and the verify.html comparison. Fast (built in memory), so the mutation
// target `verify-package` can afford them.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { UNSIGNED_ANNEX, type AnnexChecker } from '../../../lib/evidence/annex';
import { fromHex } from '../../../lib/evidence/hex';
import { LAYOUT } from '../../../lib/evidence/manifest';
import { makeRevocation } from '../../../lib/evidence/revocation';
import { sha256, sha256Ref } from '../../../lib/evidence/sha256';
import { parseCertificate, pemCertificates } from '../../../lib/evidence/timestamp/x509';
import { verifyPackage, type VerifyOptions } from '../../../lib/evidence/verify';
import type { VerifyReport } from '../../../lib/evidence/verify-report';
import { bytesSource } from '../../../lib/evidence/zip/source';
import { forgeToken } from '../../support/tsa/forge';
import { makeTestPki, type TestPki } from '../../support/tsa/pki';
import { resign } from './package-fixture';
import { asBuildEntries, basePackage, type Base } from './support/hostile-packages';
import { buildZip, type BuildEntry } from './support/zip-builder';

let base: Base;
beforeAll(async () => {
  base = await basePackage();
});

const verify = (zip: Uint8Array, options: VerifyOptions = {}) =>
  verifyPackage(bytesSource(zip), { pinnedKey: base.key.fingerprint, ...options });
const codes = (checks: VerifyReport['failures']) => checks.map((c) => [c.file, c.code]);
const listedBytes = () => base.manifest.files.reduce((n, f) => n + f.size, 0);
const without = (name: string) => asBuildEntries(base).filter((e) => e.name !== name);
const replaced = (name: string, data: Uint8Array) =>
  asBuildEntries(base).map((e) => (e.name === name ? { ...e, data } : e));
const stored = (name: string, data: Uint8Array): BuildEntry => ({ name, data, deflate: false });
/** The sound package with these entries after it, as a stamped package carries its annex. */
const withAnnex = (annex: BuildEntry[]) => buildZip([...asBuildEntries(base), ...annex]);
const signatureBytes = () => base.entries.find((e) => e.name === LAYOUT.signature)!.data;

describe('a sound package', () => {
  it('passes each check once, with the counts it checked, and says what it read', async () => {
    const report = await verify(base.zip);
    expect(report.failures).toEqual([]);
    expect(report.notes).toEqual([]);
    const passed = report.passed.map((p) => [p.file, p.code, p.params]);
    expect(passed[0]).toEqual([null, 'zip_sound', { count: base.entries.length }]);
    expect(passed).toContainEqual([LAYOUT.manifest, 'manifest_ok', {}]);
    expect(passed).toContainEqual([null, 'files_ok', { count: base.manifest.files.length }]);
    expect(passed.at(-1)).toEqual([null, 'container_dalel', {}]);
    expect(new Set(passed.map(([, code]) => code)).size).toBe(passed.length);
    expect(report).toMatchObject({
      verdict: 'valid',
      fingerprint: base.key.fingerprint,
      pinned: 'match',
      container: 'dalel',
      files: base.entries.length,
      bytes: listedBytes(),
      timestamps: { tokens: [], earliest: null, captures: {} },
      revocation: null,
    });
    expect(report.manifest).toEqual(base.manifest);
  });

  it('without a pinned key the same package is unconfirmed, never valid', async () => {
    const report = await verifyPackage(bytesSource(base.zip));
    expect([report.verdict, report.pinned, report.fingerprint, report.failures]).toEqual([
      'unconfirmed',
      'unpinned',
      base.key.fingerprint,
      [],
    ]);
  });

  it('signed by another key than the pinned one: invalid, the signer still named', async () => {
    const report = await verify(base.zip, { pinnedKey: '0000-0000-0000-0000-0000-0000-0000-0000' });
    expect([report.verdict, report.pinned, report.fingerprint]).toEqual([
      'invalid',
      'mismatch',
      base.key.fingerprint,
    ]);
  });
});

describe('an earlier package of the same log', () => {
  const earlier = () => [
    { checkpoint: base.manifest.custody.checkpoint, signer: base.key.fingerprint },
  ];

  it('signed by the same key: continuity passes, naming both keys', async () => {
    const report = await verify(base.zip, { earlier: earlier() });
    expect(report.passed.map((p) => [p.code, p.params])).toContainEqual([
      'continuity_same',
      { fingerprint: base.key.fingerprint, earlier: base.key.fingerprint },
    ]);
  });

  it('under a signature that does not verify, continuity is not judged at all', async () => {
    const forged = signatureBytes().slice();
    forged[10]! ^= 0x01;
    const report = await verify(buildZip(replaced(LAYOUT.signature, forged)), {
      earlier: earlier(),
    });
    expect(report.verdict).toBe('invalid');
    const continuity = [...report.passed, ...report.failures].filter((c) =>
      c.code.startsWith('continuity_'),
    );
    expect(continuity).toEqual([]);
  });
});

describe('the signature files', () => {
  it('no manifest: "missing", nothing listed is checked, no time stamps are read', async () => {
    const report = await verify(buildZip(without(LAYOUT.manifest)));
    expect(codes(report.failures)).toContainEqual([LAYOUT.manifest, 'file_missing']);
    expect(report.passed.map((p) => p.code)).not.toContain('files_ok');
    expect([report.verdict, report.manifest, report.timestamps, report.bytes]).toEqual([
      'invalid',
      null,
      null,
      0,
    ]);
    // Nothing to confirm the signer against: neither matched nor mismatched.
    expect(report.pinned).toBe('unpinned');
    expect(report.files).toBe(base.entries.length - 1);
  });

  it('each of the other three missing: "signature file missing", named', async () => {
    for (const name of [LAYOUT.statement, LAYOUT.signature, LAYOUT.publicKey]) {
      const report = await verify(buildZip(without(name)));
      expect(codes(report.failures), name).toContainEqual([name, 'signature_file_missing']);
      expect(codes(report.failures), name).not.toContainEqual([name, 'file_missing']);
      expect(report.verdict, name).toBe('invalid');
    }
  });

  it('a signature file over its size limit is refused unread, as a ZIP failure on that file', async () => {
    const report = await verify(buildZip(replaced(LAYOUT.signature, new Uint8Array(1025))));
    const failure = report.failures.find((f) => f.file === LAYOUT.signature);
    expect(failure?.code).toMatch(/^zip_/);
    expect(report.fingerprint).toBeNull();
    expect(report.verdict).toBe('invalid');
  });

  it('a signature file named twice is read from neither copy: no signer is named', async () => {
    const signature = asBuildEntries(base).find((e) => e.name === LAYOUT.signature)!;
    const report = await verify(buildZip([...asBuildEntries(base), signature]));
    expect(report.failures.map((f) => f.file)).toContain(LAYOUT.signature);
    expect([report.verdict, report.fingerprint]).toEqual(['invalid', null]);
    expect(report.passed.map((p) => p.code)).not.toContain('signature_ok');
  });

  it('a manifest of the wrong shape reports at most twenty of its problems', async () => {
    const entries = await resign(base.entries, base.key, (m) => {
      (m as { files: unknown[] }).files = Array.from({ length: 30 }, (_, i) => ({ path: i }));
    });
    const data = new Map(entries.map((e) => [e.name, e.data]));
    const report = await verify(
      buildZip(asBuildEntries(base).map((e) => ({ ...e, data: data.get(e.name)! }))),
    );
    const onManifest = report.failures.filter((f) => f.file === LAYOUT.manifest);
    expect(onManifest).toHaveLength(20);
    expect(onManifest.every((f) => f.code.startsWith('shape_'))).toBe(true);
    expect(report.manifest).toBeNull();
    expect(report.passed.map((p) => p.code)).not.toContain('manifest_ok');
  });
});

describe('the listed files', () => {
  const artifact = () => base.manifest.files.find((f) => f.path.endsWith('.png'))!;

  it('another size: "size" with both sizes, and the count of files that failed', async () => {
    const listed = artifact();
    const longer = new Uint8Array(listed.size + 5).fill(1);
    const report = await verify(buildZip(replaced(listed.path, longer)));
    expect(report.failures.map((f) => [f.file, f.code, f.params])).toEqual([
      [listed.path, 'file_size', { size: listed.size + 5, listed: listed.size }],
      [null, 'files_failed', { failed: 1, count: base.manifest.files.length }],
    ]);
    expect(report.bytes).toBe(listedBytes() + 5);
  });

  it('the same size, other bytes: "hash" with both hashes', async () => {
    const listed = artifact();
    const other = new Uint8Array(listed.size).fill(2);
    const report = await verify(buildZip(replaced(listed.path, other)));
    expect(report.failures.map((f) => [f.file, f.code, f.params])).toEqual([
      [listed.path, 'file_hash', { hash: sha256Ref(await sha256(other)), listed: listed.sha256 }],
      [null, 'files_failed', { failed: 1, count: base.manifest.files.length }],
    ]);
  });

  it('a listed file missing counts as failed among the files', async () => {
    const listed = artifact();
    const report = await verify(buildZip(without(listed.path)));
    expect(report.failures.map((f) => [f.file, f.code, f.params])).toEqual(
      expect.arrayContaining([
        [listed.path, 'file_listed_missing', {}],
        [null, 'files_failed', { failed: 1, count: base.manifest.files.length }],
      ]),
    );
  });
});

describe('the unsigned annex', () => {
  const junk = new Uint8Array([0x30, 0x03, 0x02, 0x01, 0x00]);
  const twoTokens = () => [stored('timestamps/1.tsr', junk), stored('timestamps/2.tsr', junk)];

  it('with no checker every annex file fails, named with the directory, and none is read', async () => {
    const report = await verify(withAnnex(twoTokens()), { annex: null });
    expect(report.failures.map((f) => [f.file, f.code, f.params])).toEqual([
      ['timestamps/1.tsr', 'annex_unchecked', { dir: 'timestamps/' }],
      ['timestamps/2.tsr', 'annex_unchecked', { dir: 'timestamps/' }],
    ]);
    expect(report.notes.map((n) => n.code)).not.toContain('annex_present');
    expect(report.timestamps!.tokens).toEqual([]);
  });

  it('a file the checker refuses is not judged as a token; the others are', async () => {
    const seen: string[] = [];
    const refuseTwo: AnnexChecker = async (files, context) => {
      seen.push(...files.map((f) => f.name));
      expect(context.signature).toEqual(signatureBytes());
      expect(context.manifest).toEqual(base.manifest);
      context.checks.fail('timestamps/2.tsr', 'annex_entry_bad', {
        dir: 'timestamps/',
        max: 64,
        maxSize: 1,
      });
    };
    const report = await verify(withAnnex(twoTokens()), { annex: refuseTwo });
    expect(seen).toEqual(['timestamps/1.tsr', 'timestamps/2.tsr']);
    expect(report.notes.map((n) => [n.file, n.code, n.params])).toEqual([
      [null, 'annex_present', { count: 2, dir: 'timestamps/' }],
      ['timestamps/1.tsr', 'timestamp_not_trusted', { reason: 'unparsable' }],
    ]);
    expect(report.timestamps!.tokens.map((t) => t.file)).toEqual(['timestamps/1.tsr']);
    expect(report.verdict).toBe('invalid');
  });

  it('up to 64 annex files are read; with a 65th, every one is refused', async () => {
    const files = (n: number) =>
      Array.from({ length: n }, (_, i) => stored(`timestamps/${i + 1}.tsr`, junk));
    const admit = { annex: async () => {} };
    const full = await verify(withAnnex(files(64)), admit);
    expect(full.failures).toEqual([]);
    expect(full.notes.find((n) => n.code === 'annex_present')?.params).toEqual({
      count: 64,
      dir: 'timestamps/',
    });
    const over = await verify(withAnnex(files(65)), admit);
    expect(over.failures.map((f) => [f.code, f.params])).toEqual(
      Array.from({ length: 65 }, () => [
        'annex_entry_bad',
        { dir: 'timestamps/', max: 64, maxSize: 1024 * 1024 },
      ]),
    );
  });

  it('an annex entry that does not read (bad CRC) fails as a ZIP error and never reaches the checker', async () => {
    const marker = new Uint8Array(40).fill(0x5a);
    const zip = withAnnex([stored('timestamps/1.tsr', marker)]);
    const at = Buffer.from(zip).indexOf(Buffer.from(marker));
    zip[at + 3]! ^= 0xff;
    const seen: string[] = [];
    const report = await verify(zip, {
      annex: async (files) => void seen.push(...files.map((f) => f.name)),
    });
    expect(seen).toEqual([]);
    expect(report.failures.map((f) => f.file)).toEqual(['timestamps/1.tsr']);
    expect(report.failures[0]!.code).toMatch(/^zip_/);
    expect(report.notes.map((n) => [n.code, n.params])).toContainEqual([
      'annex_present',
      { count: 0, dir: 'timestamps/' },
    ]);
  });
});

describe('the unsigned annex, at its edges', () => {
  const admit = { annex: async () => {} };
  const { maxSize } = UNSIGNED_ANNEX;

  it('a file of exactly the size limit is read; one byte more is refused unread', async () => {
    const seen: number[] = [];
    const sizes: VerifyOptions = {
      annex: async (files) => void seen.push(...files.map((f) => f.bytes.length)),
    };
    const atLimit = await verify(
      withAnnex([stored('timestamps/1.tsr', new Uint8Array(maxSize))]),
      sizes,
    );
    expect([atLimit.failures, seen]).toEqual([[], [maxSize]]);
    const over = await verify(
      withAnnex([stored('timestamps/1.tsr', new Uint8Array(maxSize + 1))]),
      sizes,
    );
    expect(over.failures.map((f) => [f.file, f.code])).toEqual([
      ['timestamps/1.tsr', 'annex_entry_bad'],
    ]);
    expect(seen).toEqual([maxSize]);
  });

  it('each annex file read goes to extract as well, byte for byte', async () => {
    const data = new Uint8Array([1, 2, 3, 4]);
    const got = new Map<string, Uint8Array[]>();
    await verify(withAnnex([stored('timestamps/1.tsr', data)]), {
      ...admit,
      extract: async (name) => {
        const chunks: Uint8Array[] = [];
        got.set(name, chunks);
        return { write: async (c) => void chunks.push(c.slice()), close: async () => {} };
      },
    });
    expect(got.get('timestamps/1.tsr')).toEqual([data]);
  });

  it('an annex file placed before the signed files: the order has changed', async () => {
    const report = await verify(
      buildZip([stored('timestamps/1.tsr', new Uint8Array([1])), ...asBuildEntries(base)]),
      admit,
    );
    expect([
      report.container,
      report.notes.find((n) => n.code === 'container_repacked')?.params,
    ]).toEqual(['repacked', { changes: ['order'] }]);
  });

  it('an annex file failed for its name before the checker ran is still judged as a token', async () => {
    // The same name twice: the package fails for the duplicate, not for what the checker says.
    const junk = new Uint8Array([0x30, 0x03, 0x02, 0x01, 0x00]);
    const token = stored('timestamps/1.tsr', junk);
    const report = await verify(withAnnex([token, token]), admit);
    expect(report.failures.map((f) => [f.file, f.code])).toEqual([
      ['timestamps/1.tsr', 'name_duplicate'],
    ]);
    expect(report.timestamps!.tokens.map((t) => [t.file, t.code])).toEqual([
      ['timestamps/1.tsr', 'unparsable'],
    ]);
  });
});

describe("the package's time", () => {
  // Made here, not for the whole file: only these tests need a TSA (openssl takes a second).
  let pki: TestPki;
  beforeAll(() => {
    pki = makeTestPki();
  }, 60_000);
  /** A token by the test TSA whose imprint is `imprint`. */
  const tokenWith = (imprint: Uint8Array, genTime: Date) =>
    forgeToken({
      imprint,
      genTime,
      signerKeyPem: readFileSync(pki.tsaKeyPath, 'utf8'),
      signerCert: pemCertificates(pki.tsaPem)[0]!,
    });
  const tokenOver = async (data: Uint8Array, genTime: Date) =>
    tokenWith(await sha256(data), genTime);
  const anchors = () => pemCertificates(pki.caPem).map(parseCertificate);

  it('a trusted token over statement.sig passes with its time, TSA and file', async () => {
    const time = new Date(Math.floor(Date.now() / 1000) * 1000);
    const report = await verify(
      withAnnex([stored('timestamps/1.tsr', await tokenOver(signatureBytes(), time))]),
      { tsaAnchors: anchors() },
    );
    expect(report.verdict).toBe('valid');
    expect(report.passed.map((p) => [p.file, p.code, p.params])).toContainEqual([
      null,
      'timestamp_trusted',
      { time: time.toISOString(), tsa: 'Dalel Test TSA', file: 'timestamps/1.tsr' },
    ]);
    // A trusted token is not also noted as untrusted: the annex is the only note.
    expect(report.notes.map((n) => n.code)).toEqual(['annex_present']);
    const [token] = report.timestamps!.tokens;
    expect([token!.status, token!.covers]).toEqual(['trusted', LAYOUT.signature]);
    // Stamped months after the manifest's stated creation: noted against that time.
    const minutes = Math.round((time.getTime() - Date.parse(base.manifest.created)) / 60_000);
    expect(token!.notes).toEqual([
      { code: 'stamped_long_after_signing', params: { minutes: String(minutes) } },
    ]);
  });

  it('a key revoked later: a trusted time before the loss keeps the package valid', async () => {
    const time = new Date(Math.floor(Date.now() / 1000) * 1000);
    const since = new Date(time.getTime() + 60_000).toISOString();
    const { code } = await makeRevocation(base.key, new Date());
    const report = await verify(
      withAnnex([stored('timestamps/1.tsr', await tokenOver(signatureBytes(), time))]),
      { tsaAnchors: anchors(), revocations: [{ code, compromisedSince: since }] },
    );
    expect(report.verdict).toBe('valid');
    expect(report.passed.map((p) => [p.code, p.params])).toContainEqual([
      'revocation_before_loss',
      {
        fingerprint: base.key.fingerprint,
        since,
        time: time.toISOString(),
        tsa: 'Dalel Test TSA',
      },
    ]);
  });

  const firstCapture = () => base.manifest.contents.captures[0]!;
  /** A token over the first capture's seal (itself a SHA-256: the imprint is the seal). */
  const captureToken = (time: Date) =>
    tokenWith(fromHex(firstCapture().seal.slice('sha256:'.length)), time);
  /** The base package with `token` as its first capture's capture-time token, listed and signed. */
  const withCaptureToken = async (token: Uint8Array) => {
    const capture = firstCapture();
    const name = `captures/${capture.id}/timestamps/1.tsr`;
    const listed = {
      path: name,
      sha256: sha256Ref(await sha256(token)),
      size: token.length,
      mediaType: 'application/timestamp-reply',
    };
    const entries = await resign([...base.entries, { name, data: token }], base.key, (m) =>
      m.files.push(listed),
    );
    return { zip: buildZip(asBuildEntries({ ...base, entries })), capture, name };
  };

  it("a listed capture-time token is judged against that capture's seal", async () => {
    const time = new Date(Math.floor(Date.now() / 1000) * 1000);
    const { zip, capture, name } = await withCaptureToken(await captureToken(time));
    const report = await verify(zip, { tsaAnchors: anchors() });
    expect(report.failures).toEqual([]);
    expect(report.timestamps!.captures).toEqual({
      [capture.id]: { time: time.toISOString(), tsa: 'Dalel Test TSA', file: name },
    });
  });

  it('a capture-time token is judged up to the parsing limit; one byte over, it is hashed but not judged', async () => {
    // Larger than the manifest and every record; what it holds does not matter here.
    const size = Math.max(...base.entries.map((e) => e.data.length)) + 1;
    const { zip, name } = await withCaptureToken(new Uint8Array(size).fill(0x30));
    const atLimit = await verify(zip, { tsaAnchors: anchors(), maxRecordSize: size });
    expect(atLimit.timestamps!.tokens.map((t) => [t.file, t.code])).toEqual([[name, 'unparsable']]);
    const over = await verify(zip, { tsaAnchors: anchors(), maxRecordSize: size - 1 });
    expect(over.timestamps).toEqual({ tokens: [], earliest: null, captures: {} });
  });

  it('the same token is untrusted without its CA among the anchors, and only noted', async () => {
    const time = new Date(Math.floor(Date.now() / 1000) * 1000);
    const report = await verify(
      withAnnex([stored('timestamps/1.tsr', await tokenOver(signatureBytes(), time))]),
    );
    expect(report.verdict).toBe('valid');
    expect(report.passed.map((p) => p.code)).not.toContain('timestamp_trusted');
    expect(report.notes.map((n) => [n.file, n.code, n.params])).toContainEqual([
      'timestamps/1.tsr',
      'timestamp_not_trusted',
      { reason: 'chain_untrusted' },
    ]);
    expect(report.timestamps!.earliest).toBeNull();
  });
});

describe('a revoked signing key', () => {
  it('with no trusted time, lost before any proof of signing: failed, naming the key and the loss', async () => {
    const since = '2026-01-01T00:00:00.000Z';
    const { code } = await makeRevocation(base.key, new Date());
    const report = await verify(base.zip, { revocations: [{ code, compromisedSince: since }] });
    expect(report.verdict).toBe('invalid');
    expect(report.failures.map((f) => [f.code, f.params])).toEqual([
      ['revocation_after_loss', { fingerprint: base.key.fingerprint, since, earliest: 'none' }],
    ]);
    expect(report.revocation).toEqual({
      fingerprint: base.key.fingerprint,
      compromisedSince: since,
      signedBeforeLoss: false,
    });
  });
});

describe('verify.html against the one this verifier ships', () => {
  const listedVerifier = () => base.manifest.files.find((f) => f.path === LAYOUT.verifier)!;

  it('the same: passed, with its hash; another: a note with both; not asked: neither', async () => {
    const ours = listedVerifier().sha256;
    const other = `sha256:${'0'.repeat(64)}`;
    const same = await verify(base.zip, { officialVerifier: ours });
    expect(same.passed.map((p) => [p.file, p.code, p.params])).toContainEqual([
      LAYOUT.verifier,
      'verifier_official',
      { sha256: ours },
    ]);
    const differs = await verify(base.zip, { officialVerifier: other });
    expect(differs.notes.map((n) => [n.file, n.code, n.params])).toEqual([
      [LAYOUT.verifier, 'verifier_other', { sha256: ours, official: other }],
    ]);
    expect(differs.verdict).toBe('valid');
    const unasked = await verify(base.zip);
    const verifierCodes = ['verifier_official', 'verifier_other'];
    expect(
      [...unasked.passed, ...unasked.notes].filter((c) => verifierCodes.includes(c.code)),
    ).toEqual([]);
  });

  it('a package that carries no verify.html: nothing to compare, and sound', async () => {
    const entries = await resign(
      base.entries.filter((e) => e.name !== LAYOUT.verifier),
      base.key,
      (m) => void (m.files = m.files.filter((f) => f.path !== LAYOUT.verifier)),
    );
    const report = await verify(buildZip(asBuildEntries({ ...base, entries })), {
      officialVerifier: listedVerifier().sha256,
    });
    expect(report.failures).toEqual([]);
    const verifierCodes = ['verifier_official', 'verifier_other'];
    expect(
      [...report.passed, ...report.notes].filter((c) => verifierCodes.includes(c.code)),
    ).toEqual([]);
  });
});
