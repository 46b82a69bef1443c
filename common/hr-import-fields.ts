/**
 * The fields an HR CSV column can be mapped to, and the automatic mapping from header names.
 * Free of zod so the web bundle can import these values (the mapping step lists them).
 */
export const HR_IMPORT_FIELDS = [
  'employeeNumber',
  'familyName',
  'givenName',
  /** "山田 太郎" in one column: split at the first space into family and given name. */
  'fullName',
  'familyNameKana',
  'givenNameKana',
  /** "やまだ たろう" in one column. */
  'fullNameKana',
  'familyNameRomaji',
  'givenNameRomaji',
  'workEmail',
  'personalEmail',
  'joinedOn',
  'leftOn',
  /** Split on / or ; (half- or full-width) into a list. */
  'departments',
  'lastTitle',
  'office',
  'leaveReason',
  /** ja / en (also 日本語 / 英語): the language of mail to this person. */
  'locale',
] as const;
export type HrImportField = (typeof HR_IMPORT_FIELDS)[number];

/** What a mapping must cover to be usable. */
export const REQUIRED_IMPORT_FIELDS = ['employeeNumber'] as const;

/** Upload limit when IMPORT_MAX_BYTES is not set (200 MB ≈ 1.5 million rows). */
export const DEFAULT_IMPORT_MAX_BYTES = 200 * 1024 * 1024;
/** Rows shown in the mapping preview. */
export const IMPORT_PREVIEW_ROWS = 20;

/**
 * Header spellings (after normalising: NFKC, lower case, no spaces, _ - ・ ( ) removed) → field.
 * Japanese HR systems and Excel templates differ; these are the common ones.
 */
const SYNONYMS: Record<HrImportField, readonly string[]> = {
  employeeNumber: [
    '社員番号',
    '従業員番号',
    '社員no',
    '社員コード',
    '従業員コード',
    '社員id',
    '職員番号',
    'employeenumber',
    'employeeno',
    'employeeid',
    'empno',
    'staffid',
    'employeecode',
  ],
  familyName: ['姓', '氏', '苗字', '名字', '姓漢字', '氏漢字', 'familyname', 'lastname', 'surname'],
  givenName: ['名', '名前', '名漢字', 'givenname', 'firstname', 'forename'],
  fullName: ['氏名', '社員名', '従業員名', '氏名漢字', 'fullname', 'name', 'employeename'],
  familyNameKana: [
    '姓カナ',
    'セイ',
    '姓かな',
    '氏カナ',
    '姓フリガナ',
    '姓ふりがな',
    'familynamekana',
    'lastnamekana',
  ],
  givenNameKana: ['名カナ', 'メイ', '名かな', '名フリガナ', '名ふりがな', 'givennamekana', 'firstnamekana'],
  fullNameKana: [
    '氏名カナ',
    'フリガナ',
    'ふりがな',
    'カナ氏名',
    'よみがな',
    'シメイ',
    'namekana',
    'fullnamekana',
    'kana',
  ],
  familyNameRomaji: [
    '姓ローマ字',
    '姓英字',
    '姓英語',
    'familynameromaji',
    'lastnameromaji',
    'familynameen',
    'lastnameen',
  ],
  givenNameRomaji: [
    '名ローマ字',
    '名英字',
    '名英語',
    'givennameromaji',
    'firstnameromaji',
    'givennameen',
    'firstnameen',
  ],
  workEmail: [
    'メール',
    'メールアドレス',
    '社用メール',
    '会社メール',
    '業務用メール',
    'email',
    'mail',
    'workemail',
    'emailaddress',
    'companyemail',
    'businessemail',
  ],
  personalEmail: [
    '個人メール',
    '私用メール',
    '個人メールアドレス',
    '連絡先メール',
    'personalemail',
    'privateemail',
    'homeemail',
  ],
  joinedOn: [
    '入社日',
    '入社年月日',
    '雇用開始日',
    'joinedon',
    'joindate',
    'hiredate',
    'startdate',
    'dateofhire',
    'joined',
  ],
  leftOn: [
    '退職日',
    '退職年月日',
    '最終出社日',
    '雇用終了日',
    'lefton',
    'leavedate',
    'enddate',
    'terminationdate',
    'lastday',
    'left',
  ],
  departments: [
    '部署',
    '所属',
    '部門',
    '所属部署',
    '部署名',
    '所属部門',
    'department',
    'departments',
    'dept',
    'division',
  ],
  lastTitle: ['役職', '最終役職', '職位', '肩書', '職名', 'title', 'jobtitle', 'lasttitle', 'position'],
  office: ['勤務地', '事業所', '拠点', '勤務先事業所', 'office', 'location', 'site', 'worklocation'],
  leaveReason: ['退職理由', '退職事由', 'leavereason', 'reasonforleaving', 'terminationreason'],
  locale: ['言語', '使用言語', '連絡言語', 'locale', 'language', 'lang'],
};

const normaliseHeader = (header: string) =>
  header
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s_\-・()（）]/g, '');

const LOOKUP = new Map<string, HrImportField>(
  Object.entries(SYNONYMS).flatMap(([field, names]) =>
    names.map((name) => [normaliseHeader(name), field as HrImportField] as const),
  ),
);

/**
 * A first mapping from the file's headers: each recognised header to its field, each field at
 * most once (the first header wins). HR confirms or changes it before the import starts.
 */
export function suggestMapping(headers: readonly string[]): Record<string, HrImportField> {
  const mapping: Record<string, HrImportField> = {};
  const used = new Set<HrImportField>();
  for (const header of headers) {
    const field = LOOKUP.get(normaliseHeader(header));
    if (field && !used.has(field)) {
      mapping[header] = field;
      used.add(field);
    }
  }
  return mapping;
}

/** Status of an import that is still moving (the UI polls while it is one of these). */
export const ACTIVE_IMPORT_STATUSES = ['queued', 'running'] as const;
