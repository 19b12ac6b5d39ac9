import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../cli/main';
import type { Io } from '../../../cli/command';
import { officialVerifierHash } from '../../../cli/commands/verify';
import { sha256Hex, walk } from '../evidence/support/zip-tools';
import { jsPrimitives } from '../../../lib/evidence/primitives';
import { generateSigningKey, publicKeyPem } from '../../../lib/evidence/signing';
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
  it('without --key: exit 3, "signature intact, signer NOT confirmed", the fingerprint to compare, no ready-made pin', async () => {
    const io = captureIo();
    expect(await main(['verify', pkg], io)).toBe(3);
    expect(io.stdout).toMatch(/^NOT CONFIRMED: .*signature intact, signer NOT confirmed/);
    expect(io.stdout).not.toMatch(/^VALID/m);
    expect(io.stdout).toContain(`Signer's key fingerprint: ${fingerprint}`);
    expect(io.stdout).toContain('--key <the fingerprint they gave you>');
    expect(io.stdout).not.toContain(`--key ${fingerprint}`);
  });

  it('--key with the fingerprint confirms the signer (exit 0); another fingerprint fails (exit 1)', async () => {
    const io = captureIo();
    expect(await main(['verify', pkg, '--key', fingerprint], io)).toBe(0);
    expect(io.stdout).toMatch(/^VALID: /);
    expect(io.stdout).toContain(`Signer is the expected key ${fingerprint}.`);
    const wrong = captureIo();
    expect(await main(['verify', pkg, '--key', '0123456789abcdef0123456789abcdef'], wrong)).toBe(1);
    expect(wrong.stdout).toContain('unknown signer');
    // A file holding the fingerprint the sender gave (e.g. pasted from a message) is a pin too.
    writeFileSync(join(dir, 'fingerprint.txt'), `${fingerprint.toUpperCase()}\n`);
    expect(await main(['verify', pkg, '--key', join(dir, 'fingerprint.txt')], captureIo())).toBe(0);
  });

  it('--key signer.pem taken from the package is not a pin: exit 3, and a foreign key file still fails', async () => {
    const archive = await openZip(bytesSource(readFileSync(pkg)));
    const pemEntry = archive.entries.find((e) => e.name === 'signer.pem')!;
    const pem = await readEntryBytes(
      bytesSource(readFileSync(pkg)),
      pemEntry,
      jsPrimitives,
      10_000,
    );
    writeFileSync(join(dir, 'signer.pem'), pem);
    const io = captureIo();
    expect(await main(['verify', pkg, '--key', join(dir, 'signer.pem')], io)).toBe(3);
    expect(io.stdout).toContain('a public key file is not a pin');
    expect(io.stdout).toMatch(/^NOT CONFIRMED/);
    const other = await generateSigningKey();
    writeFileSync(join(dir, 'other.pem'), publicKeyPem(other.publicKeyRaw));
    const wrong = captureIo();
    expect(await main(['verify', pkg, '--key', join(dir, 'other.pem')], wrong)).toBe(1);
    expect(wrong.stdout).toContain('unknown signer');
  });

  it('--extract writes exactly the checked files into a new directory, and nothing when the package fails', async () => {
    const out = join(dir, 'checked');
    const io = captureIo();
    expect(await main(['verify', pkg, '--key', fingerprint, '--extract', out], io)).toBe(0);
    expect(io.stdout).toContain(`Extracted the checked files into ${out}.`);
    const extracted = walk(out);
    const archive = await openZip(bytesSource(readFileSync(pkg)));
    expect([...extracted.keys()].sort()).toEqual(archive.entries.map((e) => e.name).sort());
    for (const e of archive.entries) {
      const bytes = await readEntryBytes(bytesSource(readFileSync(pkg)), e, jsPrimitives, 1e8);
      expect(extracted.get(e.name), e.name).toBe(sha256Hex(bytes));
    }
    // An existing directory is never written into.
    expect(await main(['verify', pkg, '--extract', out], captureIo())).toBe(2);
    // A package that fails: nothing is extracted, and no partial directory stays.
    const bytes = readFileSync(pkg);
    bytes[30 + bytes.readUInt16LE(26) + bytes.readUInt16LE(28) + 100]! ^= 0xff;
    const bad = join(dir, 'bad-for-extract.zip');
    writeFileSync(bad, bytes);
    const refused = captureIo();
    const target = join(dir, 'not-written');
    expect(await main(['verify', bad, '--key', fingerprint, '--extract', target], refused)).toBe(1);
    expect(refused.stdout).toContain('Nothing was extracted');
    expect(existsSync(target)).toBe(false);
    expect(readdirSync(dir).filter((n) => n.startsWith('not-written'))).toEqual([]);
  });

  it('dalel verifier writes the official verify.html and prints its SHA-256', async () => {
    const io = captureIo();
    const out = join(dir, 'official-verify.html');
    expect(await main(['verifier', '--out', out], io)).toBe(0);
    const hash = (await officialVerifierHash()).slice('sha256:'.length);
    expect(io.stdout).toContain(`verify.html SHA-256: ${hash}`);
    expect(createHash('sha256').update(readFileSync(out)).digest('hex')).toBe(hash);
  });

  it("says whether the package's verify.html is the official build this dalel ships", async () => {
    const io = captureIo();
    await main(['verify', pkg, '--key', fingerprint], io);
    expect(io.stdout).toContain(
      `verify.html: verify.html in this package is the official build shipped with this verifier (${await officialVerifierHash()})`,
    );
  });

  it('--earlier: passes against the same log, fails against another log (rewritten or truncated)', async () => {
    expect(await main(['verify', pkg, '--earlier', pkg, '--key', fingerprint], captureIo())).toBe(
      0,
    );
    const other = join(dir, 'other.zip');
    expect(await main(['demo-package', other], captureIo())).toBe(0);
    const io = captureIo();
    expect(await main(['verify', pkg, '--earlier', other], io)).toBe(1);
    expect(io.stdout).toContain('does not extend the earlier checkpoint');
  });

  it('--json prints a machine-readable report', async () => {
    const io = captureIo();
    expect(await main(['verify', pkg, '--json'], io)).toBe(3);
    const report = JSON.parse(io.stdout) as {
      verdict: string;
      fingerprint: string;
      failures: unknown[];
      notes: { code: string; params: Record<string, unknown> }[];
    };
    expect(report).toMatchObject({ verdict: 'unconfirmed', fingerprint, failures: [] });
    expect(report.notes[0]).toMatchObject({ code: 'signer_unconfirmed', params: { fingerprint } });
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

  it('--lang ru / kk: the verdict, the reasons and the time-stamp line in that language', async () => {
    const tampered = join(dir, 'tampered.zip');
    const ru = captureIo();
    expect(await main(['verify', tampered, '--lang', 'ru'], ru)).toBe(1);
    expect(ru.stdout).toMatch(
      /^НЕДЕЙСТВИТЕЛЕН: [\s\S]*- captures\/[^:]+\.png: не совпадает CRC-32 \(данные повреждены или изменены\)/,
    );
    expect(ru.stdout).toMatch(/не прошли проверку файлы: 1 из \d+/);
    expect(ru.stdout).toContain('Без метки времени');
    expect(ru.stdout).not.toMatch(/CRC-32 mismatch|listed files failed|Not time-stamped/);
    const kk = captureIo();
    expect(await main(['verify', pkg, '--lang', 'kk'], kk)).toBe(3);
    expect(kk.stdout).toMatch(/^РАСТАЛМАДЫ: .*қолтаңба бүтін, жіберуші РАСТАЛМАДЫ/);
    expect(kk.stdout).toContain(`Қол қоюшы кілтінің саусақ ізі: ${fingerprint}`);
    expect(kk.stdout).toContain('осы тексеру бағдарламасымен бірге келетін ресми нұсқа');
    expect(await main(['verify', pkg, '--lang', 'de'], captureIo())).toBe(2);
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
