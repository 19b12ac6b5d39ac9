/** HTML, Markdown, or plain text to paste into Facebook or Telegram. */
export const BULLETIN_FORMATS = ['html', 'markdown', 'text'] as const;
export type BulletinFormat = (typeof BULLETIN_FORMATS)[number];
