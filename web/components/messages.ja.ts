import type { Translation } from '#web/i18n/translation';
import type { messages as en } from './messages.en';

/** 日本語の UI テキスト: `app`, `common`, `errors`, `validation`, `language`, `nav`, `adminNav`, `footer`, `pagination`, `chipInput`, `memberPicker`, `search`, `notFound`, `careersNav`（web/i18n/ja.ts でまとめる）。キーは messages.en.ts と同じ。 */
export const messages: Translation<typeof en> = {
  app: {
    name: '絆 Kizuna',
    homeLink: 'Kizuna ホーム',
  },
  common: {
    loading: '読み込み中…',
    retry: '再試行',
    save: '保存',
    cancel: 'キャンセル',
  },
  errors: {
    generic: '問題が発生しました。もう一度お試しください。',
    network: 'サーバーに接続できませんでした。通信環境を確認してもう一度お試しください。',
    rateLimited: '試行回数が多すぎます。しばらく待ってからお試しください。',
  },
  validation: {
    required: '必須項目です。',
    passwordLength: '{{n}}文字以上で入力してください。',
    passwordMatch: 'パスワードが一致しません。',
    requiredLegend: '* 印の項目は必須です。',
  },
  language: {
    label: '表示言語',
  },
  nav: {
    label: 'メイン',
    skip: '本文へスキップ',
    home: 'ホーム',
    directory: 'メンバー検索',
    myProfile: 'マイプロフィール',
    jobs: '求人',
    admin: '管理',
    signOut: 'ログアウト',
    accountMenu: '{{name}} さんのアカウントメニュー',
    menu: 'メニュー',
  },
  adminNav: {
    label: '管理メニュー',
    members: 'メンバー',
    hrRecords: '人事データ',
    joinRequests: '参加申請',
    exits: '退職管理',
    exitSurvey: '退職者アンケート',
    offboardingTemplates: 'チェックリストのひな形',
    freshness: 'プロフィール鮮度',
    outbox: '送信メール',
    moderation: 'モデレーション',
    retention: '保存期間',
    jobs: '求人',
    pipeline: '再入社',
    referrals: '紹介',
    branding: '組織名・ロゴ',
  },
  footer: {
    text: 'Kizuna — 当社のアルムナイネットワーク。メンバー限定です。',
  },
  pagination: {
    label: 'ページ',
    previous: '前へ',
    next: '次へ',
    status: '{{page}} / {{pageCount}} ページ',
  },
  chipInput: {
    add: '追加',
    addTo: '「{{field}}」に追加',
    chosen: '追加した{{field}}',
    remove: '{{value}} を削除',
    full: '{{max}}個までです。追加するには1つ削除してください。',
    tooLong: '「{{value}}」は長すぎます（1項目{{max}}文字まで）。',
    itemError: '「{{value}}」：{{message}}',
  },
  memberPicker: {
    search: '名前でメンバーを検索',
    placeholder: '漢字・かな・ローマ字で入力',
    none: '見つかりませんでした。',
    empty: 'まだだれも選ばれていません。',
    remove: '{{name}}さんを外す',
  },
  search: {
    label: '検索',
    placeholder: '名前（漢字・かな・ローマ字）、会社、スキル…',
    submit: '検索',
  },
  notFound: {
    title: 'ページが見つかりません',
    body: 'このページは存在しないか、アクセスする権限がありません。',
    home: 'ホームに戻る',
  },
  careersNav: {
    label: '求人とキャリア',
    jobs: 'すべての求人',
    fit: 'あなたに合う求人',
    alerts: '求人アラート',
    referrals: '紹介した人',
    comeBack: '再入社の希望',
  },
  peopleNav: {
    label: '人脈',
    meet: '会いたい人を見つける',
    connections: 'つながり',
    mentors: 'メンター',
    advice: '相談のリクエスト',
  },
  eventList: {
    new: '新着',
  },
};
