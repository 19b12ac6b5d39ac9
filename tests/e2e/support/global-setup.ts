import { existsSync } from 'node:fs';
import path from 'node:path';
import { runTempDir } from '../../support/run-temp-dir';
import { CHROMIUM, EXTENSION_DIR } from './launch';

/** Checks the build and the browser are there; the returned function is the global teardown. */
export default function globalSetup(): () => void {
  if (!existsSync(path.join(EXTENSION_DIR, 'manifest.json')))
    throw new Error(`No built extension at ${EXTENSION_DIR}: run \`npm run build\` first.`);
  if (!existsSync(CHROMIUM))
    throw new Error(
      `No Chromium at ${CHROMIUM}: run \`sudo apt-get install chromium\` (or set DALEL_CHROMIUM).`,
    );
  return runTempDir('e2e');
}
