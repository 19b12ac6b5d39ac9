import { z } from 'zod';
import { sha256RefSchema } from '../../model/capture';
import { redactionRegionSchema } from '../../model/redaction';
import { idField as id, message, tabIdField, type Access } from './define';

/**
 * Capture: take, read back and compare captures, and read artifact bytes.
 *
 * - `capture.run {tabId, scope?}` → `{ id, seal }` once the capture is sealed and stored; otherwise an
 *   error with code `storage_full` or `failed` and a message for the monitor. Nothing partial is
 *   ever stored.
 * - `capture.get {id}` → `{ capture, links, custody }`.
 * - `capture.list {}` → `Capture[]`, newest first.
 * - `capture.ofTab {tabId}` → `{ latest, running }`: the newest capture sealed in that tab
 *   (whatever started it: popup, shortcut, context menu) and the capture running there now.
 * - `capture.timeline {accountKey}` → `[{ capture, changes: [{field, before, after}] }]`, oldest
 *   first; the changes are against the account as last observed (none for the first entry).
 * - `artifact.get {sha256}` → `{ mediaType, size, base64 }` (refused over `ARTIFACT_GET_MAX` bytes).
 * - `artifact.thumbnail {sha256}` → `{ mediaType: 'image/jpeg', base64 }`: a small view of a
 *   screenshot for the captures list (derived in memory, never stored).
 *
 * While a capture runs, the background broadcasts progress events (not requests; nobody answers
 * them) with `runtime.sendMessage`: `{ type: 'capture.progress', tabId, stage, done, total }`.
 * Pages listen with `runtime.onMessage` and parse them with `captureProgressSchema`.
 */
export const captureMessages = [
  message('capture.run', {
    tabId: tabIdField,
    /** `pointer`: the post last right-clicked in that tab, as "Capture this post" takes it. */
    scope: z.enum(['page', 'pointer']).optional(),
  }),
  message('capture.get', { id }),
  message('capture.list', {}),
  message('capture.ofTab', { tabId: tabIdField }),
  message('capture.timeline', { accountKey: z.string().min(1).max(300) }),
  message('artifact.get', { sha256: sha256RefSchema }),
  message('artifact.thumbnail', { sha256: sha256RefSchema }),
  /** The capture's redacted working copies (all, oldest first) and which are in force. */
  message('redaction.list', { captureId: id }),
  /**
   * A new redacted copy of one original (a screenshot or the snapshot) with the regions the
   * monitor reviewed; it supersedes the copy in force for that original.
   */
  message('redaction.apply', {
    captureId: id,
    original: sha256RefSchema,
    regions: z.array(redactionRegionSchema).max(500),
  }),
] as const;

export const captureAccess = {
  'capture.run': 'extension-page',
  'capture.get': 'extension-page',
  'capture.list': 'extension-page',
  'capture.ofTab': 'extension-page',
  'capture.timeline': 'extension-page',
  'artifact.get': 'extension-page',
  'artifact.thumbnail': 'extension-page',
  'redaction.list': 'extension-page',
  'redaction.apply': 'extension-page',
} as const satisfies Record<(typeof captureMessages)[number]['shape']['type']['value'], Access>;

/** Largest artifact `artifact.get` returns (base64 inflates it by a third). */
export const ARTIFACT_GET_MAX = 32 * 1024 * 1024;

/**
 * The steps of a capture, in the order the pipeline runs them: the one list every "step n of m"
 * is counted from (the pipeline, the progress events, the popup's failure line).
 */
export const CAPTURE_STEPS = [
  'settle',
  'page',
  'screenshot',
  'full_page',
  'mhtml',
  'media',
  'seal',
] as const;
export type CaptureStep = (typeof CAPTURE_STEPS)[number];

export const CAPTURE_STAGES = [...CAPTURE_STEPS, 'done', 'failed'] as const;
export type CaptureStage = (typeof CAPTURE_STAGES)[number];

/** A progress event of a running capture (broadcast by the background, parsed by pages). */
export const captureProgressSchema = z
  .object({
    type: z.literal('capture.progress'),
    tabId: z.number().int().nonnegative(),
    stage: z.enum(CAPTURE_STAGES),
    /** Stages finished so far, of `total`. */
    done: z.number().int().nonnegative(),
    total: z.number().int().positive(),
    /** On `failed`: the step the capture was in when it failed (absent if it failed before any). */
    failedAt: z.enum(CAPTURE_STEPS).optional(),
  })
  .strict();
export type CaptureProgress = z.infer<typeof captureProgressSchema>;

/** Whether a stage is one of the pipeline's steps (not `done` or `failed`). */
export function isCaptureStep(stage: CaptureStage): stage is CaptureStep {
  return (CAPTURE_STEPS as readonly string[]).includes(stage);
}

/** Where step `step` stands: `done` steps before it, of all of them. */
export function stepPosition(step: CaptureStep): { done: number; total: number } {
  return { done: CAPTURE_STEPS.indexOf(step), total: CAPTURE_STEPS.length };
}

/** The event a failed capture broadcasts: which step it failed in, counted like the progress. */
export function failedProgress(tabId: number, step: CaptureStep | null): CaptureProgress {
  return step
    ? { type: 'capture.progress', tabId, stage: 'failed', ...stepPosition(step), failedAt: step }
    : { type: 'capture.progress', tabId, stage: 'failed', done: 0, total: CAPTURE_STEPS.length };
}
