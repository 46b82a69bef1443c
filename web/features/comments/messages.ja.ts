import type { Translation } from '#web/i18n/translation';
import type { messages as en } from './messages.en';

/** 日本語の UI テキスト: `comments`（web/i18n/ja.ts でまとめる）。キーは messages.en.ts と同じ。 */
export const messages: Translation<typeof en> = {
  comments: {
    heading: 'コメント',
    count_one: 'コメント{{count}}件',
    count_other: 'コメント{{count}}件',
    empty: 'まだコメントはありません。最初のコメントを書いてみましょう。',
    loadMore: 'コメントをさらに表示',
    composerLabel: 'コメントを書く',
    replyLabel: '返信を書く',
    composerHint: 'Markdown が使えます（**太字**、箇条書き、リンク）。#トピック はトピックのページにリンクします。',
    submit: 'コメントする',
    submitReply: '返信する',
    reply: '返信',
    replyTo: '{{name}}さんに返信',
    edit: '編集',
    editLabel: 'コメントを編集',
    save: '保存',
    cancel: 'キャンセル',
    delete: '削除',
    confirmDelete: 'このコメントを削除しますか？',
    edited: '編集済み',
    deleted: 'このコメントは削除されました。',
    hiddenForOthers: 'このコメントはモデレーターにより非表示になりました。',
    hiddenForAuthor:
      'このコメントはモデレーターにより非表示にされ、あなただけに見えています。理由: {{reason}}',
    posted: 'コメントを投稿しました。',
    commentBy: '{{name}}さんのコメント',
  },
  reactions: {
    label: 'リアクション',
    like: 'いいね',
    celebrate: 'おめでとう',
    insightful: '参考になる',
    support: '応援',
    curious: '気になる',
    toggle: '{{reaction}}（{{count}}）',
    whoReacted: 'リアクションした人',
  },
};
