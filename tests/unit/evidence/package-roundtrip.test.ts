import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { appendEvent } from '../../../lib/evidence/custody';
import { discloseFromLog } from '../../../lib/evidence/custody-disclosure';
import { describe, expect, it } from 'vitest';
import { buildDemoInput } from '../../../lib/demo/demo-input';
import { ExportError, exportedEvent, writePackage } from '../../../lib/evidence/package-writer';
import { LAYOUT } from '../../../lib/evidence/manifest';
import { generateSigningKey, publicKeyPem } from '../../../lib/evidence/signing';
import { openZip } from '../../../lib/evidence/zip/reader';
import { bytesSource } from '../../../lib/evidence/zip/source';
import {
  demoPackage,
  failureText,
  get,
  NOW,
  repack,
  resign,
  set,
  unpack,
  verifyBytes,
  writeToBytes,
} from './package-fixture';
import { sha256RefOf } from '../../../lib/evidence/sha256';
import { VERIFY_HTML } from '../../../lib/evidence/verifier-page/verify-html.generated';

describe('package export → verification', () => {
  it('a fresh package verifies without a pin only as "signature intact, signer not confirmed"', async () => {
    const { zip, key } = await demoPackage();
    const report = await verifyBytes(zip);
    expect(failureText(report)).toBe('');
    expect(report).toMatchObject({
      verdict: 'unconfirmed',
      pinned: 'unpinned',
      fingerprint: key.fingerprint,
      container: 'dalel',
    });
    expect(report.notes.map((n) => n.code)).toEqual(['signer_unconfirmed']);
    expect(report.notes[0]!.message).toContain(
      `signer is NOT confirmed: compare the fingerprint ${key.fingerprint}`,
    );
    const pinned = await verifyBytes(zip, { pinnedKey: key.fingerprint });
    expect(pinned).toMatchObject({ verdict: 'valid', pinned: 'match', notes: [] });
    expect(report.passed.map((c) => c.message).join('\n')).toMatch(
      /custody log intact: \d+ disclosed events proven in a log of 9 against the signed Merkle root/,
    );
  });

  it('pinned by fingerprint (any case or separators): match; a public key is no pin; another key: unknown signer (P3)', async () => {
    const { zip, key } = await demoPackage();
    expect((await verifyBytes(zip, { pinnedKey: key.fingerprint.toUpperCase() })).pinned).toBe(
      'match',
    );
    const pem = await verifyBytes(zip, { pinnedKey: publicKeyPem(key.publicKeyRaw) });
    expect(pem.verdict).toBe('invalid');
    expect(failureText(pem)).toContain('the expected key is not a fingerprint');
    const other = await generateSigningKey();
    const report = await verifyBytes(zip, { pinnedKey: other.fingerprint });
    expect(report.verdict).toBe('invalid');
    expect(failureText(report)).toContain(
      `unknown signer: signed by ${key.fingerprint}, not by the expected key ${other.fingerprint}`,
    );
  });

  it("compares the package's verify.html with the verifier's own build, as a note, never a failure", async () => {
    const { zip, key } = await demoPackage();
    const official = await sha256RefOf(new TextEncoder().encode(VERIFY_HTML));
    const same = await verifyBytes(zip, { pinnedKey: key.fingerprint, officialVerifier: official });
    expect(same.passed.map((c) => c.code)).toContain('verifier_official');
    // A package (validly signed) carrying another verify.html: fine for the files, but noted.
    const entries = await unpack(zip);
    const other = await resign(
      set(entries, LAYOUT.verifier, new TextEncoder().encode('<!doctype html><p>my verifier</p>')),
      key,
    );
    const report = await verifyBytes(await repack(other), {
      pinnedKey: key.fingerprint,
      officialVerifier: official,
    });
    expect(report.verdict, failureText(report)).toBe('valid');
    const note = report.notes.find((n) => n.code === 'verifier_other')!;
    expect(note.message).toContain('is NOT the build shipped with this verifier');
  });

  it('has the WACZ-like layout with neutral ASCII names and every file listed with hash, size and type', async () => {
    const { zip, input } = await demoPackage();
    const names = (await openZip(bytesSource(zip))).entries.map((e) => e.name);
    for (const c of input.captures) {
      for (const a of c.artifacts) expect(names).toContain(`captures/${c.id}/${a.name}`);
      expect(names).toContain(`captures/${c.id}/capture.json`);
    }
    for (const n of Object.values(LAYOUT)) expect(names).toContain(n);
    expect(names.every((n) => /^[A-Za-z0-9._/-]+$/.test(n))).toBe(true);
    expect(names.join()).not.toMatch(/aigerim|sadykova/i);
    const entries = await unpack(zip);
    const manifest = JSON.parse(new TextDecoder().decode(get(entries, LAYOUT.manifest))) as {
      files: { path: string; sha256: string; mediaType: string }[];
    };
    expect(manifest.files.length).toBe(names.length - 4);
    expect(manifest.files.find((f) => f.path.endsWith('.png'))?.mediaType).toBe('image/png');
  });

  it('stores images without recompression (compressed size = size) and deflates text', async () => {
    const { zip } = await demoPackage();
    const entries = (await openZip(bytesSource(zip))).entries;
    for (const e of entries.filter((x) => x.name.endsWith('.png')))
      expect([e.method, e.compressedSize]).toEqual([0, e.size]);
    const report = entries.find((e) => e.name === 'report.html')!;
    expect(report.method).toBe(8);
    expect(report.compressedSize).toBeLessThan(report.size);
  });

  it('L3: a package whose log is shorter than an earlier checkpoint fails against it', async () => {
    const key = await generateSigningKey();
    const full = await buildDemoInput(key, NOW);
    const fullReport = await verifyBytes(await writeToBytes(full));
    const earlier = fullReport.manifest!.custody.checkpoint;
    // The log as it was after the first capture (events 0–4), exporting only that capture.
    const first = full.captures[0]!;
    const prefix = full.custody.events.filter((e) => e.seq < 5);
    expect(prefix.map((e) => e.seq)).toEqual([0, 1, 2, 3, 4]);
    const truncated = {
      ...full,
      captures: [first],
      links: full.links.filter((l) => l.captureId === first.id),
      custody: { events: prefix, ...(await discloseFromLog(prefix, prefix)) },
    };
    const report = await verifyBytes(await writeToBytes(truncated), {
      earlier: [{ checkpoint: earlier, signer: key.fingerprint }],
    });
    expect(failureText(report)).toContain(
      `does not extend the earlier checkpoint (${earlier.size} events`,
    );
    // The truncated log's checkpoint, once exported, is extended by the later log's packages:
    // they carry a consistency proof from every earlier export recorded in the log.
    const short = report.manifest!.custody.checkpoint;
    const log = full.custody.events;
    expect(log).toHaveLength(full.custody.checkpoint.size);
    expect(
      (
        await verifyBytes(await writeToBytes(full), {
          earlier: [{ checkpoint: short, signer: key.fingerprint }],
        })
      ).verdict,
    ).toBe('invalid');
    const exported = await appendEvent(
      {
        at: NOW.toISOString(),
        actor: key.fingerprint,
        type: 'exported',
        subject: { kind: 'package', id: 'p0' },
        data: { checkpoint: short },
      },
      log[log.length - 1]!,
    );
    const later = [...log, exported];
    const extended = {
      ...full,
      custody: { events: later, ...(await discloseFromLog(later, later)) },
    };
    const laterReport = await verifyBytes(await writeToBytes(extended), {
      earlier: [{ checkpoint: short, signer: key.fingerprint }],
      pinnedKey: key.fingerprint,
    });
    expect(laterReport.verdict, failureText(laterReport)).toBe('valid');
  });

  it("the export becomes a custody event that the next package's chain includes", async () => {
    const key = await generateSigningKey();
    const input = await buildDemoInput(key, NOW);
    const parts: Uint8Array[] = [];
    const result = await writePackage(input, async (c) => void parts.push(c.slice()));
    const draft = exportedEvent(result, key.fingerprint, NOW);
    expect(draft).toMatchObject({
      type: 'exported',
      subject: { kind: 'package', id: result.manifest.packageId },
    });
    expect(draft.data.manifest).toBe(result.statement.manifest);
    expect(result.size).toBe(parts.reduce((n, p) => n + p.length, 0));
  });

  it('refuses to export an artifact whose stored bytes no longer match its capture-time hash', async () => {
    const key = await generateSigningKey();
    const input = await buildDemoInput(key, NOW);
    const target = input.captures[1]!.artifacts[0]!;
    const open = input.openArtifact;
    input.openArtifact = async (sha) => {
      if (sha !== target.sha256) return open(sha);
      const bytes = new Uint8Array(await new Response(await open(sha)).arrayBuffer());
      bytes[100]! ^= 1;
      return new Blob([bytes]);
    };
    await expect(writeToBytes(input)).rejects.toThrow(ExportError);
    await expect(writeToBytes(input)).rejects.toThrow(/no longer match the capture-time hash/);
  });

  it('refuses unsafe ids and a damaged custody log before writing anything', async () => {
    const key = await generateSigningKey();
    const input = await buildDemoInput(key, NOW);
    await expect(
      writeToBytes({ ...input, cases: [{ ...input.cases[0]!, id: '../x' }] }),
    ).rejects.toThrow('case id "../x" cannot be used as a file name');
    const events = input.custody.events.map((e, i) =>
      i === 1 ? { ...e, actor: 'someone else' } : e,
    );
    await expect(writeToBytes({ ...input, custody: { ...input.custody, events } })).rejects.toThrow(
      /custody log is damaged at event \d+/,
    );
  });

  it('with lowered Zip64 thresholds the package still verifies and unzip accepts it', async () => {
    const { zip, key } = await demoPackage({ zip64Threshold: 2000, maxEntries16: 5 });
    const report = await verifyBytes(zip, { pinnedKey: key.fingerprint });
    expect(report.verdict, failureText(report)).toBe('valid');
    expect(report.container).toBe('dalel');
    try {
      execFileSync('unzip', ['-v'], { stdio: 'ignore' });
    } catch {
      return;
    }
    const dir = mkdtempSync(join(tmpdir(), 'dalel-pkg-'));
    try {
      writeFileSync(join(dir, 'p.zip'), zip);
      expect(execFileSync('unzip', ['-t', join(dir, 'p.zip')]).toString()).toContain(
        'No errors detected',
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
