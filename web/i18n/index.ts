import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Catalog } from './en';

export const UI_LANGUAGES = ['ja', 'en'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];
export const LANGUAGE_STORAGE_KEY = 'kizuna.lang';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Catalog };
  }
}

// One chunk per language: a first page downloads only the catalogue it shows (see
// bench/bundle-size.mjs); the other comes when the reader switches.
const CATALOGUES: Record<UiLanguage, () => Promise<Catalog>> = {
  ja: () => import('./ja').then((m) => m.ja),
  en: () => import('./en').then((m) => m.en),
};

const isUiLanguage = (value: unknown): value is UiLanguage => UI_LANGUAGES.includes(value as UiLanguage);

function storedLanguage(): string | null {
  try {
    return localStorage.getItem(LANGUAGE_STORAGE_KEY);
  } catch {
    return null; // storage disabled
  }
}

/** The reader's choice on this device, else the first supported browser language, else Japanese. */
function detectLanguage(): UiLanguage {
  const tags = [storedLanguage(), ...(typeof navigator === 'undefined' ? [] : navigator.languages)];
  for (const tag of tags) {
    const language = tag?.toLowerCase().split('-')[0];
    if (isUiLanguage(language)) return language;
  }
  return 'ja';
}

export const i18n = i18next.createInstance();

i18n.on('languageChanged', (lng) => {
  const language: UiLanguage = lng.startsWith('en') ? 'en' : 'ja';
  if (typeof document !== 'undefined') document.documentElement.lang = language;
  try {
    localStorage.setItem(LANGUAGE_STORAGE_KEY, language);
  } catch {
    // storage disabled: the choice lasts for this page only
  }
});

const initialLanguage = detectLanguage();

/** Settles once the first catalogue is in; render after it so no untranslated key ever shows. */
export const i18nReady: Promise<unknown> = CATALOGUES[initialLanguage]()
  .then((catalogue) => ({ [initialLanguage]: { translation: catalogue } }))
  .catch((error: unknown) => {
    console.error(error);
    return {};
  })
  .then((resources) =>
    i18n.use(initReactI18next).init({
      lng: initialLanguage,
      resources,
      supportedLngs: UI_LANGUAGES,
      nonExplicitSupportedLngs: true,
      load: 'languageOnly',
      fallbackLng: 'ja',
      interpolation: { escapeValue: false },
      returnNull: false,
      react: { useSuspense: false },
    }),
  );

/** Starts downloading a language's catalogue (e.g. when the pointer nears the language switch). */
export function preloadLanguage(language: UiLanguage): Promise<void> {
  if (i18n.hasResourceBundle(language, 'translation')) return Promise.resolve();
  return CATALOGUES[language]().then((catalogue) => {
    if (!i18n.hasResourceBundle(language, 'translation'))
      i18n.addResourceBundle(language, 'translation', catalogue);
  });
}

/**
 * Switches the UI language. The current language stays on screen until the other catalogue has
 * arrived, then everything changes at once; rejects (and stays) when it cannot be loaded.
 */
export async function changeLanguage(language: UiLanguage): Promise<void> {
  await preloadLanguage(language);
  await i18n.changeLanguage(language);
}
