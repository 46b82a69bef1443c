import type { Translation } from '#web/i18n/translation';
import type { messages as en } from './messages.en';

/** 日本語の UI テキスト: `directory`, `card`（web/i18n/ja.ts でまとめる）。キーは messages.en.ts と同じ。 */
export const messages: Translation<typeof en> = {
  directory: {
    title: 'メンバー検索',
    lead: '当社のアルムナイと社員',
    filters: '絞り込み',
    clearFilters: '絞り込みを解除',
    skipToResults: '検索結果へスキップ',
    noOptions: 'なし',
    showMore_one: 'さらに{{count}}件表示',
    showMore_other: 'さらに{{count}}件表示',
    showLess: '閉じる',
    tenureMin: '下限（年）',
    tenureMax: '上限（年）',
    count_one: '{{formatted}}人',
    count_other: '{{formatted}}人',
    facets: {
      role: '区分',
      department: '部署',
      industry: '業界',
      country: '国',
      skill: 'スキル',
      availability: '協力できること',
      tenure: '在籍年数',
    },
    sort: {
      label: '並び順',
      relevance: '関連度順',
      name: '名前順',
    },
    empty: {
      title: '該当するメンバーが見つかりませんでした',
      body: '別のキーワードを試すか、絞り込み条件を減らしてください。',
    },
  },
  card: {
    now: '現在',
    atCompany: '在籍時',
    where: '拠点',
  },
};
