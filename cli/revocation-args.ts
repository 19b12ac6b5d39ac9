import { existsSync, readFileSync } from 'node:fs';
import { parseRevocation, RevocationError } from '../lib/evidence/revocation';
import type { RevocationNotice } from '../lib/evidence/revocation-check';
import { UsageError } from './command';

/** `--revocation` values (a code, or a file holding one) with the `--compromised-since` date. */
export async function revocationArgs(
  values: readonly string[] | undefined,
  since: string | undefined,
): Promise<RevocationNotice[]> {
  if (since !== undefined && !values?.length)
    throw new UsageError('--compromised-since goes with --revocation');
  let compromisedSince: string | null = null;
  if (since !== undefined) {
    const time = Date.parse(since);
    if (!/^\d{4}-\d{2}-\d{2}/.test(since) || Number.isNaN(time))
      throw new UsageError(
        `--compromised-since: "${since}" is not a date (YYYY-MM-DD or ISO 8601)`,
      );
    compromisedSince = new Date(time).toISOString();
  }
  const notices: RevocationNotice[] = [];
  for (const value of values ?? []) {
    const code = existsSync(value) ? readFileSync(value, 'utf8') : value;
    try {
      await parseRevocation(code);
    } catch (error) {
      if (error instanceof RevocationError) throw new UsageError(`--revocation: ${error.message}`);
      throw error;
    }
    notices.push({ code, compromisedSince });
  }
  return notices;
}
