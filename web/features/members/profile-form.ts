import type { FieldVisibility } from '#common/access';
import type { Profile, ProfileField, ProfileUpdate } from '#common/profiles';
import { AVAILABILITY_FLAGS, type AvailabilityFlag, HR_RECORD_FIELDS, NAME_FIELDS } from '#common/reference';
import { termLabel } from '#common/vocabulary';

export const TEXT_FIELDS = [
  'lastTitle',
  'office',
  'currentEmployer',
  'currentTitle',
  'location',
  'bio',
] as const;
export const CODE_FIELDS = ['companyCountry', 'country', 'industry'] as const;
export const LIST_FIELDS = ['departments', 'skills'] as const;

type NameField = (typeof NAME_FIELDS)[number];
type HrField = (typeof HR_RECORD_FIELDS)[number];
type TextField = (typeof TEXT_FIELDS)[number];
type CodeField = (typeof CODE_FIELDS)[number];
type ListField = (typeof LIST_FIELDS)[number];

export interface LinkRow {
  key: number;
  label: string;
  url: string;
}

/** What the form edits: strings for text inputs, one comma-separated string per free list. */
export type ProfileFormValues = Record<NameField | HrField | TextField | CodeField | ListField, string> &
  Record<AvailabilityFlag, boolean> & {
    languages: string[];
    links: LinkRow[];
    visibility: Partial<Record<ProfileField, FieldVisibility>>;
  };

let linkKey = 0;
export const newLinkRow = (label = '', url = ''): LinkRow => ({ key: ++linkKey, label, url });

/**
 * The form's starting values. Skills show in the reader's language (stored as vocabulary keys:
 * `Sales` reads 営業 in Japanese); saving maps any label back to its key, and an untouched list is
 * not sent at all.
 */
export function toFormValues(p: Profile, lang: 'ja' | 'en' = 'en'): ProfileFormValues {
  const s = (v: string | null | undefined) => v ?? '';
  return {
    familyName: p.familyName,
    givenName: p.givenName,
    familyNameKana: s(p.familyNameKana),
    givenNameKana: s(p.givenNameKana),
    familyNameRomaji: s(p.familyNameRomaji),
    givenNameRomaji: s(p.givenNameRomaji),
    employeeNumber: s(p.employeeNumber),
    joinedOn: s(p.joinedOn),
    leftOn: s(p.leftOn),
    lastTitle: s(p.lastTitle),
    office: s(p.office),
    currentEmployer: s(p.currentEmployer),
    currentTitle: s(p.currentTitle),
    location: s(p.location),
    bio: s(p.bio),
    companyCountry: s(p.companyCountry),
    country: s(p.country),
    industry: s(p.industry),
    departments: (p.departments ?? []).join(', '),
    skills: (p.skills ?? []).map((skill) => termLabel('skill', skill, lang)).join(', '),
    languages: [...(p.languages ?? [])],
    links: (p.links ?? []).map((l) => newLinkRow(l.label, l.url)),
    openToReturn: p.openToReturn ?? false,
    sideWork: p.sideWork ?? false,
    mentoring: p.mentoring ?? false,
    speaking: p.speaking ?? false,
    visibility: { ...(p.visibility ?? {}) },
  };
}

/** "a, b、c" → ['a','b','c'] (ASCII, ideographic and full-width commas). */
export const splitList = (text: string) =>
  text
    .split(/[,、，]/)
    .map((s) => s.trim())
    .filter(Boolean);

const nullable = (s: string) => (s.trim() === '' ? null : s.trim());
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Only the keys the user changed (the API treats absent keys as "leave as is"), and only keys
 * present in the profile (a field the viewer cannot see is never sent). HR-record fields only for HR.
 */
export function toUpdate(
  profile: Profile,
  initial: ProfileFormValues,
  values: ProfileFormValues,
  { canEditHrRecord }: { canEditHrRecord: boolean },
): ProfileUpdate {
  const update: Record<string, unknown> = {};
  const present = (key: string) => key in profile;

  for (const key of NAME_FIELDS) {
    if (values[key].trim() === initial[key].trim()) continue;
    update[key] = key === 'familyName' || key === 'givenName' ? values[key].trim() : nullable(values[key]);
  }
  if (canEditHrRecord) {
    for (const key of HR_RECORD_FIELDS) {
      if (present(key) && values[key].trim() !== initial[key].trim()) update[key] = nullable(values[key]);
    }
  }
  for (const key of [...TEXT_FIELDS, ...CODE_FIELDS]) {
    if (present(key) && values[key].trim() !== initial[key].trim()) update[key] = nullable(values[key]);
  }
  for (const key of LIST_FIELDS) {
    const list = splitList(values[key]);
    if (present(key) && !same(list, splitList(initial[key]))) update[key] = list;
  }
  if (present('languages') && !same(values.languages, initial.languages)) update.languages = values.languages;
  const links = linksOf(values.links);
  if (present('links') && !same(links, linksOf(initial.links))) update.links = links;
  for (const flag of AVAILABILITY_FLAGS) {
    if (present(flag) && values[flag] !== initial[flag]) update[flag] = values[flag];
  }
  const visibility: Record<string, FieldVisibility> = {};
  for (const [field, level] of Object.entries(values.visibility)) {
    if (level && level !== initial.visibility[field as ProfileField]) visibility[field] = level;
  }
  if (Object.keys(visibility).length > 0) update.visibility = visibility;
  // The server re-derives romaji from kana on every PATCH that does not carry it, which would
  // overwrite a romaji the member typed themself (e.g. "Sato" for さとう). So an unchanged romaji is
  // sent along — unless its kana changed, in which case the fresh derivation is what the user expects.
  if (Object.keys(update).length === 0) return {};
  for (const [kana, romaji] of [
    ['familyNameKana', 'familyNameRomaji'],
    ['givenNameKana', 'givenNameRomaji'],
  ] as const) {
    const kanaChanged = values[kana].trim() !== initial[kana].trim();
    if (!(romaji in update) && !kanaChanged && values[romaji].trim() !== '')
      update[romaji] = values[romaji].trim();
  }
  return update as ProfileUpdate;
}

/** Link rows the user left completely empty are dropped; half-filled ones are sent (and checked). */
export const linksOf = (rows: LinkRow[]) =>
  rows
    .map((r) => ({ label: r.label.trim(), url: r.url.trim() }))
    .filter((r) => r.label !== '' || r.url !== '');
