import { labelsIn, PROFILE_FIELD_LABELS } from '#common/field-labels';
import type { Translation } from '#web/i18n/translation';
import type { messages as en } from './messages.en';

/** 日本語の UI テキスト: `roles`, `industries`, `availability`, `availabilityHelp`, `visibility`, `fields`（web/i18n/ja.ts でまとめる）。キーは messages.en.ts と同じ。 */
export const messages: Translation<typeof en> = {
  roles: {
    alumni: 'アルムナイ',
    employee: '社員',
    leaver: '退職予定者',
    alumni_manager: '人事',
    admin: '管理者',
  },
  industries: {
    it: 'IT・ソフトウェア',
    consulting: 'コンサルティング',
    finance: '金融・保険',
    manufacturing: '製造',
    retail: '小売・消費財',
    healthcare: '医療・ヘルスケア',
    education: '教育',
    public_sector: '公共・行政',
    media: 'メディア・エンタメ',
    energy: 'エネルギー',
    logistics: '物流',
    real_estate: '不動産',
    startup: 'スタートアップ',
    nonprofit: 'NPO・非営利',
    other: 'その他',
  },
  availability: {
    openToReturn: '出戻り歓迎',
    sideWork: '副業・顧問',
    mentoring: 'メンタリング',
    speaking: '登壇',
  },
  availabilityHelp: {
    openToReturn: '当社への再入社（出戻り）を検討できます。',
    sideWork: '副業・顧問・業務委託の相談を受け付けます。',
    mentoring: '社員やアルムナイのメンターになれます。',
    speaking: 'イベントや勉強会で登壇できます。',
  },
  visibility: {
    fieldLabel: '公開範囲: {{field}}',
    levels: {
      admins: '人事・管理者のみ',
      employees: '社員まで',
      members: '全メンバー',
    },
  },
  fields: labelsIn(PROFILE_FIELD_LABELS, 'ja'),
};
