import type { Translation } from '#web/i18n/translation';
import type { messages as en } from './messages.en';

/** 日本語の UI テキスト: `profile`, `edit`, `profileFreshness`（web/i18n/ja.ts でまとめる）。キーは messages.en.ts と同じ。 */
export const messages: Translation<typeof en> = {
  profile: {
    title: 'プロフィール',
    edit: 'プロフィールを編集',
    saved: '変更を保存しました。',
    unchanged: '変更はありませんでした。',
    tenure: '在籍年数',
    years_one: '{{count}}年',
    years_other: '{{count}}年',
    underOneYear: '1年未満',
    sections: {
      atCompany: '在籍時の経歴',
      after: '現在のキャリア',
      availability: '協力できること',
      links: 'リンク',
    },
  },
  edit: {
    title: 'プロフィールを編集',
    welcome: 'Kizuna へようこそ！社員やアルムナイに見つけてもらえるよう、プロフィールを入力しましょう。',
    visibilityHelp: '各項目の横で公開範囲を選べます。名前と区分は常にメンバーに表示されます。',
    nameHelp: 'ローマ字を空欄にすると、かなから自動で入力されます。',
    hrOnly: '社員番号・入社日・退職日は人事記録に基づくため、人事部のみ変更できます。',
    employeeNumberHint: '本人と人事部にのみ表示されます。',
    commaHint: '複数ある場合はカンマ（,）で区切ってください。',
    availabilityHelp: 'どのような形で協力できるかを知らせましょう。',
    notSet: '— 未設定 —',
    addLanguage: '言語を追加…',
    removeLanguage: '{{language}}を削除',
    noLinks: 'リンクはまだありません。',
    addLink: 'リンクを追加',
    linkLabel: 'リンク{{n}}の名前',
    linkUrl: 'リンク{{n}}のURL',
    removeLink: 'リンク{{n}}を削除',
    itemError: '「{{item}}」: {{message}}',
    sections: {
      name: '名前',
    },
  },
  profileFreshness: {
    confirmedOn: '最終確認日: {{date}}',
    stale: '要更新',
    staleHint_one: '{{count}}か月以上、内容が確認されていません',
    staleHint_other: '{{count}}か月以上、内容が確認されていません',
  },
};
