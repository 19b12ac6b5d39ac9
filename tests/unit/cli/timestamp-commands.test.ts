// dalel demo-package --tsa, dalel stamp and dalel verify --tsa-ca against a real TSA (openssl ts
// -reply over HTTP), and the same tokens checked by stock `openssl ts -verify`.
import { execFile, execFileSync, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Io } from '../../../cli/command';
import { main } from '../../../cli/main';
import { repoRoot } from '../../support/shared-fixtures';
import { makeTestPki, type TestPki } from '../../support/tsa/pki';
import { deadUrl, startTestTsa, type TestTsa } from '../../support/tsa/server';

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
let pki: TestPki;
let other: TestPki;
let tsa: TestTsa;
let caFile: string;
let otherCa: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'dalel-cli-tsa-'));
  pki = makeTestPki();
  other = makeTestPki();
  tsa = await startTestTsa(pki);
  caFile = join(dir, 'tsa-ca.pem');
  otherCa = join(dir, 'other-ca.pem');
  writeFileSync(caFile, pki.caPem);
  writeFileSync(otherCa, other.caPem);
}, 30_000);
afterAll(async () => {
  await tsa.close();
  rmSync(dir, { recursive: true, force: true });
});

const run = promisify(execFile);
const unzip = (zip: string, into: string) => execFileSync('unzip', ['-q', zip, '-d', into]);

describe('dalel demo-package --tsa / verify --tsa-ca', () => {
  it('stamps through the export code path; verify reports the trusted time; openssl agrees', async () => {
    const pkg = join(dir, 'stamped.zip');
    const made = captureIo();
    expect(await main(['demo-package', pkg, '--tsa', tsa.url, '--tsa-ca', caFile], made)).toBe(0);
    expect(made.stdout).toMatch(/Time-stamped by Dalel Test TSA at \S+ → timestamps\/1\.tsr/);
    const fp = /Signer fingerprint: (\S+)/.exec(made.stdout)![1]!;

    const io = captureIo();
    expect(await main(['verify', pkg, '--key', fp, '--tsa-ca', caFile], io)).toBe(0);
    expect(io.stdout).toContain('VALID');
    expect(io.stdout).toMatch(
      /Trusted time: signed no later than \S+, by Dalel Test TSA \(timestamps\/1\.tsr\)/,
    );
    expect(io.stdout).toContain('✔ timestamps/1.tsr: time-stamped by Dalel Test TSA');

    // Without the CA: still valid, the token untrusted and said so.
    const plain = captureIo();
    expect(await main(['verify', pkg, '--key', fp], plain)).toBe(0);
    expect(plain.stdout).toContain('Not time-stamped: no trusted token');
    expect(plain.stdout).toContain('? timestamps/1.tsr: the TSA is not trusted');

    // --tsa-ca is repeatable: an unrelated CA next to the right one changes nothing.
    const both = captureIo();
    expect(
      await main(['verify', pkg, '--tsa-ca', otherCa, '--tsa-ca', caFile, '--json'], both),
    ).toBe(3); // sound, signer not confirmed (no --key)
    const json = JSON.parse(both.stdout) as { timestamps: { earliest: { file: string } } };
    expect(json.timestamps.earliest.file).toBe('timestamps/1.tsr');

    const unpacked = join(dir, 'stamped');
    unzip(pkg, unpacked);
    const ok = spawnSync(
      'openssl',
      ['ts', '-verify', '-data', 'statement.sig', '-in', 'timestamps/1.tsr', '-CAfile', caFile],
      { cwd: unpacked, encoding: 'utf8' },
    );
    expect(ok.stdout).toContain('Verification: OK');
    const wrongCa = spawnSync(
      'openssl',
      ['ts', '-verify', '-data', 'statement.sig', '-in', 'timestamps/1.tsr', '-CAfile', otherCa],
      { cwd: unpacked, encoding: 'utf8' },
    );
    expect(wrongCa.stdout + wrongCa.stderr).toContain('Verification: FAILED');
  });

  it('the executable works too (bin/dalel.mjs)', async () => {
    // Asynchronously: the TSA answers from this process, so the event loop must keep running.
    const pkg = join(dir, 'exec.zip');
    const dalel = (...args: string[]) =>
      run(process.execPath, [join(repoRoot, 'bin/dalel.mjs'), ...args], { encoding: 'utf8' });
    const made = await dalel('demo-package', pkg, '--tsa', tsa.url, '--tsa-ca', caFile);
    const fp = /Signer fingerprint: (\S+)/.exec(made.stdout)![1]!;
    const { stdout } = await dalel('verify', pkg, '--key', fp, '--tsa-ca', caFile);
    expect(stdout).toContain('Trusted time:');
  });

  it('TSA unreachable: the package is still written, not time-stamped, and says so', async () => {
    const pkg = join(dir, 'unreachable.zip');
    const io = captureIo();
    expect(
      await main(['demo-package', pkg, '--tsa', await deadUrl(), '--tsa-ca', caFile], io),
    ).toBe(0);
    expect(io.stdout).toMatch(/NOT time-stamped by http:\/\/127\.0\.0\.1:\d+\/tsa: /);
    const v = captureIo();
    expect(await main(['verify', pkg], v)).toBe(3);
    expect(v.stdout).toContain('Not time-stamped: the package carries no time-stamp token');
  });
});

describe('dalel stamp', () => {
  it('adds a token to an existing package without touching its signature; a second run adds 2.tsr', async () => {
    const pkg = join(dir, 'later.zip');
    const made = captureIo();
    expect(await main(['demo-package', pkg], made)).toBe(0);
    const fp = /Signer fingerprint: (\S+)/.exec(made.stdout)![1]!;
    const before = captureIo();
    await main(['verify', pkg, '--json'], before);
    const manifestBefore = (JSON.parse(before.stdout) as { packageId: string }).packageId;

    const io = captureIo();
    expect(await main(['stamp', pkg, '--tsa', tsa.url, '--tsa-ca', caFile], io)).toBe(0);
    expect(io.stdout).toContain('→ timestamps/1.tsr');
    expect(await main(['stamp', pkg, '--tsa', tsa.url, '--tsa-ca', caFile], captureIo())).toBe(0);

    const after = captureIo();
    expect(await main(['verify', pkg, '--key', fp, '--tsa-ca', caFile, '--json'], after)).toBe(0);
    const report = JSON.parse(after.stdout) as {
      packageId: string;
      verdict: string;
      timestamps: { tokens: { file: string; status: string; notes: { code: string }[] }[] };
    };
    expect(report.packageId).toBe(manifestBefore);
    expect(report.timestamps.tokens.map((t) => [t.file, t.status])).toEqual([
      ['timestamps/1.tsr', 'trusted'],
      ['timestamps/2.tsr', 'trusted'],
    ]);
    const unpacked = join(dir, 'later');
    unzip(pkg, unpacked);
    const check = spawnSync(
      'openssl',
      ['ts', '-verify', '-data', 'statement.sig', '-in', 'timestamps/2.tsr', '-CAfile', caFile],
      { cwd: unpacked, encoding: 'utf8' },
    );
    expect(check.stdout).toContain('Verification: OK');
  });

  it('--out leaves the original alone; an invalid package is refused; no token leaves it unchanged', async () => {
    const pkg = join(dir, 'orig.zip');
    expect(await main(['demo-package', pkg], captureIo())).toBe(0);
    const original = readFileSync(pkg);
    const copy = join(dir, 'copy.zip');
    expect(
      await main(['stamp', pkg, '--tsa', tsa.url, '--tsa-ca', caFile, '--out', copy], captureIo()),
    ).toBe(0);
    expect(readFileSync(pkg).equals(original)).toBe(true);

    const dead = captureIo();
    expect(await main(['stamp', pkg, '--tsa', await deadUrl()], dead)).toBe(1);
    expect(dead.stderr).toContain('no token obtained');
    expect(readFileSync(pkg).equals(original)).toBe(true);

    const wrongCa = captureIo();
    expect(await main(['stamp', pkg, '--tsa', tsa.url, '--tsa-ca', otherCa], wrongCa)).toBe(1);
    expect(wrongCa.stdout).toContain('NOT time-stamped');

    const broken = join(dir, 'broken.zip');
    copyFileSync(pkg, broken);
    const bytes = readFileSync(broken);
    const at = bytes.indexOf(Buffer.from('screenshot-viewport.png')) + 200;
    bytes[at] = bytes[at]! ^ 0xff;
    writeFileSync(broken, bytes);
    const refused = captureIo();
    expect(await main(['stamp', broken, '--tsa', tsa.url, '--tsa-ca', caFile], refused)).toBe(1);
    expect(refused.stderr).toContain('is invalid; a package is stamped only when it verifies');
  });

  it('usage errors: no --tsa, a non-http URL, a CA file that is not a certificate', async () => {
    const pkg = join(dir, 'orig.zip');
    expect(await main(['stamp', pkg], captureIo())).toBe(2);
    expect(await main(['stamp', pkg, '--tsa', 'ftp://x'], captureIo())).toBe(2);
    writeFileSync(join(dir, 'junk.pem'), 'not a certificate');
    const io = captureIo();
    expect(await main(['verify', pkg, '--tsa-ca', join(dir, 'junk.pem')], io)).toBe(2);
    expect(io.stderr).toContain('holds no PEM certificate');
  });
});

describe('key revocation (dalel verify --revocation --compromised-since)', () => {
  it('a package time-stamped before the key was lost stays valid; one without trusted time does not', async () => {
    const stamped = join(dir, 'rev-stamped.zip');
    const revoke = join(dir, 'revoke.txt');
    const made = captureIo();
    expect(
      await main(
        ['demo-package', stamped, '--tsa', tsa.url, '--tsa-ca', caFile, '--revocation-out', revoke],
        made,
      ),
    ).toBe(0);
    expect(readFileSync(revoke, 'utf8')).toMatch(/^DALEL-REVOKE-1\n/);
    const fp = /Signer fingerprint: (\S+)/.exec(made.stdout)![1]!;
    const later = new Date(Date.now() + 86_400_000).toISOString();
    const earlier = new Date(Date.now() - 86_400_000).toISOString();

    const cleared = captureIo();
    expect(
      await main(
        [
          'verify',
          stamped,
          '--key',
          fp,
          '--tsa-ca',
          caFile,
          '--revocation',
          revoke,
          '--compromised-since',
          later,
        ],
        cleared,
      ),
    ).toBe(0);
    expect(cleared.stdout).toMatch(
      /was revoked \(lost \S+\), but this package was time-stamped at \S+ by Dalel Test TSA, before the loss/,
    );

    const lostBefore = captureIo();
    expect(
      await main(
        [
          'verify',
          stamped,
          '--key',
          fp,
          '--tsa-ca',
          caFile,
          '--revocation',
          revoke,
          '--compromised-since',
          earlier,
        ],
        lostBefore,
      ),
    ).toBe(1);
    expect(lostBefore.stdout).toContain('it may have been made with the lost key');

    // The TSA's CA not given: no trusted time, so nothing clears the package.
    const untrusted = captureIo();
    expect(
      await main(
        ['verify', stamped, '--revocation', revoke, '--compromised-since', later],
        untrusted,
      ),
    ).toBe(1);
    expect(untrusted.stdout).toContain('earliest: none');

    const noDate = captureIo();
    expect(
      await main(['verify', stamped, '--tsa-ca', caFile, '--revocation', revoke], noDate),
    ).toBe(1);
    expect(noDate.stdout).toContain('no date of its loss was given');

    // The code as text on the command line works too; another key's code changes nothing.
    const code = readFileSync(revoke, 'utf8');
    expect(
      await main(
        ['verify', stamped, '--tsa-ca', caFile, '--revocation', code, '--compromised-since', later],
        captureIo(),
      ),
    ).toBe(3); // cleared; no --key, so the signer is not confirmed
    const otherPkg = join(dir, 'rev-other.zip');
    const otherRevoke = join(dir, 'revoke-other.txt');
    expect(
      await main(['demo-package', otherPkg, '--revocation-out', otherRevoke], captureIo()),
    ).toBe(0);
    expect(
      await main(
        ['verify', stamped, '--revocation', otherRevoke, '--compromised-since', earlier],
        captureIo(),
      ),
    ).toBe(3);
  });

  it('usage errors: a mistyped code, a date that is not one, a date without a code', async () => {
    const pkg = join(dir, 'rev-usage.zip');
    const revoke = join(dir, 'revoke-usage.txt');
    expect(await main(['demo-package', pkg, '--revocation-out', revoke], captureIo())).toBe(0);
    const io = captureIo();
    expect(await main(['verify', pkg, '--revocation', 'DALEL-REVOKE-1 AAAA'], io)).toBe(2);
    expect(io.stderr).toContain('--revocation');
    expect(
      await main(
        ['verify', pkg, '--revocation', revoke, '--compromised-since', 'last May'],
        captureIo(),
      ),
    ).toBe(2);
    expect(await main(['verify', pkg, '--compromised-since', '2026-01-01'], captureIo())).toBe(2);
  });
});
