import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../cli/main';
import type { Io } from '../../../cli/command';
import { jsPrimitives } from '../../../lib/evidence/primitives';
import { openZip, readEntryBytes } from '../../../lib/evidence/zip/reader';
import { bytesSource } from '../../../lib/evidence/zip/source';

function captureIo(): Io & { stdout: string; stderr: string } {
  const io = {
    stdout: '',
    stderr: '',
    out: (t: string) => void (io.stdout += `${t}\n`),
    err: (t: string) => void (io.stderr += `${t}\n`),
  };
  return io;
}

let dir: string;
let pkg: string;
let fingerprint: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'dalel-cli-'));
  pkg = join(dir, 'demo.zip');
  const io = captureIo();
  expect(await main(['demo-package', pkg], io)).toBe(0);
  fingerprint = /Signer fingerprint: (\S+)/.exec(io.stdout)![1]!;
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('dalel demo-package / verify', () => {
  it('verify passes on a demo package (exit 0), reporting it unpinned with the fingerprint', async () => {
    const io = captureIo();
    expect(await main(['verify', pkg], io)).toBe(0);
    expect(io.stdout).toContain('VALID');
    expect(io.stdout).toContain(`Signed by key ${fingerprint} (NOT PINNED`);
  });

  it('--key with the fingerprint or the public key file pins the signer', async () => {
    const io = captureIo();
    expect(await main(['verify', pkg, '--key', fingerprint], io)).toBe(0);
    expect(io.stdout).toContain(`Signed by the pinned key ${fingerprint}`);
    const wrong = captureIo();
    expect(await main(['verify', pkg, '--key', '0123456789abcdef0123456789abcdef'], wrong)).toBe(1);
    expect(wrong.stdout).toContain('unknown signer');
    const archive = await openZip(bytesSource(readFileSync(pkg)));
    const pemEntry = archive.entries.find((e) => e.name === 'signer.pem')!;
    const pem = await readEntryBytes(
      bytesSource(readFileSync(pkg)),
      pemEntry,
      jsPrimitives,
      10_000,
    );
    writeFileSync(join(dir, 'lawyer-pinned.pem'), pem);
    expect(await main(['verify', pkg, '--key', join(dir, 'lawyer-pinned.pem')], captureIo())).toBe(
      0,
    );
  });

  it('--earlier: passes against the same log, fails against another log (rewritten or truncated)', async () => {
    expect(await main(['verify', pkg, '--earlier', pkg], captureIo())).toBe(0);
    const other = join(dir, 'other.zip');
    expect(await main(['demo-package', other], captureIo())).toBe(0);
    const io = captureIo();
    expect(await main(['verify', pkg, '--earlier', other], io)).toBe(1);
    expect(io.stdout).toContain('does not extend the earlier checkpoint');
  });

  it('--json prints a machine-readable report', async () => {
    const io = captureIo();
    expect(await main(['verify', pkg, '--json'], io)).toBe(0);
    const report = JSON.parse(io.stdout) as {
      verdict: string;
      fingerprint: string;
      failures: unknown[];
    };
    expect(report).toMatchObject({ verdict: 'valid', fingerprint, failures: [] });
  });

  it('exit 1 with the reasons listed for a tampered package', async () => {
    const bytes = readFileSync(pkg);
    // The first entry is a stored PNG: its data starts after a 30-byte header and its name.
    const dataStart = 30 + bytes.readUInt16LE(26) + bytes.readUInt16LE(28);
    bytes[dataStart + 100]! ^= 0xff;
    const tampered = join(dir, 'tampered.zip');
    writeFileSync(tampered, bytes);
    const io = captureIo();
    expect(await main(['verify', tampered], io)).toBe(1);
    expect(io.stdout).toMatch(/INVALID[\s\S]*- captures\/[^:]+\.png: CRC-32 mismatch/);
  });

  it('exit 2 for an unreadable file, a missing file and bad usage', async () => {
    const junk = join(dir, 'junk.zip');
    writeFileSync(junk, 'not a zip');
    const io = captureIo();
    expect(await main(['verify', junk], io)).toBe(2);
    expect(io.stdout).toContain('UNREADABLE');
    expect(await main(['verify', join(dir, 'absent.zip')], captureIo())).toBe(2);
    expect(await main(['verify'], captureIo())).toBe(2);
    expect(await main(['verify', pkg, '--bogus'], captureIo())).toBe(2);
    expect(await main(['verify', pkg, '--key', join(dir, 'no-such-key.pem')], captureIo())).toBe(2);
  });
});
