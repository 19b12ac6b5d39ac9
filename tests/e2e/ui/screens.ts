import { mkdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { sendFrom } from '../support/fixtures';

export const SCREENS = 'test-results/screens';
mkdirSync(SCREENS, { recursive: true });

export const LANGS = ['en', 'ru', 'kk'] as const;
export type Lang = (typeof LANGS)[number];

/** Switches the UI language (a setting) and reloads the page so every string follows. */
export async function useLanguage(page: Page, language: Lang): Promise<void> {
  const answer = await sendFrom(page, { type: 'settings.set', patch: { language } });
  if (!answer.ok) throw new Error(JSON.stringify(answer.error));
}

export async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `${SCREENS}/${name}.png`, fullPage: true });
}
