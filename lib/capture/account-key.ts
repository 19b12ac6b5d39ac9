import type { ExtractedRecord } from '../platforms/record';

/**
 * The key that groups captures of one account into a timeline: `platform#id` when the platform's
 * account id is known (it survives renames), else `platform:handle` lower-cased; null when the
 * page names no account (a generic page).
 */
export function accountKeyOf(record: ExtractedRecord): string | null {
  if (record.platform === 'generic') return null;
  const who = record.account ?? record.post?.author ?? null;
  if (!who) return null;
  if (who.id) return `${record.platform}#${who.id}`;
  const handle = who.handle?.replace(/^@/, '').trim().toLowerCase();
  return handle ? `${record.platform}:${handle}` : null;
}
