import type { RecordBuilder } from './builder';
import { canonicalUrl, titleOf } from './dom';
import { classifyDocument } from './notices';
import type { ExtractedRecord } from './record';
import { sessionsIn } from './sessions';

/** Items that can hold one session on Instagram / Facebook / Accounts Center login-activity pages. */
export const SESSION_ITEM_SELECTOR = '[role="listitem"], li, [data-session]';

/**
 * "Login activity" / "Where you're logged in": every session with device, place, IP (where
 * shown), time and whether it is the current one. Shared by the Instagram and Facebook extractors.
 */
export function extractLoginActivity(
  doc: Document,
  b: RecordBuilder,
  itemSelector = SESSION_ITEM_SELECTOR,
): ExtractedRecord {
  const root = doc.querySelector('[role="main"]') ?? doc.querySelector('main') ?? doc.body ?? doc;
  const sessions = sessionsIn(root, itemSelector).filter(
    (s) => (s.device && (s.place || s.timeText)) || (s.place && s.timeText),
  );
  if (sessions.length) b.note('security', 'dom');
  else b.warn('security: no sessions found on the login-activity page');
  sessions.forEach((s, i) => {
    if (!s.device) b.warn(`security.${i}.device: not shown`);
    if (!s.at && !s.timeText) b.warn(`security.${i}.time: not shown`);
  });
  const notice = sessions.length ? null : classifyDocument(doc);
  return b.finish({
    kind: notice ? 'notice' : 'page',
    canonicalUrl: canonicalUrl(doc),
    title: titleOf(doc),
    security: sessions,
    notice,
  });
}
