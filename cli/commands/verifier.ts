import { writeFileSync } from 'node:fs';
import { toHex } from '../../lib/evidence/hex';
import { sha256 } from '../../lib/evidence/sha256';
import {
  VERIFY_HTML,
  VERIFY_SCRIPT_SHA256,
} from '../../lib/evidence/verifier-page/verify-html.generated';
import { EXIT, UsageError, type Command } from '../command';
import { parseArgs } from '../parse-args';

const usage = `Usage: dalel verifier [--out <verify.html>]

Prints the SHA-256 of the offline verifier page (verify.html) this build of dalel ships, and with
--out writes that page. Compare it with the SHA-256 published with the release, and use this copy
rather than the verify.html inside a package: whoever altered a package could alter its verifier.`;

export const verifierCommand: Command = {
  name: 'verifier',
  summary: 'write the official offline verifier page (verify.html) and print its SHA-256',
  usage,
  async run(args, io) {
    const { positional, options } = parseArgs(args, { out: 'string' });
    if (positional.length > 0) throw new UsageError('no positional arguments expected');
    const bytes = new TextEncoder().encode(VERIFY_HTML);
    if (options.out !== undefined) writeFileSync(options.out as string, bytes, { flag: 'wx' });
    io.out(`verify.html SHA-256: ${toHex(await sha256(bytes))}  (${bytes.length} bytes)`);
    io.out(`its script's SHA-256 (shown at the bottom of the page): ${VERIFY_SCRIPT_SHA256}`);
    if (options.out !== undefined) io.out(`Wrote ${options.out as string}.`);
    return EXIT.ok;
  },
};
