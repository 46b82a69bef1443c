import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { changeLanguage, preloadLanguage, UI_LANGUAGES, type UiLanguage } from '#web/i18n';

const NAMES: Record<UiLanguage, string> = { ja: '日本語', en: 'English' };

/** Two toggle buttons, each named in its own language so a reader of either can find theirs. */
export function LanguageSwitcher({ onChange }: { onChange?: (language: UiLanguage) => void }) {
  const { t, i18n } = useTranslation();
  const current = i18n.resolvedLanguage === 'en' ? 'en' : 'ja';
  // The other catalogue is a separate download: until it is in, the page stays as it is.
  const [pending, setPending] = useState<UiLanguage | null>(null);
  const preload = (lng: UiLanguage) => {
    if (lng !== current) preloadLanguage(lng).catch(() => {}); // reported if the reader does click
  };
  return (
    <fieldset className="flex rounded-lg border border-slate-300 bg-white p-0.5 text-sm">
      <legend className="sr-only">{t('language.label')}</legend>
      {UI_LANGUAGES.map((lng) => (
        <button
          key={lng}
          type="button"
          lang={lng}
          aria-pressed={current === lng}
          aria-busy={pending === lng || undefined}
          onPointerEnter={() => preload(lng)}
          onFocus={() => preload(lng)}
          onClick={() => {
            if (current === lng || pending) return;
            setPending(lng);
            changeLanguage(lng)
              .then(() => onChange?.(lng))
              .catch((error: unknown) => console.error(error))
              .finally(() => setPending(null));
          }}
          className={
            'rounded-md px-2 py-1 text-xs font-medium transition-colors sm:px-2.5 sm:text-sm ' +
            (current === lng ? 'bg-ai-700 text-white' : 'text-slate-700 hover:bg-slate-100') +
            (pending === lng ? ' cursor-progress' : '')
          }
        >
          {NAMES[lng]}
        </button>
      ))}
    </fieldset>
  );
}
