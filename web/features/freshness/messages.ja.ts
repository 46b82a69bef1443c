import type { Translation } from '#web/i18n/translation';
import type { messages as en } from './messages.en';

/** 日本語の UI テキスト: `freshness`（web/i18n/ja.ts でまとめる）。キーは messages.en.ts と同じ。 */
export const messages: Translation<typeof en> = {
  freshness: {
    banner: {
      questionFull: '現在も{{employer}}で{{title}}としてご活躍ですか？',
      questionEmployer: '現在も{{employer}}にお勤めですか？',
      questionNone: 'プロフィールは最新の状態ですか？',
      lead: 'しばらくプロフィールが確認されていません。最新のプロフィールは、社員やアルムナイがあなたを見つける手がかりになります。',
      yes: 'はい、変わりません',
      update: '更新する',
      thanks: 'ありがとうございます。プロフィールが最新であることを確認しました。',
    },
    confirm: {
      title: 'プロフィールの確認',
      lead: 'Kizuna のプロフィール（お勤め先や役職）が最新であれば、ボタンを押して確認してください。',
      submit: 'はい、プロフィールは最新です',
      done: 'ありがとうございます。プロフィールが最新であることを確認しました。',
      toApp: 'Kizuna を開く',
    },
    admin: {
      nav: 'プロフィール鮮度',
      title: 'プロフィールの鮮度',
      lead: 'メンバー本人による確認がしばらく行われていないプロフィールの割合です。メンバーにはメールとホーム画面で確認をお願いしています。',
      figures: '集計',
      staleShare: '古いプロフィールの割合',
      staleCount: '古いプロフィール',
      total: '有効なメンバー',
      definition: '直近{{months}}か月間に確認・編集されていないプロフィールを「古い」としています。',
      byRole: 'ロール別',
      byDepartment: '部署別（上位20）',
      none: '部署の登録がありません。',
      barLabel: '{{share}} が古い',
      barValue: '{{share}}（{{stale}} / {{total}}）',
      settings: '確認の間隔',
      months: '間隔（か月）',
      monthsHint: '3〜36か月の範囲で指定してください。',
      saved: '確認の間隔を保存しました。',
    },
  },
};
