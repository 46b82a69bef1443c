import type { Translation } from '#web/i18n/translation';
import type { messages as en } from './messages.en';

/** 日本語の UI テキスト：`digest`（web/i18n/ja.ts に集約）。 */
export const messages: Translation<typeof en> = {
  digest: {
    frequency: {
      weekly: '毎週',
      biweekly: '2 週間ごと',
      monthly: '4 週間ごと',
      off: '受け取らない',
    },
    settings: {
      title: 'コミュニティダイジェスト',
      lead: 'ネットワークで注目の投稿、あなたに合う求人、あなた宛てのお知らせをまとめた短いメールです。しばらく Kizuna を開いていないときに、新着がある場合だけお送りします。',
      frequency: '配信頻度',
      submit: '保存',
      saved: '保存しました。',
      lastSent: '前回の配信：{{date}}',
      neverSent: 'まだダイジェストは配信されていません。',
      consentOff: 'ダイジェストは「ニュースとダイジェストを受け取る」に同意している場合のみ配信されます。',
      privacyLink: 'プライバシー設定で変更する',
      fromPrivacy: 'コミュニティダイジェストの配信頻度：',
    },
    unsubscribe: {
      title: 'ダイジェストの配信停止',
      lead: 'コミュニティダイジェストのメール配信を停止しますか？求人アラートなど、ほかのメールには影響しません。',
      submit: '配信を停止する',
      done: '配信を停止しました。今後ダイジェストは届きません。',
      later: '設定画面からいつでも再開できます。',
      invalid: 'このリンクは無効になっています。ログインしてダイジェストの設定を変更してください。',
      toSettings: 'ダイジェストの設定',
    },
  },
};
