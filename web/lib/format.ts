import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldVisibility } from '#common/access';
import type { AvailabilityFlag, Industry } from '#common/reference';
import type { Role } from '#common/roles';
import type { UiLanguage } from '#web/i18n';
import { displayTerm } from '#common/vocabulary';

export const useLanguage = (): UiLanguage => {
  const { i18n } = useTranslation();
  return i18n.resolvedLanguage === 'en' ? 'en' : 'ja';
};

function displayNames(lang: UiLanguage, type: 'region' | 'language') {
  try {
    return new Intl.DisplayNames([lang], { type, fallback: 'code' });
  } catch {
    return null;
  }
}

/** Labels for codes and dates in the UI language. */
export function useFormat() {
  const { t } = useTranslation();
  const lang = useLanguage();
  return useMemo(() => {
    const regions = displayNames(lang, 'region');
    const languages = displayNames(lang, 'language');
    const dateFmt = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeZone: 'UTC' });
    const monthFmt = new Intl.DateTimeFormat(lang, { year: 'numeric', month: 'short', timeZone: 'UTC' });
    const dateTimeFmt = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' });
    const numberFmt = new Intl.NumberFormat(lang);
    const parse = (iso: string) => {
      const d = new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso);
      return Number.isNaN(d.getTime()) ? null : d;
    };
    const country = (code: string) => regions?.of(code) ?? code;
    const language = (code: string) => languages?.of(code) ?? code;
    return {
      lang,
      role: (role: Role) => t(`roles.${role}`),
      industry: (code: Industry) => t(`industries.${code}`),
      /** A skill or department in the UI language: 営業 / Sales (decision 041). */
      term: (kind: 'skill' | 'department', value: string) => displayTerm(kind, value, lang),
      availability: (flag: AvailabilityFlag) => t(`availability.${flag}`),
      visibility: (level: FieldVisibility) => t(`visibility.levels.${level}`),
      country,
      language,
      number: (n: number) => numberFmt.format(n),
      /** A short list: 営業部、法務部 / Sales, Legal */
      list: (items: readonly string[]) => items.join(lang === 'ja' ? '、' : ', '),
      /** 2024-04-01 → 2024/04/01 or Apr 1, 2024 */
      date: (iso: string) => {
        const d = parse(iso);
        return d ? dateFmt.format(d) : iso;
      },
      /** 2024-04-01 → 2024年4月 or Apr 2024 */
      month: (iso: string) => {
        const d = parse(iso);
        return d ? monthFmt.format(d) : iso;
      },
      dateTime: (iso: string) => {
        const d = parse(iso);
        return d ? dateTimeFmt.format(d) : iso;
      },
    };
  }, [t, lang]);
}

/** "田中 太郎" + "たなか たろう" + "Tanaka Taro": the readings shown under a name, without repeats. */
export function nameReadings(p: {
  displayName: string;
  familyNameKana: string | null;
  givenNameKana: string | null;
  familyNameRomaji: string | null;
  givenNameRomaji: string | null;
}): { kana: string | null; romaji: string | null } {
  const join = (a: string | null, b: string | null) => [a, b].filter(Boolean).join(' ').trim() || null;
  const kana = join(p.familyNameKana, p.givenNameKana);
  const romajiFamilyFirst = join(p.familyNameRomaji, p.givenNameRomaji);
  const romajiGivenFirst = join(p.givenNameRomaji, p.familyNameRomaji);
  const romaji =
    romajiFamilyFirst && romajiFamilyFirst !== p.displayName && romajiGivenFirst !== p.displayName
      ? romajiFamilyFirst
      : null;
  return { kana, romaji };
}
