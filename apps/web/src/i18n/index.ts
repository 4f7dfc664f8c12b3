import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { defaultLanguage, type Language, languageStorageKey, languages, pickLanguage } from './language';
import { resources } from './namespaces';

function readStoredLanguage(): string | null {
  try {
    return localStorage.getItem(languageStorageKey);
  } catch {
    return null; // storage can be disabled (private mode, strict cookie settings)
  }
}

function storeLanguage(lang: string): void {
  try {
    localStorage.setItem(languageStorageKey, lang);
  } catch {
    // the choice then lasts for this page only
  }
}

const initial = pickLanguage(readStoredLanguage(), navigator.languages ?? [navigator.language]);
document.documentElement.lang = initial;

i18n.on('languageChanged', (lang) => {
  document.documentElement.lang = lang;
});

void i18n.use(initReactI18next).init({
  resources,
  lng: initial,
  fallbackLng: defaultLanguage,
  supportedLngs: languages,
  initAsync: false,
  interpolation: { escapeValue: false }, // React already escapes
});

export async function changeLanguage(lang: Language): Promise<void> {
  storeLanguage(lang);
  await i18n.changeLanguage(lang);
}

export { i18n };
