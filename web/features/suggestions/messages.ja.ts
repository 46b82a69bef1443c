import type { Translation } from '#web/i18n/translation';
import type { messages as en } from './messages.en';

/** 日本語のUIテキスト: `people`（web/i18n/ja.ts にまとめられます）。 */
export const messages: Translation<typeof en> = {
  people: {
    nav: '見つける',
    title: '会いたい人を見つける',
    lead: '知り合いかもしれない人と、世代・部署・業界を越えた「ナナメ」のつながり。',
    tabs: { know: '知り合いかも', diagonal: 'ナナメのつながり' },
    empty: {
      know: 'まだおすすめはありません。プロフィールに以前の部署と在籍年を入れてみましょう。',
      diagonal: 'まだナナメのおすすめはありません。スキル・言語・地域をプロフィールに入れてみましょう。',
    },
    connect: 'つながる',
    requested: '申請しました',
    hide: '今はいい',
    hideLabel: '今はいい：{{name}}さん',
    connectLabel: '{{name}}さんとつながる',
    homeLink: '会いたい人を見つける',
    reasons: {
      sameDepartment: '{{from}}〜{{to}}年にともに{{department}}',
      sameIntake: '同期（{{year}}年入社）',
      mutualConnections_one: '共通のつながり{{count}}人',
      mutualConnections_other: '共通のつながり{{count}}人',
      generationGap_before: 'あなたより{{years}}年先に入社',
      generationGap_after: 'あなたより{{years}}年後に入社',
      otherDepartment: '{{department}}出身',
      industry: '現在は{{industry}}',
      sharedSkills: '{{skills}}への関心が共通',
      sharedLanguages: '{{languages}}も話す',
      sameCity: '同じ{{place}}在住',
      sameCountry: '同じ{{place}}在住',
    },
  },
};
