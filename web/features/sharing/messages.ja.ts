import type { Translation } from '#web/i18n/translation';
import type { messages as en } from './messages.en';

/** 日本語の UI テキスト: `sharing`（web/i18n/ja.ts でまとめる）。キーは messages.en.ts と同じ。 */
export const messages: Translation<typeof en> = {
  sharing: {
    title: 'シェアキット',
    lead: 'このリリースを広めるのにご協力ください。用意された文章とあなた専用のリンクでシェアできます。リンクのクリック数は数えますが、誰がクリックしたかは記録しません。',
    readyText: 'シェア用の文章',
    copyText: '文章をコピー',
    copied: 'コピーしました。',
    myLink: 'あなた専用のリンク',
    createLink: 'シェア用リンクを発行',
    copyLink: 'リンクをコピー',
    linkClicks_one: 'これまでのクリック数: {{count}}回',
    linkClicks_other: 'これまでのクリック数: {{count}}回',
    shareOn: 'シェア先',
    x: 'X',
    linkedin: 'LinkedIn',
    facebook: 'Facebook',
    notFound: 'この投稿にはシェアキットがないか、表示できません。',
    backToPost: '投稿に戻る',
    stats: {
      title: 'アルムナイによる拡散状況',
      totalClicks: 'クリック数',
      linksCreated: '発行されたリンク',
      topSharers: 'よくシェアしてくれた人',
      none: 'まだクリックはありません。',
      clicks_one: '{{count}}回',
      clicks_other: '{{count}}回',
    },
    discussion: 'リアクションとコメント',
  },
};
