import { stepPosition, type CaptureStep } from '../messaging/messages/capture';
import type { Translate } from './translator';

/** "Saving the page archive: step 5 of 7", counted from the one list of steps. */
export function stepText(t: Translate, step: CaptureStep): string {
  const { done, total } = stepPosition(step);
  return t('sealingProgress', t(`stage_${step}`), done + 1, total);
}

/**
 * The line a failed capture shows: the step it failed in (when it had begun one) and why, so
 * the monitor knows whether the page was read at all and what to try next.
 */
export function captureFailureText(t: Translate, step: CaptureStep | null, why: string): string {
  if (!step) return t('captureFailed', why);
  const { done, total } = stepPosition(step);
  return t('captureFailedAt', t(`stage_${step}`), done + 1, total, why);
}
