import type { VisibilityMap } from '#common/profiles';
import type { Suggestion, SuggestionList, SuggestionListResult, SuggestionTerm } from '#common/suggestions';
import { cardPresenter } from '#server/features/directory/directory.presenter';
import type { Viewer } from '#server/lib/access/policy';
import type { SuggestionRow } from './suggestions.service';

const round = (n: number) => Math.round(n * 100) / 100;

/** Each term's fields listed: what is stored in jsonb never reaches the answer unlisted. */
function presentTerm(t: SuggestionTerm): SuggestionTerm {
  const w = { weight: t.weight, points: t.points };
  switch (t.kind) {
    case 'sameDepartment':
      return { kind: t.kind, department: t.department, from: t.from, to: t.to, ...w };
    case 'sameIntake':
      return { kind: t.kind, year: t.year, ...w };
    case 'mutualConnections':
      return { kind: t.kind, count: t.count, ...w };
    case 'generationGap':
      return { kind: t.kind, years: t.years, direction: t.direction, ...w };
    case 'otherDepartment':
      return { kind: t.kind, department: t.department, ...w };
    case 'industry':
      return { kind: t.kind, industry: t.industry, ...w };
    case 'sharedSkills':
      return { kind: t.kind, skills: [...t.skills], ...w };
    case 'sharedLanguages':
      return { kind: t.kind, languages: [...t.languages], ...w };
    case 'sameLocation':
      return { kind: t.kind, location: t.location, country: t.country, ...w };
  }
}

export function presentSuggestions(
  {
    viewer,
    limits,
    list,
    photos,
  }: { viewer: Viewer; limits: VisibilityMap; list: SuggestionList; photos: ReadonlyMap<string, string> },
  rows: SuggestionRow[],
): SuggestionListResult {
  const card = cardPresenter({ viewer, limits, photos });
  return {
    list,
    items: rows.map(
      (r): Suggestion => ({
        member: card(r.card),
        list,
        score: round(r.score),
        terms: r.terms.map(presentTerm),
      }),
    ),
  };
}
