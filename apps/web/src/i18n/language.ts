export const languages = ['fr', 'en'] as const;
export type Language = (typeof languages)[number];

export const defaultLanguage: Language = 'fr';
export const languageStorageKey = 'itsm.language';

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (languages as readonly string[]).includes(value);
}

/** The stored choice wins, then the first supported browser language (`fr-CA` → `fr`), then French. */
export function pickLanguage(stored: string | null, preferred: readonly string[]): Language {
  if (isLanguage(stored)) return stored;
  for (const tag of preferred) {
    const base = tag.toLowerCase().split('-')[0];
    if (isLanguage(base)) return base;
  }
  return defaultLanguage;
}
