import type { Translate } from '../../../lib/i18n/translator';
import { describeError } from '../../ui/describe-error';

// The locker's error codes the pull side words itself (read, not write); the background sends
// them as "<code>: <detail>" (lib/background/handlers/locker.ts).
const READ_CODES = ['wrong_key', 'forbidden', 'unreachable', 'no_bucket', 'clock_skew', 'stalled'];

/** A failure of listing or downloading, in the reader's language, with the locker's detail. */
export function pullErrorText(t: Translate, error: unknown): string {
  const message = error instanceof Error ? error.message : '';
  const code = /^([a-z_]+): /.exec(message)?.[1];
  if (code && READ_CODES.includes(code))
    return `${t(`pullError_${code}`)} (${message.slice(code.length + 2)})`;
  return describeError(t, error);
}
