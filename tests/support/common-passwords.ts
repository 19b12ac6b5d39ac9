import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseCommonList } from '../../lib/vault/strength';
import { repoRoot } from './shared-fixtures';

/** The list the extension ships (generated on `npm ci` by scripts/build-common-passwords.mjs). */
export function commonPasswords(): Set<string> {
  return parseCommonList(readFileSync(path.join(repoRoot, 'public/common-passwords.txt'), 'utf8'));
}
