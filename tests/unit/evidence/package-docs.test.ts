// report.html and README.txt: what a lawyer reads. The README's manual steps are run for real.
import { execSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildDemoInput } from '../../../lib/demo/demo-input';
import { LAYOUT } from '../../../lib/evidence/manifest';
import { generateSigningKey, publicKeyPem } from '../../../lib/evidence/signing';
import { MANUAL_STEPS } from '../../../lib/evidence/readme-txt';
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
  it('is in English, Russian and Kazakh, tells whose the package is and where to get a verifier, and prints no ready-made pin', async () => {
    const { zip, key } = await demoPackage();
    const text = dec(get(await unpack(zip), LAYOUT.readme));
    expect(text).toContain('=== ENGLISH ===');
    expect(text).toContain('=== РУССКИЙ ===');
    expect(text).toContain('=== ҚАЗАҚША ===');
    // No fingerprint of the package's own key, and no command with it filled in.
    expect(text).not.toContain(key.fingerprint);
    expect(text).not.toContain(key.fingerprint.replace(/-/g, ''));
    expect(text).toContain('--key <the fingerprint the monitor gave you>');
    expect(text).toContain('VERIFY IT WITH A VERIFIER YOU DID NOT GET FROM THIS PACKAGE');
    expect(text).toContain('ПРОВЕРЯЙТЕ ПРОГРАММОЙ, ПОЛУЧЕННОЙ НЕ ИЗ ЭТОГО ПАКЕТА');
    expect(text).toContain('ОСЫ ПАКЕТТЕН АЛЫНБАҒАН БАҒДАРЛАМАМЕН ТЕКСЕРІҢІЗ');
    for (const section of text.split(/=== (?:ENGLISH|РУССКИЙ|ҚАЗАҚША) ===/).slice(1))
      expect(section).toContain('report.pdf');
    expect(text).toContain(
      'openssl pkeyutl -verify -pubin -inkey signer.pem -rawin -in statement.json -sigfile statement.sig',
    );
    // Every language gives the same commands, in order.
    const [en, rest] = text.split('=== РУССКИЙ ===') as [string, string];
    const [ru, kk] = rest.split('=== ҚАЗАҚША ===') as [string, string];
    expect(commandsIn(ru)).toEqual(commandsIn(en));
    expect(commandsIn(kk)).toEqual(commandsIn(en));
    expect(commandsIn(en)).toEqual([...MANUAL_STEPS]);
  });
});

/** The "$ " lines of a README section, verbatim. */
function commandsIn(text: string): string[] {
  return text
    .split('\n')
    .filter((l) => l.startsWith('   $ '))
    .map((l) => l.slice('   $ '.length));
}

/** Runs every "$" line of the English README, verbatim, in one bash session; output per step. */
function runReadme(dir: string, readme: string): { output: string; status: number }[] {
  const steps = commandsIn(readme.split('=== РУССКИЙ ===')[0]!);
  const script = steps.map((c, i) => `${c}\necho "@@step ${i} $?"`).join('\n');
  const out = spawnSync('bash', ['-c', script], { cwd: dir, encoding: 'utf8' });
  const results: { output: string; status: number }[] = [];
  const text = `${out.stdout}${out.stderr}`;
  let rest = out.stdout;
  for (let i = 0; i < steps.length; i++) {
    const marker = new RegExp(`@@step ${i} (\\d+)\\n`);
    const m = marker.exec(rest);
    if (!m) throw new Error(`step ${i} did not finish:\n${text}`);
    results.push({ output: rest.slice(0, m.index), status: Number(m[1]) });
    rest = rest.slice(m.index + m[0].length);
  }
  return results;
}

describe.skipIf(!haveTools())('README.txt manual steps, run verbatim in bash', () => {
  let dir: string;
  let readme: string;
  let fingerprint: string;
  let zip: Uint8Array;
  beforeEach(async () => {
    const made = await demoPackage();
    zip = made.zip;
    fingerprint = made.key.fingerprint;
    readme = dec(get(await unpack(zip), LAYOUT.readme));
    dir = mkdtempSync(join(tmpdir(), 'dalel-readme-'));
    writeFileSync(join(dir, 'package.zip'), zip);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  /** Unpacks, applies `change` to the unpacked folder, then runs the steps from the start (re-unpacking is refused, so the change stays). */
  const runWith = (change: (pkg: string) => void) => {
    execSync('unzip -q package.zip -d package', { cwd: dir });
    change(join(dir, 'package'));
    // Step 1 would unpack again: run it on a copy of the zip in a fresh folder instead.
    const steps = readme.replace('unzip -q package.zip -d package && cd package', 'cd package');
    return runReadme(dir, steps);
  };

  it('succeed on the package as exported, each printing what the README says it must', () => {
    const [unpackStep, fp, signature, manifest, sums, files, extra] = runReadme(dir, readme);
    expect(unpackStep!.status).toBe(0);
    expect(fp!.output.trim()).toBe(fingerprint.replace(/-/g, ''));
    expect(signature!.output.trim()).toBe('Signature Verified Successfully');
    expect(manifest!.output.trim()).toBe('1');
    expect(sums!.output.trim()).toBe('1');
    expect(files!.status).toBe(0);
    expect(
      files!.output
        .trim()
        .split('\n')
        .every((l) => l.endsWith(': OK')),
    ).toBe(true);
    expect(extra!.output.trim()).toBe('NOTHING EXTRA');
  });

  it('step 6 catches an extra file anywhere — even one named like a signature file, or a symlink', () => {
    const capture = () =>
      execSync('ls -d captures/*/ | head -1', { cwd: join(dir, 'package'), shell: '/bin/bash' })
        .toString()
        .trim();
    let step = runWith((pkg) => writeFileSync(join(pkg, capture(), 'manifest.json'), '{}'));
    expect(step[6]!.output).not.toContain('NOTHING EXTRA');
    // The old step (find -type f ! -name …) let exactly this file through.
    const old =
      "find . -type f ! -name manifest.json ! -name statement.json ! -name statement.sig ! -name signer.pem ! -name SHA256SUMS | sed 's|^\\./||' | sort | diff - <(cut -c67- SHA256SUMS | sort)";
    expect(spawnSync('bash', ['-c', old], { cwd: join(dir, 'package') }).status).toBe(0);
    rmSync(join(dir, 'package'), { recursive: true });
    step = runWith((pkg) => symlinkSync('/etc/hostname', join(pkg, 'notes.txt')));
    expect(step[6]!.output).not.toContain('NOTHING EXTRA');
  });

  it('step 3 refuses a degenerate key with which any "signature" verifies in plain openssl', () => {
    const identity = new Uint8Array(32);
    identity[0] = 1; // the neutral point: [k]A is the identity for every k
    const step = runWith((pkg) => {
      writeFileSync(join(pkg, 'signer.pem'), publicKeyPem(identity));
      writeFileSync(
        join(pkg, 'statement.sig'),
        new Uint8Array([...identity, ...new Uint8Array(32)]),
      );
    });
    // Plain openssl would have said "Signature Verified Successfully" for this forged pair.
    const plain = spawnSync(
      'openssl',
      [
        'pkeyutl',
        '-verify',
        '-pubin',
        '-inkey',
        'signer.pem',
        '-rawin',
        '-in',
        'statement.json',
        '-sigfile',
        'statement.sig',
      ],
      { cwd: join(dir, 'package'), encoding: 'utf8' },
    );
    expect(plain.stdout).toContain('Signature Verified Successfully');
    expect(step[2]!.output.trim()).toBe('DEGENERATE KEY: INVALID');
  });

  it('steps 4 and 5 fail on a changed artifact, SHA256SUMS or manifest', () => {
    let step = runWith((pkg) => {
      const png = execSync('ls captures/*/screenshot-viewport.png | head -1', {
        cwd: pkg,
        shell: '/bin/bash',
      })
        .toString()
        .trim();
      writeFileSync(
        join(pkg, png),
        Buffer.concat([readFileSync(join(pkg, png)), Buffer.from([0])]),
      );
    });
    expect(step[5]!.status).not.toBe(0);
    rmSync(join(dir, 'package'), { recursive: true });
    step = runWith((pkg) =>
      writeFileSync(join(pkg, 'SHA256SUMS'), readFileSync(join(pkg, 'SHA256SUMS')).subarray(80)),
    );
    expect(step[4]!.output.trim()).toBe('0');
    rmSync(join(dir, 'package'), { recursive: true });
    step = runWith((pkg) =>
      writeFileSync(
        join(pkg, 'manifest.json'),
        `${readFileSync(join(pkg, 'manifest.json'), 'utf8')} `,
      ),
    );
    expect(step[3]!.output.trim()).toBe('0');
  });
});
