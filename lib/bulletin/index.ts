import type { Language } from '../i18n/translator';
import type { Block } from './blocks';
import { layoutBulletin } from './layout';
import { buildBulletin, type BulletinData, type BulletinScope } from './model';
import { renderHtml } from './render-html';
import { renderMarkdown } from './render-markdown';
import { renderText } from './render-text';

import type { BulletinFormat } from './formats';

export { BULLETIN_FORMATS, type BulletinFormat } from './formats';

const RENDER: Record<BulletinFormat, (blocks: Block[], language: Language) => string> = {
  html: renderHtml,
  markdown: renderMarkdown,
  text: renderText,
};

export interface GeneratedBulletin {
  format: BulletinFormat;
  language: Language;
  /** The bulletin's text, ready to save as `.html`, `.md` or `.txt`. */
  content: string;
  persons: number;
  captures: number;
}

/** Builds and renders a monitoring bulletin from the archive's records. */
export function generateBulletin(
  data: BulletinData,
  options: { scope: BulletinScope; language: Language; format: BulletinFormat; now: Date },
): GeneratedBulletin {
  const model = buildBulletin(data, options.scope, options.now.toISOString());
  const blocks = layoutBulletin(model, options.language);
  return {
    format: options.format,
    language: options.language,
    content: RENDER[options.format](blocks, options.language),
    persons: model.entries.length,
    captures: model.evidence.length,
  };
}

export { buildBulletin, type BulletinData, type BulletinScope } from './model';
export { BULLETIN_STRINGS } from './strings';
