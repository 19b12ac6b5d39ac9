// verify.html is the page a lawyer or an expert is asked to trust: small and plain enough to read
// (it was 486 KB, 443 KB of it a schema library), and it names its own build.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  VERIFY_HTML,
  VERIFY_SCRIPT_SHA256,
} from '../../../lib/evidence/verifier-page/verify-html.generated';

/**
 * The size budget: everything in the page is our code, readable, plus fflate's inflater. RFC 3161
 * verification (DER, X.509, CMS, chain) and the shipped TSA roots take about 60 KiB of it.
 * Raised from 200 to 272 KiB for the Russian and Kazakh words of every check, time-stamp line
 * and page text (measured: the page grew from 193,110 to 265,684 bytes, +72,574; Cyrillic
 * takes two bytes a letter in UTF-8), keeping the headroom it had before.
 */
const BUDGET = 272 * 1024;

const script = /<script>([\s\S]*)<\/script>/.exec(VERIFY_HTML)![1]!;

describe('verify.html', () => {
  it(`stays within ${BUDGET / 1024} KiB`, () => {
    expect(new TextEncoder().encode(VERIFY_HTML).length).toBeLessThanOrEqual(BUDGET);
  });

  it('carries no schema library and is not minified: names and source files stay readable', () => {
    expect(script).not.toMatch(/ZodError|node_modules\/zod|\$ZodType/);
    for (const file of [
      'lib/evidence/verify.ts',
      'lib/evidence/zip/reader.ts',
      'lib/evidence/shape.ts',
    ])
      expect(script).toContain(`// ${file}`);
    expect(script).toMatch(/async function verifyPackage\(/);
    expect(script.split('\n').length).toBeGreaterThan(1000);
  });

  it('shows the SHA-256 of its own script', () => {
    expect(VERIFY_SCRIPT_SHA256).toBe(createHash('sha256').update(script).digest('hex'));
    expect(VERIFY_HTML).toMatch(
      new RegExp(`Script SHA-256:</span> <span id="script-sha256">${VERIFY_SCRIPT_SHA256}</span>`),
    );
  });

  it('carries its texts in English, Russian and Kazakh, English in the static page', () => {
    expect(VERIFY_HTML).toContain('<select id="lang">');
    expect(VERIFY_HTML).toContain('<h1 data-t="heading">Evidence package verifier</h1>');
    for (const words of ['НЕДЕЙСТВИТЕЛЕН', 'ЖАРАМСЫЗ', 'не совпадает CRC-32', 'CRC-32 сәйкес емес'])
      expect(script).toContain(words);
  });

  it('tells the reader not to trust a verifier that came inside the package', () => {
    expect(VERIFY_HTML).toContain('Do not trust a verifier that came inside the package');
  });
});
