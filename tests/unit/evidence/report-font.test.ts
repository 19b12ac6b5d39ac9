import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readTrueType } from '../../../lib/evidence/pdf/ttf';
import { repoRoot } from '../../support/shared-fixtures';

const FONT = path.join(repoRoot, 'public/fonts/dejavu-sans-dalel.ttf');

describe('the report font (public/fonts, a subset of DejaVu Sans)', () => {
  const font = readTrueType(new Uint8Array(readFileSync(FONT)));

  it('has a glyph for every letter of Kazakh, Russian and English, and the marks reports use', () => {
    const letters =
      'АӘБВГҒДЕЁЖЗИЙКҚЛМНҢОӨПРСТУҰҮФХҺЦЧШЩЪЫІЬЭЮЯаәбвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюя' +
      'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789' +
      'ÄäÖöÜüŞşÑñĞğİıǴǵŪū' + // Kazakh in Latin script
      '.,;:!?()[]«»“”„‘’—–-…№₸€$%@#/\\\\|_+=<>✓';
    const missing = [...letters].filter((ch) => font.glyphOf(ch.codePointAt(0)!) === 0);
    expect(missing).toEqual([]);
  });

  it('is small: the PDF embeds it whole', () => {
    expect(font.bytes.length).toBeLessThan(80 * 1024);
    expect(font.unitsPerEm).toBe(2048);
  });

  it('ships with its licence', () => {
    const licence = readFileSync(path.join(repoRoot, 'public/fonts/LICENSE-DejaVu.txt'), 'utf8');
    expect(licence).toContain('Bitstream Vera');
    expect(licence).toContain('DejaVu changes are in public domain');
  });
});
