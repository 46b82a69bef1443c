import type { Translation } from '#web/i18n/translation';
import type { messages as en } from './messages.en';

/** 日本語の UI テキスト: `outbox`（web/i18n/ja.ts でまとめる）。キーは messages.en.ts と同じ。 */
export const messages: Translation<typeof en> = {
  outbox: {
    nav: '送信メール',
    title: '送信メール',
    lead: 'Kizuna が送信するすべてのメール（招待やお知らせ）と配信状況です。開くと送信した内容をそのまま確認できます。',
    caption: '送信済み・送信待ちのメール',
    filterStatus: '状態',
    filterKind: '種類',
    all: 'すべて',
    search: '宛先または件名',
    searchSubmit: '検索',
    none: '該当するメールはありません。',
    more: 'さらに表示',
    message: 'メール',
    close: '閉じる',
    sentAt: '送信日時',
    language: '言語',
    recipientHidden: '紹介された候補者（同意まで非表示）',
    textHidden:
      '紹介された候補者に、人事部への情報提供に同意するかを尋ねるメールです。同意があるまで、人事部には宛先も本文も表示されません。',
    linksHidden:
      '本人用のリンク（招待・紹介への回答・プロフィール確認）は伏せています。リンクを持つ人は誰でも本人として操作できるため、受信者本人にだけ届きます。',
    raw: 'メールサーバーが受信した元のメッセージ（{{time}}）',
    noRaw: '元のメッセージは、開発用のローカルメールサーバーで受信したメールにのみ表示されます。',
    columns: {
      subject: '件名',
      to: '宛先',
      kind: '種類',
      status: '状態',
      attempts: '試行回数',
      created: '登録日時',
    },
    kinds: {
      invitation: '招待',
      alumni_welcome: 'アルムナイ歓迎',
      freshness: 'プロフィール確認',
      verification_rejected: '参加申請の見送り',
      verification_already_member: '参加申請（登録済み）',
      retention_warning: '保存期間の予告',
      job_alert: '求人アラート',
      job_alert_digest: '求人アラートまとめ',
      referral_consent: '紹介の同意確認',
    },
    status: {
      queued: '送信待ち',
      sending: '送信中',
      sent: '送信済み',
      failed: '送信失敗',
      bounced: '宛先不明',
      cancelled: '取り下げ',
    },
  },
};
