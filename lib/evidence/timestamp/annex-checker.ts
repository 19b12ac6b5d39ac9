// The checker of the unsigned annex (../annex.ts) for RFC 3161 time stamps: the annex may hold
// only tokens (`timestamps/<n>.tsr`) and their README. Anything else there is unsigned data no
// one vouches for and fails like an unlisted file. The tokens themselves are then judged one by
// one (check-package.ts): a bad token gives no trusted time, but cannot change what the
// signature proves.
import type { AnnexChecker } from '../annex';
import { annexTokenNumber, TIMESTAMPS } from './annex';

/** The README is a short English/Russian text. */
const README_MAX = 16 * 1024;

export const checkTimestampAnnex: AnnexChecker = async (files, { checks }) => {
  for (const f of files) {
    if (f.name === TIMESTAMPS.readme) {
      if (f.bytes.length > README_MAX)
        checks.fail(f.name, 'annex_file_unknown', { dir: TIMESTAMPS.dir });
    } else if (annexTokenNumber(f.name) === null) {
      checks.fail(f.name, 'annex_file_unknown', { dir: TIMESTAMPS.dir });
    }
  }
};
