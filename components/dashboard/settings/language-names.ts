/** Each language named in itself, so a monitor finds theirs whatever the UI language. */
export const LANGUAGE_NAMES = { en: 'English', ru: 'Русский', kk: 'Қазақша' } as const;
