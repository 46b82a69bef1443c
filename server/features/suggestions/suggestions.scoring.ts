import type { SuggestionList, SuggestionTerm } from '#common/suggestions';

/**
 * The score of one candidate for one member, term by term (decision 038). Pure: the inputs are the
 * fields of the candidate the member may see (hidden ones are null or empty before this is called).
 *
 * "People you may know" counts the ties people already have: a shared former department with
 * overlapping years, the same intake, mutual connections. "Diagonal" (ナナメ) needs a different
 * generation (joined ≥ GENERATION_GAP_YEARS apart) and a different former department or
 * industry, and then counts what they share anyway: skills (IDF-weighted), languages, place.
 */
export const WEIGHTS = {
  sameDepartment: 3,
  sameDepartmentPerYear: 0.25,
  sameIntake: 2,
  mutualConnections: 1.5,
  generationGapPerYear: 0.1,
  otherDepartment: 0.5,
  industry: 0.5,
  sharedSkills: 1,
  sharedLanguages: 0.3,
  sameCity: 1,
  sameCountry: 0.3,
} as const;

export const GENERATION_GAP_YEARS = 8;
/** A language spoken by more than this share of members is not a shared interest. */
export const COMMON_LANGUAGE_SHARE = 0.5;
/** Overlap years counted at most (a 20-year overlap is not ten times a 2-year one). */
const MAX_OVERLAP_YEARS = 4;
/** The generation gap counted at most. */
const MAX_GAP_YEARS = 20;

export interface ScoringPerson {
  joinedOn: string | null;
  leftOn: string | null;
  departments: string[];
  industry: string | null;
  skills: string[];
  languages: string[];
  location: string | null;
  country: string | null;
}

/**
 * Inverse document frequency, smoothed: ln(1 + members / members with the value). Rare values
 * weigh more; a value not yet counted (the counts are cached) counts as held by one member.
 */
export interface Idf {
  total: number;
  skills: Map<string, number>;
  languages: Map<string, number>;
}

export function idfOf(total: number, df: number | undefined): number {
  return Math.log(1 + Math.max(total, 1) / Math.max(df ?? 1, 1));
}

const year = (date: string | null) => (date ? Number(date.slice(0, 4)) : null);
const round = (n: number) => Math.round(n * 100) / 100;

export interface Scored {
  score: number;
  terms: SuggestionTerm[];
}

function knowTerms(
  me: ScoringPerson,
  other: ScoringPerson,
  mutual: number,
  thisYear: number,
): SuggestionTerm[] {
  const terms: SuggestionTerm[] = [];
  const shared = other.departments.filter((d) => me.departments.includes(d));
  const [myFrom, myTo] = [year(me.joinedOn), year(me.leftOn) ?? thisYear];
  const [theirFrom, theirTo] = [year(other.joinedOn), year(other.leftOn) ?? thisYear];
  if (shared[0] && myFrom !== null && theirFrom !== null) {
    const from = Math.max(myFrom, theirFrom);
    const to = Math.min(myTo, theirTo);
    if (from <= to) {
      const years = Math.min(to - from + 1, MAX_OVERLAP_YEARS);
      const points = WEIGHTS.sameDepartment + WEIGHTS.sameDepartmentPerYear * years;
      terms.push({
        kind: 'sameDepartment',
        department: shared[0],
        from,
        to,
        weight: WEIGHTS.sameDepartment,
        points,
      });
    }
  }
  if (myFrom !== null && myFrom === theirFrom) {
    terms.push({ kind: 'sameIntake', year: myFrom, weight: WEIGHTS.sameIntake, points: WEIGHTS.sameIntake });
  }
  if (mutual > 0) {
    const points = round(WEIGHTS.mutualConnections * Math.log2(1 + mutual));
    terms.push({ kind: 'mutualConnections', count: mutual, weight: WEIGHTS.mutualConnections, points });
  }
  return terms;
}

function diagonalTerms(me: ScoringPerson, other: ScoringPerson, idf: Idf): SuggestionTerm[] {
  const [mine, theirs] = [year(me.joinedOn), year(other.joinedOn)];
  if (mine === null || theirs === null || Math.abs(mine - theirs) < GENERATION_GAP_YEARS) return [];
  const gap = Math.abs(mine - theirs);
  const apart: SuggestionTerm[] = [];
  const sharesDepartment = other.departments.some((d) => me.departments.includes(d));
  const theirDepartment = other.departments[0];
  if (!sharesDepartment && theirDepartment) {
    apart.push({
      kind: 'otherDepartment',
      department: theirDepartment,
      weight: WEIGHTS.otherDepartment,
      points: WEIGHTS.otherDepartment,
    });
  }
  if (other.industry && other.industry !== me.industry) {
    apart.push({
      kind: 'industry',
      industry: other.industry,
      weight: WEIGHTS.industry,
      points: WEIGHTS.industry,
    });
  }
  if (apart.length === 0) return [];

  const shared: SuggestionTerm[] = [];
  const skills = other.skills.filter((s) => me.skills.includes(s));
  const skillIdf = skills
    .map((s) => ({ s, w: idfOf(idf.total, idf.skills.get(s)) }))
    .sort((a, b) => b.w - a.w);
  const skillPoints = skillIdf.reduce((sum, x) => sum + x.w, 0);
  if (skills.length > 0 && skillPoints > 0) {
    shared.push({
      kind: 'sharedSkills',
      skills: skillIdf.map((x) => x.s),
      weight: WEIGHTS.sharedSkills,
      points: round(WEIGHTS.sharedSkills * skillPoints),
    });
  }
  // A language most members speak (Japanese, here) says nothing about two people.
  const common = (l: string) => (idf.languages.get(l) ?? 1) > idf.total * COMMON_LANGUAGE_SHARE;
  const languages = other.languages.filter((l) => me.languages.includes(l) && !common(l));
  const languagePoints = languages.reduce((sum, l) => sum + idfOf(idf.total, idf.languages.get(l)), 0);
  if (languages.length > 0 && languagePoints > 0) {
    shared.push({
      kind: 'sharedLanguages',
      languages,
      weight: WEIGHTS.sharedLanguages,
      points: round(WEIGHTS.sharedLanguages * languagePoints),
    });
  }
  if (other.location && other.location === me.location) {
    shared.push({
      kind: 'sameLocation',
      location: other.location,
      country: other.country,
      weight: WEIGHTS.sameCity,
      points: WEIGHTS.sameCity,
    });
  } else if (other.country && other.country === me.country) {
    shared.push({
      kind: 'sameLocation',
      location: null,
      country: other.country,
      weight: WEIGHTS.sameCountry,
      points: WEIGHTS.sameCountry,
    });
  }
  // Shared interests are the point of a diagonal tie: without them it is just a stranger.
  if (
    !shared.some(
      (t) =>
        t.kind === 'sharedSkills' ||
        t.kind === 'sharedLanguages' ||
        (t.kind === 'sameLocation' && t.location),
    )
  ) {
    return [];
  }
  const gapTerm: SuggestionTerm = {
    kind: 'generationGap',
    years: gap,
    direction: theirs < mine ? 'before' : 'after',
    weight: WEIGHTS.generationGapPerYear,
    points: round(WEIGHTS.generationGapPerYear * Math.min(gap, MAX_GAP_YEARS)),
  };
  return [gapTerm, ...apart, ...shared];
}

const total = (terms: SuggestionTerm[]) => round(terms.reduce((sum, t) => sum + t.points, 0));

/** Both lists' scores of one candidate (null where the candidate does not belong to the list). */
export function scoreCandidate(
  me: ScoringPerson,
  other: ScoringPerson,
  { mutual, idf, thisYear }: { mutual: number; idf: Idf; thisYear: number },
): Record<SuggestionList, Scored | null> {
  const know = knowTerms(me, other, mutual, thisYear);
  const diagonal = diagonalTerms(me, other, idf);
  return {
    know: know.length > 0 ? { score: total(know), terms: know } : null,
    diagonal: diagonal.length > 0 ? { score: total(diagonal), terms: diagonal } : null,
  };
}

/** Fading (decision 038): after FREE_SHOWS showings without action, each further one costs 20%. */
export const FADING = { freeShows: 3, factor: 0.8, countOncePerHours: 12 } as const;
export const fadedScore = (score: number, shown: number) =>
  score * FADING.factor ** Math.max(0, shown - FADING.freeShows);

/** Maximal marginal relevance (decision 038): λ·relevance − (1−λ)·similarity to those already picked. */
export const MMR_LAMBDA = 0.7;

export interface Facets {
  department: string | null;
  employer: string | null;
  generation: number | null;
}

/** Share of department, employer and generation (5-year bucket) two candidates have in common. */
export function similarity(a: Facets, b: Facets): number {
  let same = 0;
  if (a.department && a.department === b.department) same += 1;
  if (a.employer && a.employer === b.employer) same += 1;
  if (a.generation !== null && a.generation === b.generation) same += 1;
  return same / 3;
}

export function mmrRerank<T extends { score: number; facets: Facets }>(
  items: T[],
  limit: number,
  lambda = MMR_LAMBDA,
): T[] {
  const max = Math.max(0, ...items.map((i) => i.score)) || 1;
  const left = [...items];
  const picked: T[] = [];
  while (picked.length < limit && left.length > 0) {
    let best = 0;
    let bestValue = Number.NEGATIVE_INFINITY;
    for (let i = 0; i < left.length; i++) {
      const item = left[i] as T;
      const sim = picked.reduce((m, p) => Math.max(m, similarity(item.facets, p.facets)), 0);
      const value = lambda * (item.score / max) - (1 - lambda) * sim;
      if (value > bestValue) {
        bestValue = value;
        best = i;
      }
    }
    picked.push(left.splice(best, 1)[0] as T);
  }
  return picked;
}

export const facetsOf = (p: {
  departments: string[];
  currentEmployer: string | null;
  joinedOn: string | null;
}): Facets => {
  const joined = year(p.joinedOn);
  return {
    department: p.departments[0] ?? null,
    employer: p.currentEmployer ? p.currentEmployer.normalize('NFKC').trim().toLowerCase() : null,
    generation: joined === null ? null : Math.floor(joined / 5),
  };
};
