import { readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
  version: string;
};

/** Name and version recorded in packages made by the CLI. */
export const TOOL = { name: 'dalel', version: pkg.version };
