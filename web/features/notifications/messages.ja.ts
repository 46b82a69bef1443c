import type { Translation } from '#web/i18n/translation';
import type { messages as en } from './messages.en';

/** 日本語の UI テキスト: `notifications`（web/i18n/ja.ts にまとめられる）。 */
export const messages: Translation<typeof en> = {
  notifications: {
    bell: {
      label_zero: '通知 未読なし',
      label_one: '通知 {{count}}件未読',
      label_other: '通知 {{count}}件未読',
    },
    title: '通知',
    lead: 'Kizuna であなたに関わる出来事を、スレッドごとにまとめて表示します。',
    empty:
      'まだ通知はありません。コメント、メンション、リアクション、グループのお知らせ、あなた向けの新着求人がここに届きます。',
    loadMore: 'さらに表示',
    markAllRead: 'すべて既読にする',
    markRead: '既読にする',
    unread: '未読',
    latest: '最新：{{names}}',
    andOthers: '{{names}} ほか{{count}}人',
    someone: 'メンバー',
    settingsLink: '通知の設定',
    mute: {
      menu: 'ミュート…',
      thread: 'このスレッドをミュート',
      person: '{{name}} さんをミュート',
      day: '1日間',
      week: '1週間',
      forever: '解除するまで',
      done: 'ミュートしました。通知の設定から解除できます。',
    },
    types: {
      post_comment: {
        one: '{{actor}} さんが「{{title}}」にコメントしました',
        many: '「{{title}}」に新しいコメントが {{count}} 件あります',
      },
      comment_reply: {
        one: '{{actor}} さんが「{{title}}」のあなたのコメントに返信しました',
        many: '「{{title}}」のあなたのコメントに新しい返信が {{count}} 件あります',
      },
      mention: {
        one: '{{actor}} さんが「{{title}}」であなたをメンションしました',
        many: '「{{title}}」であなたが {{count}} 回メンションされました',
      },
      reaction: {
        one: '{{actor}} さんが「{{title}}」に {{emoji}} でリアクションしました',
        many: '「{{title}}」に新しいリアクションが {{count}} 件あります',
      },
      group_invite: {
        one: '{{actor}} さんがあなたをグループ「{{groupName}}」に招待しました',
        many: 'グループ「{{groupName}}」への招待が {{count}} 件あります',
      },
      group_join_request: {
        one: '{{actor}} さんがグループ「{{groupName}}」への参加を申請しました',
        many: 'グループ「{{groupName}}」への参加申請が {{count}} 件あります',
      },
      group_join_approved: {
        one: 'グループ「{{groupName}}」に参加しました',
        many: 'グループ「{{groupName}}」に参加しました',
      },
      group_proposal: {
        one: '{{actor}} さんが新しいグループ「{{groupName}}」を提案しました',
        many: 'グループ「{{groupName}}」の提案が {{count}} 件あります',
      },
      group_proposal_decided: {
        one: '提案したグループ「{{groupName}}」について事務局が判断しました',
        many: '提案したグループ「{{groupName}}」について事務局が判断しました',
      },
      content_hidden: {
        one: 'モデレーターが「{{title}}」を非表示にしました。理由：{{reason}}',
        many: 'モデレーターが「{{title}}」のあなたの投稿・コメント {{count}} 件を非表示にしました',
      },
      posting_suspended: {
        one: 'モデレーターにより {{until}} まで投稿が停止されています。理由：{{reason}}',
        many: 'モデレーターにより {{until}} まで投稿が停止されています',
      },
      job_alert: {
        one: '求人アラートに合う新着求人があります：「{{title}}」',
        many: '求人アラートに合う新着求人があります：「{{title}}」',
      },
      advice_request: {
        one: '{{actor}} さんから相談のリクエストが届きました',
        many: '相談のリクエストが {{count}} 件届いています',
      },
      advice_request_decided: {
        one: '{{actor}} さんが相談のリクエストに回答しました',
        many: '相談のリクエストへの回答が {{count}} 件あります',
      },
      message: {
        one: '{{actor}} さんからメッセージが届きました',
        many: '新着メッセージが {{count}} 件あります',
      },
      connection_request: {
        one: '{{actor}} さんからつながりリクエストが届きました',
        many: 'つながりリクエストが {{count}} 件届きました',
      },
      connection_accepted: {
        one: '{{actor}} さんがつながりリクエストを承認しました',
        many: '{{count}} 人がつながりリクエストを承認しました',
      },
      event_confirmed: {
        one: '「{{title}}」の参加が確定しました',
        many: '「{{title}}」の参加が確定しました',
      },
      event_waitlisted: {
        one: '「{{title}}」は満席のため、キャンセル待ちに登録しました',
        many: '「{{title}}」は満席のため、キャンセル待ちに登録しました',
      },
      event_offered: {
        one: '「{{title}}」に空きが出ました。{{until}} までに参加を確定してください',
        many: '「{{title}}」に空きが出ました。{{until}} までに参加を確定してください',
      },
      event_approved: {
        one: '「{{title}}」への申込が承認されました',
        many: '「{{title}}」への申込が承認されました',
      },
      event_declined: {
        one: '「{{title}}」への申込は、今回はお受けできませんでした',
        many: '「{{title}}」への申込は、今回はお受けできませんでした',
      },
      event_changed: {
        one: '「{{title}}」の日時または会場が変更されました',
        many: '「{{title}}」の内容が {{count}} 回変更されました',
      },
      event_cancelled: {
        one: '「{{title}}」は中止になりました',
        many: '「{{title}}」は中止になりました',
      },
      event_reminder: {
        one: 'まもなく「{{title}}」が始まります',
        many: 'まもなく「{{title}}」が始まります',
      },
      event_survey: {
        one: '「{{title}}」のアンケートにご協力ください',
        many: '「{{title}}」のアンケートにご協力ください',
      },
    },
    settings: {
      title: '通知の設定',
      lead: '通知の種類ごとに、受け取り方を選べます。「オフ」以外はすべてベルの一覧にも表示されます。',
      channel: {
        in_app: 'ベルのみ',
        email: 'ベルとメール（すぐに）',
        digest: 'ベルと週1回のまとめメール',
        off: 'オフ',
      },
      required: 'モデレーションに関するお知らせは必ず届きます。',
      save: '保存する',
      saved: '通知の設定を保存しました。',
      mutesTitle: 'ミュート中',
      mutesEmpty: 'ミュートしているものはありません。',
      mutedThread: 'スレッド：{{label}}',
      mutedPerson: 'メンバー：{{label}}',
      until: '{{date}} まで',
      forever: '解除するまで',
      unmute: 'ミュートを解除',
      labels: {
        post_comment: 'あなたの投稿へのコメント',
        comment_reply: 'あなたのコメントへの返信',
        mention: 'あなたへのメンション',
        reaction: 'あなたの投稿へのリアクション',
        group_invite: 'グループへの招待',
        group_join_request: '運営しているグループへの参加申請',
        group_join_approved: '参加申請の承認',
        group_proposal: 'グループの提案（事務局向け）',
        group_proposal_decided: '提案したグループへの判断',
        content_hidden: 'モデレーターによる非表示',
        posting_suspended: 'モデレーターによる投稿停止',
        job_alert: '求人アラートに合う新着求人',
        advice_request: '届いた相談のリクエスト',
        advice_request_decided: '送った相談のリクエストへの回答',
        message: '新着メッセージ（会話ごとに数分後にまとめて1通）',
        connection_request: 'つながりリクエスト',
        connection_accepted: 'つながりリクエストの承認',
        event_confirmed: 'イベントの参加確定',
        event_waitlisted: 'イベントのキャンセル待ち登録',
        event_offered: 'キャンセル待ちからのご案内（期限あり）',
        event_approved: 'イベント申込の承認',
        event_declined: 'イベント申込のお断り',
        event_changed: '申し込んだイベントの日時・会場の変更',
        event_cancelled: '申し込んだイベントの中止',
        event_reminder: '参加するイベントの前日・1時間前のリマインダー',
        event_survey: '参加したイベントのアンケート',
      },
    },
  },
};
