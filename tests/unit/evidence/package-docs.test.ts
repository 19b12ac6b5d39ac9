// report.html and README.txt: what a lawyer reads. The README's manual steps are run for real.
import { execSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDemoInput } from '../../../lib/demo/demo-input';
import { LAYOUT } from '../../../lib/evidence/manifest';
import { generateSigningKey } from '../../../lib/evidence/signing';
import { demoPackage, get, NOW, reportFont, unpack, writeToBytes } from './package-fixture';

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
    expect(html).toContain('lang="en"');
    expect(html).toContain('Art. 405 Part 2');
    expect(html).toContain('Aigerim Sadykova');
    expect(html).toContain(key.fingerprint);
    for (const c of input.captures) {
      expect(html).toContain(c.url);
      for (const a of c.artifacts) expect(html).toContain(a.sha256);
    }
    expect(html.match(/<img [^>]*src="data:image\/png;base64,/g)).toHaveLength(
      input.captures.filter((c) => c.artifacts.some((a) => a.role === 'screenshot')).length,
    );
    expect(html).toContain('3141592653589793238');
    expect(html).toMatch(/Chain of custody: \d+ custody events of the 9 in the log concern/);
    expect(html).not.toMatch(/<script/i);
  });

  it('says what things are in words, not raw values and internal ids', async () => {
    const { zip, input } = await demoPackage();
    const html = dec(get(await unpack(zip), LAYOUT.report));
    // The scope by the case's title, tags by names, kinds and roles in words.
    expect(html).toContain('case “Sadykova (demo)”');
    expect(html).toContain('Ground cited in the case — Aigerim Sadykova — Sadykova (demo)');
    expect(html).toContain('Instagram · post');
    expect(html).toContain('Investigator');
    expect(html).toContain('Screenshot');
    expect(html).not.toContain('Record id');
    expect(html).not.toMatch(/>(case|person|selection): /);
    for (const id of [...input.cases.map((c) => c.id), ...input.persons.map((p) => p.id)])
      expect(html, `no ${id} in the text`).not.toMatch(new RegExp(`>[^<]*${id}[^<]*<`));
    // A recorded ground with no capture is listed with its case.
    expect(html).toContain('Attended a peaceful gathering');
  });

  it('is written in the language chosen at export (Russian, Kazakh)', async () => {
    for (const [language, words] of [
      [
        'ru',
        [
          'Пакет доказательств',
          'Как проверить этот пакет',
          'Фиксации:',
          'публикация',
          'Следователь',
          'Цепочка хранения',
        ],
      ],
      [
        'kk',
        [
          'Дәлелдер пакеті',
          'Бұл пакетті қалай тексеруге болады',
          'Тіркеулер:',
          'жазба',
          'Тергеуші',
          'Сақтау тізбегі',
        ],
      ],
    ] as const) {
      const key = await generateSigningKey();
      const input = { ...(await buildDemoInput(key, NOW)), language };
      const html = dec(get(await unpack(await writeToBytes(input)), LAYOUT.report));
      expect(html).toContain(`lang="${language}"`);
      for (const word of words) expect(html, `${language}: ${word}`).toContain(word);
      for (const english of ['How to verify', 'Source URL', 'Captured (UTC)', 'Chain of custody'])
        expect(html, `${language}: no "${english}"`).not.toContain(english);
    }
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

function havePoppler(): boolean {
  try {
    execSync('pdftotext -v && pdffonts -v && pdfimages -v', { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

describe('report.pdf', () => {
  it('is in the package, listed in the signed manifest, with the report in Kazakh, searchable', async (ctx) => {
    const key = await generateSigningKey();
    const input = { ...(await buildDemoInput(key, NOW)), language: 'kk' as const };
    const zip = await writeToBytes(input, { reportFont });
    const entries = await unpack(zip);
    const pdf = get(entries, LAYOUT.reportPdf);
    const manifest = JSON.parse(dec(get(entries, LAYOUT.manifest))) as {
      files: Array<{ path: string; sha256: string; mediaType: string }>;
    };
    const listed = manifest.files.find((f) => f.path === 'report.pdf');
    expect(listed?.mediaType).toBe('application/pdf');
    expect(listed?.sha256).toBe(`sha256:${createHash('sha256').update(pdf).digest('hex')}`);
    expect(dec(pdf.subarray(0, 8))).toBe('%PDF-1.7');
    if (!havePoppler()) {
      console.warn('SKIPPED: poppler-utils (pdftotext) not installed; report.pdf not read back');
      return ctx.skip();
    }
    const dir = mkdtempSync(join(tmpdir(), 'dalel-pdf-'));
    try {
      const file = join(dir, 'report.pdf');
      writeFileSync(file, pdf);
      const text = execSync(`pdftotext -enc UTF-8 ${file} -`).toString();
      // Searchable text, Kazakh letters included; long values may wrap, so compare unwrapped.
      const flat = text.replace(/\s+/g, '');
      expect(text).toContain('Дәлелдер пакеті');
      expect(text).toContain('Бұл пакетті қалай тексеруге болады');
      expect(text).toContain('Aigerim Sadykova');
      expect(text).toContain(key.fingerprint);
      for (const c of input.captures) {
        expect(flat).toContain(c.url.replace(/\s+/g, ''));
        for (const a of c.artifacts) expect(flat, a.name).toContain(a.sha256);
        expect(flat).toContain(c.seal);
      }
      // The custody trail: each event's hash.
      for (const e of input.custody.events) expect(flat).toContain(e.hash);
      const fonts = execSync(`pdffonts ${file}`).toString();
      expect(fonts).toMatch(/CID TrueType\s+Identity-H\s+yes\s+yes\s+yes/);
      const images = execSync(`pdfimages -list ${file}`).toString().trim().split('\n').slice(2);
      expect(images.filter((l) => /\bimage\b/.test(l)).length).toBe(
        input.captures.filter((c) => c.artifacts.some((a) => a.role === 'screenshot')).length,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('is left out, not broken, when the font cannot be had (the HTML report is there)', async () => {
    const key = await generateSigningKey();
    const zip = await writeToBytes(await buildDemoInput(key, NOW));
    const names = (await unpack(zip)).map((e) => e.name);
    expect(names).toContain(LAYOUT.report);
    expect(names).not.toContain(LAYOUT.reportPdf);
  });
});

describe('README.txt', () => {
  it('is in English, Russian and Kazakh, names the fingerprint and the openssl and sha256sum steps', async () => {
    const { zip, key } = await demoPackage();
    const text = dec(get(await unpack(zip), LAYOUT.readme));
    expect(text).toContain('=== ENGLISH ===');
    expect(text).toContain('=== РУССКИЙ ===');
    expect(text).toContain('=== ҚАЗАҚША ===');
    const kazakh = text.slice(text.indexOf('=== ҚАЗАҚША ==='));
    expect(kazakh).toContain(`dalel verify package.zip --key ${key.fingerprint}`);
    expect(kazakh).toContain('sha256sum -c SHA256SUMS');
    expect(kazakh).toContain('report.pdf');
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
        "find . -type f ! -name manifest.json ! -name statement.json ! -name statement.sig ! -name signer.pem ! -name SHA256SUMS | sed 's|^\\./||' | sort | diff - <(cut -c67- SHA256SUMS | sort)";
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
