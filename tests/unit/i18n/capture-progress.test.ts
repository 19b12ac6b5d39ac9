import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { captureFailureText, stepText } from '../../../lib/i18n/capture-progress';
import { createTranslator, type MessageCatalog } from '../../../lib/i18n/translator';
import {
  CAPTURE_STEPS,
  captureProgressSchema,
  failedProgress,
} from '../../../lib/messaging/messages/capture';

const catalog = (lang: string) =>
  JSON.parse(readFileSync(`public/_locales/${lang}/messages.json`, 'utf8')) as MessageCatalog;
const en = createTranslator(catalog('en'), catalog('en'));
const ru = createTranslator(catalog('ru'), catalog('en'));
const kk = createTranslator(catalog('kk'), catalog('en'));

describe('capture progress counts from the one list of steps', () => {
  it('the pipeline waits for the page to settle first, then six more steps', () => {
    expect(CAPTURE_STEPS[0]).toBe('settle');
    expect(CAPTURE_STEPS).toHaveLength(7);
  });

  it('a running step says its number of all of them', () => {
    expect(stepText(en, 'settle')).toBe(`Waiting for the page to finish loading: step 1 of 7`);
    expect(stepText(en, 'seal')).toBe('Sealing: step 7 of 7');
    expect(stepText(ru, 'mhtml')).toBe('Сохранение архива страницы: шаг 5 из 7');
  });

  it('a failure names the step it failed in, in each language', () => {
    const why = 'the tab was closed';
    expect(captureFailureText(en, 'mhtml', why)).toBe(
      'Capture failed at step 5 of 7 (Saving the page archive): the tab was closed',
    );
    expect(captureFailureText(ru, 'media', 'вкладка закрыта')).toContain(
      'шаге 6 из 7 («Сохранение фото и видео»)',
    );
    expect(captureFailureText(kk, 'page', 'x')).toContain('7 қадамның 2-сінде');
    // Failed before any step began: no step to name, never "step 0".
    expect(captureFailureText(en, null, why)).toBe('Capture failed: the tab was closed');
  });

  it('the failed event carries the step, counted like the progress, and parses', () => {
    const event = failedProgress(3, 'full_page');
    expect(event).toEqual({
      type: 'capture.progress',
      tabId: 3,
      stage: 'failed',
      done: 3,
      total: CAPTURE_STEPS.length,
      failedAt: 'full_page',
    });
    expect(captureProgressSchema.parse(event)).toEqual(event);
    expect(failedProgress(3, null)).toMatchObject({ done: 0, total: 7 });
    expect(failedProgress(3, null)).not.toHaveProperty('failedAt');
  });
});
