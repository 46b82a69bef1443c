import { useTranslation } from 'react-i18next';
import type { Industry } from '#common/reference';
import type { SuggestionTerm } from '#common/suggestions';
import { useFormat } from '#web/lib/format';

/** Skills named in a reason at most: the rarest first (the API sorts them). */
const MAX_SKILLS = 2;

/** The reason sentence, built from the score's terms in the viewer's language (decision 038). */
export function useReasonSentence() {
  const { t } = useTranslation();
  const format = useFormat();
  const part = (term: SuggestionTerm): string => {
    switch (term.kind) {
      case 'sameDepartment':
        return t('people.reasons.sameDepartment', {
          department: format.term('department', term.department),
          from: term.from,
          to: term.to,
        });
      case 'sameIntake':
        return t('people.reasons.sameIntake', { year: term.year });
      case 'mutualConnections':
        return t('people.reasons.mutualConnections', { count: term.count });
      case 'generationGap':
        return t(`people.reasons.generationGap_${term.direction}`, { years: term.years });
      case 'otherDepartment':
        return t('people.reasons.otherDepartment', {
          department: format.term('department', term.department),
        });
      case 'industry':
        return t('people.reasons.industry', { industry: format.industry(term.industry as Industry) });
      case 'sharedSkills':
        return t('people.reasons.sharedSkills', {
          skills: format.list(term.skills.slice(0, MAX_SKILLS).map((skill) => format.term('skill', skill))),
        });
      case 'sharedLanguages':
        return t('people.reasons.sharedLanguages', {
          languages: format.list(term.languages.map(format.language)),
        });
      case 'sameLocation':
        return term.location
          ? t('people.reasons.sameCity', { place: term.location })
          : t('people.reasons.sameCountry', { place: format.country(term.country ?? '') });
    }
  };
  return (terms: SuggestionTerm[]) => {
    // "Also in Japan" says little beside a shared skill or language: named only when it is all.
    const hasInterest = terms.some((x) => x.kind === 'sharedSkills' || x.kind === 'sharedLanguages');
    const shown = terms.filter((x) => !(x.kind === 'sameLocation' && !x.location && hasInterest));
    const sentence = shown.map(part).join(format.lang === 'ja' ? '、' : ', ');
    return format.lang === 'ja' ? sentence : sentence.charAt(0).toUpperCase() + sentence.slice(1);
  };
}
