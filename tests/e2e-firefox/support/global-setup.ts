import { existsSync } from 'node:fs';
import path from 'node:path';
import { FIREFOX_BUILD } from './addon';
import { FIREFOX } from './firefox';
import { runTempDir } from '../../support/run-temp-dir';

/** Checks the build and the browser are there; the returned function is the global teardown. */
export default function globalSetup(): () => void {
  if (!existsSync(path.join(FIREFOX_BUILD, 'manifest.json')))
    throw new Error(`No Firefox build at ${FIREFOX_BUILD}: run \`npm run build:firefox\` first.`);
  if (!existsSync(FIREFOX))
    throw new Error(
      `No Firefox at ${FIREFOX}: run \`sudo apt-get install firefox-esr\` (or set DALEL_FIREFOX).`,
    );
  return runTempDir('firefox');
}
