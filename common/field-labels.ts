import type { Locale } from './locale';

/** One field's label in both UI languages. */
export type FieldLabel = Readonly<Record<Locale, string>>;

/**
 * Labels of the profile fields, wherever a field is shown (profile page and form, directory,
 * member admin, visibility limits: web `fields.*`) or exported (the member's data export, the
 * rehiring pipeline CSV). One table, so a screen and a file never name a field differently.
 */
export const PROFILE_FIELD_LABELS = {
  familyName: { ja: '姓', en: 'Family name' },
  givenName: { ja: '名', en: 'Given name' },
  familyNameKana: { ja: '姓（かな）', en: 'Family name (kana)' },
  givenNameKana: { ja: '名（かな）', en: 'Given name (kana)' },
  familyNameRomaji: { ja: '姓（ローマ字）', en: 'Family name (romaji)' },
  givenNameRomaji: { ja: '名（ローマ字）', en: 'Given name (romaji)' },
  email: { ja: 'メールアドレス', en: 'Email' },
  employeeNumber: { ja: '社員番号', en: 'Employee number' },
  joinedOn: { ja: '入社日', en: 'Joined' },
  leftOn: { ja: '退職日', en: 'Last day' },
  departments: { ja: '所属部署', en: 'Departments' },
  lastTitle: { ja: '最終役職', en: 'Last title' },
  office: { ja: '勤務地（事業所）', en: 'Office' },
  companyCountry: { ja: '在籍時の国', en: 'Country (at the company)' },
  currentEmployer: { ja: '現在の勤務先', en: 'Current employer' },
  currentTitle: { ja: '現在の役職', en: 'Current title' },
  industry: { ja: '業界', en: 'Industry' },
  location: { ja: '所在地', en: 'Location' },
  country: { ja: '国', en: 'Country' },
  languages: { ja: '言語', en: 'Languages' },
  skills: { ja: 'スキル', en: 'Skills' },
  bio: { ja: '自己紹介', en: 'About' },
  links: { ja: 'リンク', en: 'Links' },
  openToReturn: { ja: '出戻り歓迎', en: 'Open to return' },
  sideWork: { ja: '副業・顧問', en: 'Side work & advisory' },
  mentoring: { ja: 'メンタリング', en: 'Mentoring' },
  speaking: { ja: '登壇', en: 'Speaking' },
} as const satisfies Record<string, FieldLabel>;

/**
 * Labels of the HR record fields as the CSV import names them (web `hrImport.fields.*`, the
 * import's error list and error CSV), also used by the data export for the fields a profile
 * does not have (work and personal email, leave reason, language).
 */
export const HR_RECORD_FIELD_LABELS = {
  _row: { ja: '行全体', en: 'Row' },
  employeeNumber: { ja: '社員番号', en: 'Employee number' },
  familyName: { ja: '姓', en: 'Family name' },
  givenName: { ja: '名', en: 'Given name' },
  fullName: { ja: '氏名（姓と名）', en: 'Full name (family and given)' },
  familyNameKana: { ja: '姓（かな）', en: 'Family name (kana)' },
  givenNameKana: { ja: '名（かな）', en: 'Given name (kana)' },
  fullNameKana: { ja: '氏名（かな）', en: 'Full name (kana)' },
  familyNameRomaji: { ja: '姓（ローマ字）', en: 'Family name (romaji)' },
  givenNameRomaji: { ja: '名（ローマ字）', en: 'Given name (romaji)' },
  workEmail: { ja: '社用メール', en: 'Work email' },
  personalEmail: { ja: '個人メール', en: 'Personal email' },
  joinedOn: { ja: '入社日', en: 'Joined on' },
  leftOn: { ja: '退職日', en: 'Left on' },
  departments: { ja: '部署', en: 'Departments' },
  lastTitle: { ja: '最終役職', en: 'Last title' },
  office: { ja: '勤務地', en: 'Office' },
  leaveReason: { ja: '退職理由', en: 'Leave reason' },
  locale: { ja: '言語', en: 'Language' },
} as const satisfies Record<string, FieldLabel>;

/** A table in one language: `{ field: label }`. */
export function labelsIn<K extends string>(table: Record<K, FieldLabel>, locale: Locale): Record<K, string> {
  return Object.fromEntries(
    Object.entries<FieldLabel>(table).map(([key, label]) => [key, label[locale]]),
  ) as Record<K, string>;
}

/** The label of a field of either table (profile first), or undefined. */
export function fieldLabel(key: string, locale: Locale): string | undefined {
  const label: FieldLabel | undefined =
    (PROFILE_FIELD_LABELS as Record<string, FieldLabel>)[key] ??
    (HR_RECORD_FIELD_LABELS as Record<string, FieldLabel>)[key];
  return label?.[locale];
}
