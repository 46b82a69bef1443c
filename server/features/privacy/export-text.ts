import { fieldLabel } from '#common/field-labels';
import type { Locale } from '#common/locale';
import type { DataCategory } from '#common/privacy-reference';

/**
 * Texts of the data export: CSV headers in the member's language, and the bilingual README.
 * A profile or HR record field is labelled as the screens label it (common/field-labels.ts); the
 * other columns, which no screen shows, are labelled here.
 */

const JA_COLUMNS: Record<string, string> = {
  id: 'ID',
  userId: '会員ID',
  name: '氏名',
  emailVerified: 'メール確認済み',
  image: '画像',
  role: '区分',
  status: '状態',
  lastActiveAt: '最終利用日時',
  consentsReviewedAt: '同意の確認日時',
  retentionWarnedAt: '保存期間の通知日時',
  createdAt: '作成日時',
  updatedAt: '更新日時',
  expiresAt: '有効期限',
  ipAddress: 'IPアドレス',
  userAgent: 'ブラウザ',
  accountId: 'アカウントID',
  providerId: 'ログイン方法',
  scope: 'スコープ',
  accessTokenExpiresAt: 'アクセストークン有効期限',
  refreshTokenExpiresAt: 'リフレッシュトークン有効期限',
  identifier: '識別子',
  visibility: '公開範囲',
  isActive: '有効',
  hiddenFromMembers: 'メンバーに非公開の項目',
  hiddenFromEmployees: '社員に非公開の項目',
  consents: '同意している目的',
  confirmedAt: '現職の確認日時',
  freshnessAskedAt: '現職の確認依頼日時',
  purpose: '目的',
  granted: '同意',
  textVersion: '文面の版',
  source: '経路',
  kind: '種類',
  toAddress: '宛先',
  subjectId: '関連ID',
  subject: '件名',
  text: '本文',
  html: '本文（HTML）',
  attempts: '送信試行回数',
  lastError: '最後のエラー',
  providerMessageId: '送信ID',
  claimedAt: '処理開始日時',
  sentAt: '送信日時',
  names: '氏名',
  invitedBy: '招待者ID',
  acceptedAt: '承諾日時',
  revokedAt: '取消日時',
  acceptedUserId: '承諾した会員ID',
  hrRecordId: '人事記録ID',
  deliveryStatus: '配信状況',
  deliveryError: '配信エラー',
  sendCount: '送信回数',
  lastSentAt: '最終送信日時',
  matchName: '照合用の氏名',
  lastImportId: '最終取込ID',
  message: 'メッセージ',
  matchRecordId: '照合した人事記録ID',
  matchScore: '照合スコア',
  matchDetails: '照合の詳細',
  eligibility: '適格性',
  decidedBy: '判断者ID',
  decidedAt: '判断日時',
  decisionNote: '判断メモ',
  decision: '判断方法',
  invitationId: '招待ID',
  actorId: '操作者ID',
  action: '操作',
  subjectType: '対象の種類',
  data: '詳細',
  createdBy: '作成者ID',
  fileName: 'ファイル名',
  importId: '取込ID',
  line: '行',
  reasons: '理由',
  total: '件数',
  // The community (issue 11).
  postId: '投稿ID',
  commentId: 'コメントID',
  parentId: '返信先コメントID',
  groupId: 'グループID',
  authorId: '投稿者ID',
  title: 'タイトル',
  bodyMarkdown: '本文',
  bodyHtml: '本文（HTML）',
  topics: 'トピック',
  mentionIds: 'メンションした会員ID',
  reaction: 'リアクション',
  reporterId: '通報者ID',
  category: '分類',
  note: 'メモ',
  threadKey: 'スレッド',
  link: 'リンク',
  channel: '通知方法',
  readAt: '既読日時',
  mailedAt: 'メール送信日時',
  until: '期限',
  reason: '理由',
  liftedAt: '解除日時',
  body: '本文',
  clicks: 'クリック数',
  dismissedAt: '非表示にした日時',
  appointedBy: '任命者ID',
  editedAt: '編集日時',
  deletedAt: '削除日時',
  hiddenAt: '非表示日時',
  hiddenReason: '非表示の理由',
};

/** "familyNameKana" → "Family name kana". */
const humanise = (key: string) => {
  const words = key.replace(/([A-Z])/g, ' $1').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
};

export function columnLabel(key: string, locale: Locale): string {
  return fieldLabel(key, locale) ?? (locale === 'ja' ? (JA_COLUMNS[key] ?? key) : humanise(key));
}

const CATEGORY: Record<DataCategory, { ja: string; en: string }> = {
  account: { ja: 'アカウント・ログイン', en: 'Account and sign-in' },
  profile: { ja: 'プロフィール', en: 'Profile' },
  consents: { ja: '同意の記録', en: 'Consent record' },
  hr: { ja: '人事記録', en: 'HR record' },
  invitations: { ja: '招待', en: 'Invitations' },
  verification: { ja: '参加申請', en: 'Join requests' },
  careers: { ja: '求人・再入社', en: 'Jobs and rehiring' },
  community: { ja: 'コミュニティ', en: 'Community' },
  mail: { ja: '送信したメール', en: 'Emails sent to you' },
  activity: { ja: '操作の記録', en: 'Activity log' },
};

export function readme(
  files: { file: string; category: DataCategory; via: string[]; rows: number }[],
  generatedAt: string,
): string {
  const ja = [
    'Kizuna — あなたのデータ',
    `作成日時: ${generatedAt}`,
    '',
    'このファイルには、Kizuna があなたについて保存しているすべての個人データが含まれています。',
    'my-data.json : すべてのデータ（テーブルごと）',
    'csv/*.csv    : テーブルごとの CSV（UTF-8、BOM 付き、見出しはあなたの言語）',
    'パスワードやログイン用のトークンなどの秘密情報、検索用に自動生成された列は含まれません。',
    '',
    ...files.map(
      (f) => `csv/${f.file} — ${CATEGORY[f.category].ja}（${f.rows}件。対象: ${f.via.join(' / ')}）`,
    ),
  ];
  const en = [
    'Kizuna — your data',
    `Generated: ${generatedAt}`,
    '',
    'This archive holds every piece of personal data Kizuna keeps about you.',
    'my-data.json : everything, by table',
    'csv/*.csv    : one CSV per table (UTF-8 with BOM, headers in your language)',
    'Secrets (password hashes, sign-in tokens) and search columns derived from your profile are left out.',
    '',
    ...files.map(
      (f) => `csv/${f.file} — ${CATEGORY[f.category].en} (${f.rows} rows; linked by: ${f.via.join(' / ')})`,
    ),
  ];
  return `${[...ja, '', '----', '', ...en].join('\r\n')}\r\n`;
}
