import { z } from 'zod';

/**
 * A capture started from the keyboard shortcut or the context menu has no page open to show its
 * error in. Its failure is kept (in memory-only `storage.session`) so the popup can show it, and
 * announced on the badge and in a notification. Pure: the background and the popup share it.
 */
export const LAST_FAILURE_KEY = 'lastCaptureFailure';

export const FAILURE_REASONS = ['locked', 'storage', 'full', 'gesture', 'other'] as const;
export type FailureReason = (typeof FAILURE_REASONS)[number];

export const TRIGGERS = ['shortcut', 'menu'] as const;
export type Trigger = (typeof TRIGGERS)[number];

export const lastFailureSchema = z
  .object({
    at: z.string(),
    tabId: z.number().int(),
    url: z.string().nullable(),
    via: z.enum(TRIGGERS),
    reason: z.enum(FAILURE_REASONS),
    message: z.string(),
  })
  .strict();
export type LastFailure = z.infer<typeof lastFailureSchema>;

/** The prefix of every error that means the archive could not be opened at all. */
export const STORAGE_UNAVAILABLE = 'Dalel could not open its storage';

/** What kind of failure an error is: the notification names only the kind, never the page. */
export function failureReason(error: unknown): FailureReason {
  const e = error as { code?: unknown; name?: unknown; message?: unknown } | null;
  const message = typeof e?.message === 'string' ? e.message : String(error);
  if (e?.code === 'locked') return 'locked';
  if (e?.name === 'StoreFullError' || e?.code === 'storage_full') return 'full';
  if (message.startsWith(STORAGE_UNAVAILABLE)) return 'storage';
  if (/only after you press its button|activeTab/.test(message)) return 'gesture';
  return 'other';
}

export function lastFailureOf(
  error: unknown,
  at: { tabId: number; url: string | null; via: Trigger; now: Date },
): LastFailure {
  const message = error instanceof Error ? error.message : String(error);
  return {
    at: at.now.toISOString(),
    tabId: at.tabId,
    url: at.url,
    via: at.via,
    reason: failureReason(error),
    message,
  };
}

/** A stored value, or null when it is absent or not ours (never trust storage blindly). */
export function parseLastFailure(value: unknown): LastFailure | null {
  const parsed = lastFailureSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/** The browser APIs a failure report uses, injectable for tests. */
export interface FailurePorts {
  now(): Date;
  tabUrl(tabId: number): Promise<string | null>;
  save(failure: LastFailure): Promise<void>;
  badge(tabId: number, title: string): Promise<void>;
  notify(title: string, message: string): Promise<void>;
  message(key: string): string;
}

/**
 * Makes a failed shortcut or context-menu capture visible three ways: the badge "!" on that tab
 * (its tooltip names the reason), a notification (which names only the kind of failure, never
 * the page: notification centres keep a history on disk), and the last failure kept in memory
 * for the popup to show in full. Each is best effort: one failing must not hide the others.
 */
export async function reportTriggerFailure(
  ports: FailurePorts,
  tabId: number,
  via: Trigger,
  error: unknown,
): Promise<LastFailure> {
  const url = await ports.tabUrl(tabId).catch(() => null);
  const failure = lastFailureOf(error, { tabId, url, via, now: ports.now() });
  const reason = ports.message(`failureReason_${failure.reason}`) || failure.message;
  await Promise.all([
    ports.save(failure).catch(() => undefined),
    ports.badge(tabId, `Dalel: ${failure.message}`).catch(() => undefined),
    ports
      .notify(ports.message('notifyCaptureFailedTitle') || 'Dalel: capture failed', reason)
      .catch(() => undefined),
  ]);
  return failure;
}
