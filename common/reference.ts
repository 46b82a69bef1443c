/**
 * Fixed lists of the domain, free of zod so the web bundle can import them without the schema
 * library. Code lists are shown with translated labels (web/i18n) and stored as codes.
 */
export const INDUSTRIES = [
  'it',
  'consulting',
  'finance',
  'manufacturing',
  'retail',
  'healthcare',
  'education',
  'public_sector',
  'media',
  'energy',
  'logistics',
  'real_estate',
  'startup',
  'nonprofit',
  'other',
] as const;
export type Industry = (typeof INDUSTRIES)[number];

export const AVAILABILITY_FLAGS = ['openToReturn', 'sideWork', 'mentoring', 'speaking'] as const;
export type AvailabilityFlag = (typeof AVAILABILITY_FLAGS)[number];

/** ISO 3166-1 alpha-2: two upper-case letters. Labels come from Intl.DisplayNames. */
export const COUNTRY_CODE = /^[A-Z]{2}$/;
/** ISO 639-1 language codes: two lower-case letters. */
export const LANGUAGE_CODE = /^[a-z]{2}$/;

/** A member has exactly one role. See docs/decisions/004-visibility-policy.md. */
export const ROLES = ['alumni', 'employee', 'leaver', 'alumni_manager', 'admin'] as const;

/**
 * How far an item may travel. `public` may be shared outside the company; `network` is every
 * member; `internal` is people employed today (employees, leavers before their last day, HR,
 * admins) and never alumni; `confidential` is the named people only.
 */
export const CLASSIFICATIONS = ['public', 'network', 'internal', 'confidential'] as const;

/**
 * The visibility a member chooses for one profile field: HR and admins only, people employed
 * today (employees, leavers, HR, admins), or every member of the network.
 */
export const FIELD_VISIBILITIES = ['admins', 'employees', 'members'] as const;

/** Rank: a higher number travels further. */
export const FIELD_VISIBILITY_RANK: Record<(typeof FIELD_VISIBILITIES)[number], number> = {
  admins: 0,
  employees: 1,
  members: 2,
};

/**
 * Profile fields whose visibility the member chooses (within HR's limits). Names and role are
 * always shown to every member; the employee number is HR-only and not in this list.
 */
export const PROFILE_FIELDS = [
  'email',
  'joinedOn',
  'leftOn',
  'departments',
  'lastTitle',
  'office',
  'companyCountry',
  'currentEmployer',
  'currentTitle',
  'industry',
  'location',
  'country',
  'languages',
  'skills',
  'bio',
  'links',
  ...AVAILABILITY_FLAGS,
] as const;

/** The name parts, in form order. Always visible to every member. */
export const NAME_FIELDS = [
  'familyName',
  'givenName',
  'familyNameKana',
  'givenNameKana',
  'familyNameRomaji',
  'givenNameRomaji',
] as const;

/** Fields from the HR record: verified data that only HR may change. */
export const HR_RECORD_FIELDS = ['employeeNumber', 'joinedOn', 'leftOn'] as const;

/** Minimum password length (decision 003). */
export const PASSWORD_MIN = 12;

export const DIRECTORY_SORTS = ['relevance', 'name'] as const;

export const DIRECTORY_MAX_PAGE_SIZE = 50;

export const DIRECTORY_FACETS = [
  'role',
  'department',
  'industry',
  'country',
  'skill',
  'availability',
] as const;
