import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Io } from '../../../cli/command';
import { main } from '../../../cli/main';
import { extractedRecordSchema } from '../../../lib/platforms/record';
import { HANDMADE_DIR } from '../platforms/expectations';

function capture(): Io & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (t) => stdout.push(t), err: (t) => stderr.push(t) };
}

const fixture = path.join(HANDMADE_DIR, 'instagram/not-available-ru.html');
const url = 'https://www.instagram.com/p/C0ffeeXmpl1/';

describe('dalel extract', () => {
  it('prints a pretty record by default with sources and warnings', async () => {
    const io = capture();
    expect(await main(['extract', fixture, '--url', url], io)).toBe(0);
    const text = io.stdout.join('\n');
    expect(text).toMatch(/^instagram notice {2}\(extractor instagram \d+\.\d+\.\d+\)/);
    expect(text).toContain('notice.type: unavailable');
    expect(text).toMatch(/warnings:/);
  });

  it('prints the record as schema-valid JSON with --json', async () => {
    const io = capture();
    expect(await main(['extract', fixture, '--url', url, '--json'], io)).toBe(0);
    const record = extractedRecordSchema.parse(JSON.parse(io.stdout.join('')));
    expect(record.notice?.language).toBe('ru');
  });

  it('reads saved JSON, stripping "for (;;);"', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'dalel-extract-'));
    const file = path.join(dir, 'oembed.json');
    writeFileSync(
      file,
      'for (;;);{"author_name":"Dana Example","author_url":"https://www.facebook.com/dana.example/"}',
    );
    const io = capture();
    expect(
      await main(
        ['extract', file, '--url', 'https://www.facebook.com/dana.example/posts/1', '--json'],
        io,
      ),
    ).toBe(0);
    expect(JSON.parse(io.stdout.join('')).post.author).toMatchObject({
      name: 'Dana Example',
      handle: 'dana.example',
    });
  });

  it.each([
    [['extract', '/nonexistent/page.html', '--url', url], /page\.html: cannot read \(ENOENT\)/],
    [['extract', fixture, '--url', 'not a url'], /"not a url" is not an absolute URL/],
    [['extract', fixture], /missing --url/],
    [['extract', '--url', url], /missing <file\.html\|file\.json>/],
    [['extract', fixture, '--url', url, '--bogus'], /unknown option --bogus/],
  ])('exits 2 with a clear message: %j', async (args, message) => {
    const io = capture();
    expect(await main(args, io)).toBe(2);
    expect(io.stderr.join('\n')).toMatch(message);
  });

  it('exits 2 for empty and invalid JSON input', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'dalel-extract-'));
    const empty = path.join(dir, 'empty.html');
    const broken = path.join(dir, 'broken.json');
    writeFileSync(empty, '   ');
    writeFileSync(broken, '{"a":');
    for (const [file, message] of [
      [empty, /file is empty/],
      [broken, /not valid JSON/],
    ] as const) {
      const io = capture();
      expect(await main(['extract', file, '--url', url], io)).toBe(2);
      expect(io.stderr.join('\n')).toMatch(message);
    }
  });

  it('--eval prints per-fixture lines and the field accuracy', async () => {
    const io = capture();
    expect(await main(['extract', '--eval', path.join(HANDMADE_DIR, 'webmail')], io)).toBe(0);
    const text = io.stdout.join('\n');
    expect(text).toMatch(/gmail-instagram-new-login-en\.html/);
    expect(text).toMatch(/field accuracy: \d+\/\d+ = [\d.]+% over \d+ fixtures/);
  });

  it('--eval on a directory without expectations exits 2', async () => {
    const io = capture();
    expect(
      await main(['extract', '--eval', mkdtempSync(path.join(tmpdir(), 'dalel-eval-'))], io),
    ).toBe(2);
    expect(io.stderr.join('\n')).toMatch(/no \*\.expected\.json found/);
  });
});

describe('dalel extract: charset and the post under the pointer', () => {
  it('reads a windows-1251 page as Cyrillic, not garbage', async () => {
    const io = capture();
    const page = path.join(HANDMADE_DIR, 'vk/community-unknown-layout-cp1251.html');
    expect(
      await main(['extract', page, '--url', 'https://vk.com/club210000001', '--json'], io),
    ).toBe(0);
    const record = JSON.parse(io.stdout.join('\n'));
    expect(record.account.name).toBe('Правозащитный центр «Пример»');
    expect(record.kind).toBe('account');
  });

  it('--target gives the post around that element, --content-type sets the charset', async () => {
    const io = capture();
    const feed = path.join(HANDMADE_DIR, 'telegram/feed-channel-ru.html');
    const args = ['extract', feed, '--url', 'https://t.me/s/monitor_example', '--json'];
    expect(await main([...args, '--target', '[data-post="monitor_example/1202"] time'], io)).toBe(
      0,
    );
    const record = JSON.parse(io.stdout.join('\n'));
    expect(record.post.id).toBe('1202');
    expect(record.target.permalink).toBe('https://t.me/monitor_example/1202');
    const bad = capture();
    expect(await main([...args, '--target', '#nothing-here'], bad)).toBe(2);
    expect(bad.stderr.join('\n')).toMatch(/no element matches --target "#nothing-here"/);
  });
});
