import { defineMessages, translator } from '#server/lib/i18n';

/**
 * The notification centre's server texts (the e-mail channel). The web renders the same texts from
 * type + data (web/features/notifications/messages.*.ts): keep both in step.
 */
export const messages = defineMessages({
  en: {
    'notify.someone': 'Someone',
    'notify.post_comment': '{actor} commented on “{title}”',
    'notify.comment_reply': '{actor} replied to your comment on “{title}”',
    'notify.mention': '{actor} mentioned you in “{title}”',
    'notify.reaction': '{actor} reacted {emoji} to “{title}”',
    'notify.group_invite': '{actor} invited you to the group “{groupName}”',
    'notify.group_join_request': '{actor} asks to join “{groupName}”',
    'notify.group_join_approved': 'You are now a member of “{groupName}”',
    'notify.group_proposal': '{actor} proposed a new group: “{groupName}”',
    'notify.group_proposal_decided': 'HR decided on the group you proposed: “{groupName}”',
    'notify.content_hidden': 'A moderator hid your post or comment “{title}”. Reason: {reason}',
    'notify.posting_suspended': 'A moderator suspended your posting until {until}. Reason: {reason}',
    'notify.job_alert': 'A new job matches your alert: “{title}”',
    'notify.advice_request': '{actor} sent you an advice request',
    'notify.advice_request_decided': '{actor} answered your advice request',
    'notify.message': '{actor} sent you a message',
    'notify.connection_request': '{actor} asks to connect with you',
    'notify.connection_accepted': '{actor} accepted your connection request',
    'notify.event_confirmed': 'You have a seat at “{title}”',
    'notify.event_waitlisted': '“{title}” is full: you are on the waitlist',
    'notify.event_offered': 'A seat at “{title}” is free for you: claim it by {until}',
    'notify.event_approved': 'The host approved your registration for “{title}”',
    'notify.event_declined': 'The host could not accept your registration for “{title}”',
    'notify.event_changed': 'The time or place of “{title}” has changed',
    'notify.event_cancelled': '“{title}” has been cancelled',
    'mail.notification.subject.one': 'Kizuna: {text}',
    'mail.notification.subject.other': 'Kizuna: {count} new notifications',
    'mail.notification.intro': 'Hello {name},\n\nHere is what happened on Kizuna:',
    'mail.notification.more': '…and {count} more on Kizuna.',
    'mail.notification.manage':
      'Choose which notifications are e-mailed to you, or mute a thread or a person, here:\n{settingsUrl}',
    'mail.notification.closing': 'The Kizuna team',
  },
  ja: {
    'notify.someone': 'メンバー',
    'notify.post_comment': '{actor} さんが「{title}」にコメントしました',
    'notify.comment_reply': '{actor} さんが「{title}」のあなたのコメントに返信しました',
    'notify.mention': '{actor} さんが「{title}」であなたをメンションしました',
    'notify.reaction': '{actor} さんが「{title}」に {emoji} でリアクションしました',
    'notify.group_invite': '{actor} さんがあなたをグループ「{groupName}」に招待しました',
    'notify.group_join_request': '{actor} さんがグループ「{groupName}」への参加を申請しました',
    'notify.group_join_approved': 'グループ「{groupName}」に参加しました',
    'notify.group_proposal': '{actor} さんが新しいグループ「{groupName}」を提案しました',
    'notify.group_proposal_decided': '提案したグループ「{groupName}」について事務局が判断しました',
    'notify.content_hidden': 'モデレーターが「{title}」を非表示にしました。理由：{reason}',
    'notify.posting_suspended': 'モデレーターにより {until} まで投稿が停止されています。理由：{reason}',
    'notify.job_alert': '求人アラートに合う新着求人があります：「{title}」',
    'notify.advice_request': '{actor} さんから相談のリクエストが届きました',
    'notify.advice_request_decided': '{actor} さんが相談のリクエストに回答しました',
    'notify.message': '{actor} さんからメッセージが届きました',
    'notify.connection_request': '{actor} さんからつながりリクエストが届きました',
    'notify.connection_accepted': '{actor} さんがつながりリクエストを承認しました',
    'notify.event_confirmed': '「{title}」の参加が確定しました',
    'notify.event_waitlisted': '「{title}」は満席のため、キャンセル待ちに登録しました',
    'notify.event_offered': '「{title}」に空きが出ました。{until} までに参加を確定してください',
    'notify.event_approved': '「{title}」への申込が承認されました',
    'notify.event_declined': '「{title}」への申込は、今回はお受けできませんでした',
    'notify.event_changed': '「{title}」の日時または会場が変更されました',
    'notify.event_cancelled': '「{title}」は中止になりました',
    'mail.notification.subject.one': 'Kizuna：{text}',
    'mail.notification.subject.other': 'Kizuna：新しいお知らせが {count} 件あります',
    'mail.notification.intro': '{name} 様\n\nKizuna での新しいお知らせです。',
    'mail.notification.more': 'ほか {count} 件のお知らせは Kizuna でご覧ください。',
    'mail.notification.manage':
      'メールで受け取るお知らせの種類の変更や、スレッド・メンバーのミュートはこちら：\n{settingsUrl}',
    'mail.notification.closing': 'Kizuna 事務局',
  },
});

/** `t(locale, key, params)` over these texts and the core ones. */
export const t = translator(messages);
