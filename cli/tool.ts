import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
  version: string;
};

/** Name and version recorded in packages made by the CLI. */
export const TOOL = { name: 'dalel', version: pkg.version };

/** The font report.pdf embeds: the same file the extension ships (public/fonts). */
export const readReportFont = async (): Promise<Uint8Array> =>
  readFile(new URL('../public/fonts/dejavu-sans-dalel.ttf', import.meta.url));
