import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../../cli/main';
import { paths, type Manifest } from '../../../lib/evidence/manifest';
import { generateSigningKey } from '../../../lib/evidence/signing';
import type { Redaction } from '../../../lib/model/redaction';
import {
  failureText,
  manifestOf,
  repack,
  resign,
  unpack,
  verifyBytes,
  writeToBytes,
  redactedInput,
} from './package-fixture';

/** The demo package with a redacted copy of the first capture's viewport screenshot. */
async function redactedPackage(withhold: boolean) {
  const key = await generateSigningKey();
  const { input, capture, shot, redaction } = await redactedInput(key, withhold);
  return { zip: await writeToBytes(input), key, capture, shot, redaction };
}

describe('packages that withhold originals showing the monitor', () => {
  it('carry the redacted copy, list the original as withheld, and verify', async () => {
    const { zip, key, capture, shot, redaction } = await redactedPackage(true);
    const entries = await unpack(zip);
    const shotPath = paths.artifact(capture.id, shot.name);
    expect(entries.map((e) => e.name)).not.toContain(shotPath);
    expect(entries.map((e) => e.name)).toContain(
      paths.artifact(capture.id, redaction.derived.name),
    );
    expect(entries.map((e) => e.name)).toContain(paths.redaction(redaction.id));
    const manifest = manifestOf(entries);
    expect(manifest.withheld).toContainEqual({
      path: shotPath,
      sha256: shot.sha256,
      size: shot.size,
      mediaType: 'image/png',
      reason: 'viewer_identity',
      redactedCopy: paths.artifact(capture.id, redaction.derived.name),
    });
    const report = await verifyBytes(zip, { pinnedKey: key.fingerprint });
    expect(report.verdict, failureText(report)).toBe('valid');
    const notes = report.passed.map((p) => `${p.file}: ${p.message}`).join('\n');
    expect(notes).toContain(`${shotPath}: withheld: hash listed (${shot.sha256}`);
    expect(notes).toContain('bytes not included');
    expect(notes).toMatch(/redacted copy of screenshot-viewport\.png/);
    // The report shows the redacted copy and names the withheld original.
    const html = new TextDecoder().decode(entries.find((e) => e.name === 'report.html')!.data);
    expect(html).toContain('withheld: hash listed, bytes not included');
  });

  it('`dalel verify` names what was withheld, with its hash, only when the signature holds', async () => {
    const { zip, key, capture, shot, redaction } = await redactedPackage(true);
    const dir = mkdtempSync(join(tmpdir(), 'dalel-withheld-'));
    const run = async (name: string, bytes: Uint8Array, ...args: string[]) => {
      const file = join(dir, name);
      writeFileSync(file, bytes);
      let out = '';
      const io = { out: (t: string) => void (out += `${t}\n`), err: () => {} };
      return { code: await main(['verify', file, ...args], io), out };
    };
    const line = `${paths.artifact(capture.id, shot.name)} ${shot.sha256}`;
    // Confirmed signer: VALID (exit 0), the withheld files listed.
    const pinned = await run('p.zip', zip, '--key', key.fingerprint);
    expect(pinned.code).toBe(0);
    expect(pinned.out).toMatch(/Withheld: \d+ file\(s\), hash listed, bytes not included:/);
    expect(pinned.out).toContain(line);
    // Signature intact, signer not confirmed: NOT CONFIRMED (exit 3), still listed.
    const unpinned = await run('p.zip', zip);
    expect(unpinned.code).toBe(3);
    expect(unpinned.out).toContain(line);
    // A redacted copy swapped after signing: INVALID (exit 1), and no list that would vouch.
    const path = paths.artifact(capture.id, redaction.derived.name);
    const swapped = (await unpack(zip)).map((e) =>
      e.name === path ? { name: e.name, data: new TextEncoder().encode('x') } : e,
    );
    const invalid = await run('q.zip', await repack(swapped), '--key', key.fingerprint);
    expect(invalid.code).toBe(1);
    expect(invalid.out).not.toContain('Withheld:');
    rmSync(dir, { recursive: true, force: true });
  });

  it('are invalid when a file is listed as withheld and included too', async () => {
    const { zip, key, capture, shot } = await redactedPackage(true);
    const shotPath = paths.artifact(capture.id, shot.name);
    const original = (await unpack(await redactedPackage(false).then((p) => p.zip))).find((e) =>
      e.name.endsWith(`/${shot.name}`),
    );
    expect(original).toBeDefined();
    const entries = [{ name: shotPath, data: original!.data }, ...(await unpack(zip))];
    const listed = (m: Manifest) =>
      void m.files.unshift({
        path: shotPath,
        sha256: shot.sha256,
        size: shot.size,
        mediaType: 'image/png',
      });
    const report = await verifyBytes(await repack(await resign(entries, key, listed)), {
      pinnedKey: key.fingerprint,
    });
    expect(report.verdict).toBe('invalid');
    expect(report.failures.map((f) => f.code)).toContain('withheld_included');
  });

  it('are invalid when a redaction record is altered after sealing', async () => {
    const { zip, key, redaction } = await redactedPackage(true);
    const entries = (await unpack(zip)).map((e) => {
      if (e.name !== paths.redaction(redaction.id)) return e;
      const r = JSON.parse(new TextDecoder().decode(e.data)) as Redaction;
      r.regions = [];
      return { name: e.name, data: new TextEncoder().encode(JSON.stringify(r)) };
    });
    const report = await verifyBytes(await repack(await resign(entries, key)), {
      pinnedKey: key.fingerprint,
    });
    expect(report.verdict).toBe('invalid');
    expect(report.failures.map((f) => f.code)).toContain('redaction_seal_bad');
  });

  it('keep the originals when not asked to withhold them', async () => {
    const { zip, capture, shot } = await redactedPackage(false);
    const names = (await unpack(zip)).map((e) => e.name);
    expect(names).toContain(paths.artifact(capture.id, shot.name));
    expect(manifestOf(await unpack(zip)).withheld).toBeUndefined();
  });

  it('are invalid when a withheld original is neither listed as withheld nor present', async () => {
    const { zip, key, capture, shot } = await redactedPackage(true);
    const forged = await repack(await resign(await unpack(zip), key, (m) => delete m.withheld));
    const report = await verifyBytes(forged);
    expect(report.verdict).toBe('invalid');
    expect(failureText(report)).toContain(
      `${paths.artifact(capture.id, shot.name)}: artifact of the capture is not in the package`,
    );
  });

  it('are invalid when a redacted copy differs from its record', async () => {
    const { zip, key, capture, redaction } = await redactedPackage(true);
    const path = paths.artifact(capture.id, redaction.derived.name);
    const entries = (await unpack(zip)).map((e) =>
      e.name === path ? { name: e.name, data: new TextEncoder().encode('something else') } : e,
    );
    const report = await verifyBytes(await repack(await resign(entries, key)));
    expect(report.verdict).toBe('invalid');
    expect(failureText(report)).toContain('missing or differs from the record');
  });
});
