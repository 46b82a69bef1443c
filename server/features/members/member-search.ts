import type { FieldVisibility } from '#common/access';
import { deriveRomaji, kanaToRomaji, type PersonNames } from '#common/names';
import { effectiveVisibility, effectiveVisibilityMap } from '#common/profile-visibility';
import type { ProfileField, VisibilityMap } from '#common/profiles';
import { cjkGrams, FULL_NAME_MARK, normalizeForDirectory, normalizeForSearch } from '#common/search-text';
import { findTerm, termSpellings } from '#common/vocabulary';

/** The profile values that feed search, as stored. */
export interface SearchableProfile extends PersonNames {
  email?: string | null;
  employeeNumber?: string | null;
  departments: string[];
  lastTitle: string | null;
  office: string | null;
  currentEmployer: string | null;
  currentTitle: string | null;
  location: string | null;
  skills: string[];
  bio: string | null;
  visibility: VisibilityMap;
}

export interface SearchColumns {
  sortName: string;
  searchName: string;
  searchMembers: string;
  searchEmployees: string;
  searchAdmins: string;
  gramsMembers: string[];
  gramsEmployees: string[];
  gramsAdmins: string[];
  hiddenFromMembers: ProfileField[];
  hiddenFromEmployees: ProfileField[];
}

const SEARCHED_FIELDS = [
  'currentEmployer',
  'currentTitle',
  'lastTitle',
  'departments',
  'office',
  'location',
  'skills',
  'bio',
] as const satisfies readonly ProfileField[];

const TIERS: FieldVisibility[] = ['members', 'employees', 'admins'];
const RANK: Record<FieldVisibility, number> = { admins: 0, employees: 1, members: 2 };

/**
 * Computes the search columns at write time (decision 005): one cumulative document per viewer
 * tier, so a field is searchable exactly by those who may see it. Names are always visible.
 */
export function buildSearchColumns(p: SearchableProfile, limits: VisibilityMap): SearchColumns {
  const familyRomaji = deriveRomaji(p.familyName, p.familyNameKana, p.familyNameRomaji) ?? '';
  const givenRomaji = deriveRomaji(p.givenName, p.givenNameKana, p.givenNameRomaji) ?? '';
  const familyKanaRomaji = p.familyNameKana ? kanaToRomaji(p.familyNameKana) : '';
  const givenKanaRomaji = p.givenNameKana ? kanaToRomaji(p.givenNameKana) : '';
  // Family and given name written together, in every script, each marked as a full-name key: an
  // exact full-name query ranks first (decision 028) and "tanakayoko" finds 田中 陽子.
  const fullNames = [
    [p.familyNameKana, p.givenNameKana],
    [familyRomaji, givenRomaji],
    [familyKanaRomaji, givenKanaRomaji],
  ]
    .filter(([family, given]) => family && given)
    .map(([family, given]) => normalizeForDirectory(`${family}${given}`).replace(/ /g, ''));
  const names = normalizeForDirectory(
    [
      p.familyName,
      p.givenName,
      `${p.familyName}${p.givenName}`,
      p.familyNameKana,
      p.givenNameKana,
      familyRomaji,
      givenRomaji,
      // Both spellings find the person: "sato" and "satou", "ono" and "oono".
      familyKanaRomaji,
      givenKanaRomaji,
    ]
      .filter(Boolean)
      .join(' '),
  );
  const kanjiFullName = normalizeForDirectory(`${p.familyName}${p.givenName}`).replace(/ /g, '');
  const marked = [...new Set([kanjiFullName, ...fullNames])].map((key) => `${FULL_NAME_MARK}${key}`);
  const searchName = [names, ...marked].join(' ');
  const docs: Record<FieldVisibility, string[]> = {
    members: [searchName],
    employees: [searchName],
    admins: [searchName],
  };
  for (const field of SEARCHED_FIELDS) {
    const value = p[field];
    const text = Array.isArray(value) ? searchSpellings(field, value).join(' ') : value;
    if (!text) continue;
    const level = effectiveVisibility(field, p.visibility, limits);
    for (const tier of TIERS) if (RANK[tier] <= RANK[level]) docs[tier].push(text);
  }
  docs.admins.push(p.email ?? '', p.employeeNumber ?? '');
  const doc = (tier: FieldVisibility) => normalizeForDirectory(docs[tier].join(' '));
  const searchMembers = doc('members');
  const searchEmployees = doc('employees');
  const searchAdmins = doc('admins');
  return {
    sortName: normalizeForSearch(`${familyRomaji} ${givenRomaji} ${p.familyName}${p.givenName}`),
    searchName,
    searchMembers,
    searchEmployees,
    searchAdmins,
    gramsMembers: cjkGrams(searchMembers),
    gramsEmployees: cjkGrams(searchEmployees),
    gramsAdmins: cjkGrams(searchAdmins),
    ...hiddenFields(p.visibility, limits),
  };
}

/**
 * Skills and departments in both languages (decision 041): a skill stored as its vocabulary key is
 * found by either label or an alias; a department that names a term, by both of its names.
 */
function searchSpellings(field: string, values: string[]): string[] {
  if (field === 'skills') return values.flatMap((v) => termSpellings('skill', v));
  if (field === 'departments')
    return values.flatMap((v) => {
      const term = findTerm('department', v);
      return term ? [v, term.labelJa, term.labelEn] : [v];
    });
  return values;
}

/** The fields each lower tier may not see (limits included), for the directory's filters. */
export function hiddenFields(visibility: VisibilityMap, limits: VisibilityMap) {
  const inForce = Object.entries(effectiveVisibilityMap(visibility, limits)) as [
    ProfileField,
    FieldVisibility,
  ][];
  return {
    hiddenFromMembers: inForce.filter(([, level]) => level !== 'members').map(([field]) => field),
    hiddenFromEmployees: inForce.filter(([, level]) => level === 'admins').map(([field]) => field),
  };
}

/**
 * The viewer tiers whose search documents, built under `before`, may hold a searched field that
 * `after` hides from them: until re-indexed, those documents must not be searched by that tier.
 */
export function narrowedTiers(before: VisibilityMap, after: VisibilityMap): FieldVisibility[] {
  return TIERS.filter((tier) =>
    SEARCHED_FIELDS.some(
      (f) => RANK[tier] <= RANK[before[f] ?? 'members'] && RANK[tier] > RANK[after[f] ?? 'members'],
    ),
  );
}
