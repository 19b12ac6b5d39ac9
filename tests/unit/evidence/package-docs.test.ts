// report.html and README.txt: what a lawyer reads. The README's manual steps are run for real.
import { execSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDemoInput } from '../../../lib/demo/demo-input';
import { LAYOUT } from '../../../lib/evidence/manifest';
import { generateSigningKey } from '../../../lib/evidence/signing';
import { demoPackage, get, NOW, unpack, writeToBytes } from './package-fixture';

const dec = (b: Uint8Array): string => new TextDecoder().decode(b);

function haveTools(): boolean {
  try {
    execSync('openssl version && unzip -v && sha256sum --version && bash --version', {
      stdio: 'ignore',
    });
    return true;
  } catch {
    return false;
  }
}

describe('report.html', () => {
  it('shows case, person, each capture with its screenshot, URL, time, fields, hashes and the custody trail', async () => {
    const { zip, input, key } = await demoPackage();
    const html = dec(get(await unpack(zip), LAYOUT.report));
    expect(html).toContain("default-src 'none'");
    expect(html).toContain('Art. 405 Part 2');
    expect(html).toContain('Aigerim Sadykova');
    expect(html).toContain(key.fingerprint);
    for (const c of input.captures) {
      expect(html).toContain(c.url);
      expect(html).toContain(c.metadata.startedAt);
      for (const a of c.artifacts) expect(html).toContain(a.sha256);
    }
    expect(html.match(/<img [^>]*src="data:image\/png;base64,/g)).toHaveLength(
      input.captures.length,
    );
    expect(html).toContain('3141592653589793238');
    expect(html).toMatch(/Chain of custody \(\d+ of 9 events/);
    expect(html).not.toMatch(/<script/i);
  });

  it('escapes captured text so a page cannot inject markup into the report', async () => {
    const key = await generateSigningKey();
    const input = await buildDemoInput(key, NOW);
    input.persons[0] = { ...input.persons[0]!, name: '<script>alert(1)</script>' };
    input.cases[0] = { ...input.cases[0]!, notes: '"><img src=x onerror=alert(1)>' };
    const html = dec(get(await unpack(await writeToBytes(input)), LAYOUT.report));
    expect(html).not.toContain('<script>alert(1)');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toContain('<img src=x');
  });
});

describe('README.txt', () => {
  it('is in English and Russian, names the fingerprint and the openssl and sha256sum steps', async () => {
    const { zip, key } = await demoPackage();
    const text = dec(get(await unpack(zip), LAYOUT.readme));
    expect(text).toContain('=== ENGLISH ===');
    expect(text).toContain('=== РУССКИЙ ===');
    expect(text).toContain(key.fingerprint);
    expect(text).toContain(
      'openssl pkeyutl -verify -pubin -inkey signer.pem -rawin -in statement.json -sigfile statement.sig',
    );
    expect(text).toContain('sha256sum -c SHA256SUMS');
  });

  it('its manual steps, run in a shell on a real package, succeed — and fail on a tampered one', async (ctx) => {
    if (!haveTools()) ctx.skip();
    const { zip, key } = await demoPackage();
    const dir = mkdtempSync(join(tmpdir(), 'dalel-readme-'));
    try {
      writeFileSync(join(dir, 'package.zip'), zip);
      execSync('unzip -q package.zip -d package', { cwd: dir });
      const pkg = join(dir, 'package');
      const sh = (cmd: string): string =>
        execSync(cmd, { cwd: pkg, shell: '/bin/bash', stdio: 'pipe' }).toString();
      expect(
        sh('openssl pkey -pubin -in signer.pem -outform DER | tail -c 32 | sha256sum').slice(0, 32),
      ).toBe(key.fingerprint.replace(/-/g, ''));
      expect(
        sh(
          'openssl pkeyutl -verify -pubin -inkey signer.pem -rawin -in statement.json -sigfile statement.sig',
        ),
      ).toContain('Signature Verified Successfully');
      const statement = JSON.parse(readFileSync(join(pkg, 'statement.json'), 'utf8')) as {
        manifest: string;
      };
      expect(`sha256:${sh('sha256sum manifest.json').slice(0, 64)}`).toBe(statement.manifest);
      expect(sh('sha256sum -c SHA256SUMS')).not.toContain('FAILED');
      expect(sh('grep -c "$(sha256sum SHA256SUMS | cut -c1-64)" manifest.json').trim()).toBe('1');
      const extra =
        "find . -type f ! -name manifest.json ! -name statement.json ! -name statement.sig ! -name signer.pem ! -name SHA256SUMS ! -path './timestamps/*' | sed 's|^\\./||' | sort | diff - <(cut -c67- SHA256SUMS | sort)";
      expect(sh(extra)).toBe('');
      // Tamper with one artifact: step 5 must fail.
      const png = sh('ls captures/*/screenshot-viewport.png | head -1').trim();
      writeFileSync(
        join(pkg, png),
        Buffer.concat([readFileSync(join(pkg, png)), Buffer.from([0])]),
      );
      expect(() => sh('sha256sum -c SHA256SUMS')).toThrow();
      writeFileSync(join(pkg, 'added.txt'), 'x');
      expect(() => sh(extra)).toThrow();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
