import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../../cli/main';
import { buildDemoInput } from '../../../lib/demo/demo-input';
import { paths } from '../../../lib/evidence/manifest';
import type { PackageInput } from '../../../lib/evidence/package-input';
import { redactionSeal } from '../../../lib/evidence/redaction-seal';
import { sha256RefOf } from '../../../lib/evidence/sha256';
import { generateSigningKey } from '../../../lib/evidence/signing';
import type { Redaction } from '../../../lib/model/redaction';
import {
  failureText,
  manifestOf,
  NOW,
  repack,
  resign,
  unpack,
  verifyBytes,
  writeToBytes,
} from './package-fixture';

/** The demo package with a redacted copy of the first capture's viewport screenshot. */
async function redactedPackage(withhold: boolean) {
  const key = await generateSigningKey();
  const base = await buildDemoInput(key, NOW);
  const capture = base.captures[0]!;
  const shot = capture.artifacts.find((a) => a.role === 'screenshot')!;
  const copy = new TextEncoder().encode('a redacted PNG stands here');
  const unsealed = {
    id: 'red_0123456789abcdef01234567',
    captureId: capture.id,
    createdAt: NOW.toISOString(),
    original: { name: shot.name, sha256: shot.sha256 },
    derived: {
      name: `redacted/${shot.name}`,
      sha256: await sha256RefOf(copy),
      size: copy.length,
      mediaType: 'image/png',
    },
    method: 'opaque boxes',
    regions: [
      {
        x: 10,
        y: 8,
        width: 120,
        height: 40,
        label: 'account menu',
        source: 'detected' as const,
        element: 0,
      },
    ],
    supersedes: null,
  };
  const redaction: Redaction = { ...unsealed, seal: await redactionSeal(unsealed) };
  const input: PackageInput = {
    ...base,
    redactions: [redaction],
    withholdRedactedOriginals: withhold,
    openArtifact: async (sha) =>
      sha === redaction.derived.sha256 ? new Blob([copy]) : base.openArtifact(sha),
  };
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

  it('`dalel verify` names what was withheld, with its hash', async () => {
    const { zip, capture, shot } = await redactedPackage(true);
    const dir = mkdtempSync(join(tmpdir(), 'dalel-withheld-'));
    const file = join(dir, 'p.zip');
    writeFileSync(file, zip);
    let out = '';
    const io = { out: (t: string) => void (out += `${t}\n`), err: () => {} };
    expect(await main(['verify', file], io)).toBe(0);
    expect(out).toMatch(/Withheld: \d+ file\(s\), hash listed, bytes not included:/);
    expect(out).toContain(`${paths.artifact(capture.id, shot.name)} ${shot.sha256}`);
    rmSync(dir, { recursive: true, force: true });
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
