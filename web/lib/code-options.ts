import { useMemo } from 'react';
import { COMMON_COUNTRIES, COMMON_LANGUAGES, COUNTRY_CODES, LANGUAGE_CODES } from './codes';
import { useFormat } from './format';

type Options = { value: string; label: string }[];

/**
 * Options for the country and language pickers in the UI language: the common ones first, then
 * the rest by name. Apart from useFormat so that only the profile editor loads the code lists.
 */
export function useCodeOptions() {
  const format = useFormat();
  return useMemo(() => {
    const collator = new Intl.Collator(format.lang);
    const sortedOptions = (
      codes: readonly string[],
      common: readonly string[],
      label: (c: string) => string,
    ): Options => {
      const rest = codes.filter((c) => !common.includes(c));
      return [
        ...common.map((c) => ({ value: c, label: label(c) })),
        ...rest
          .map((c) => ({ value: c, label: label(c) }))
          .sort((a, b) => collator.compare(a.label, b.label)),
      ];
    };
    let countryList: Options | undefined;
    let languageList: Options | undefined;
    return {
      // Built once per language, on first use (≈250 labels, sorted).
      countryOptions: () => {
        countryList ??= sortedOptions(COUNTRY_CODES, COMMON_COUNTRIES, format.country);
        return countryList;
      },
      languageOptions: () => {
        languageList ??= sortedOptions(LANGUAGE_CODES, COMMON_LANGUAGES, format.language);
        return languageList;
      },
    };
  }, [format]);
}
