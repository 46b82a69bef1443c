import { defineMessages, translator } from '#server/lib/i18n';

/** Messaging's server texts: the batched e-mail about unread messages (decision 039). */
export const messages = defineMessages({
  en: {
    'mail.messages.subject.one': 'New message from {names}',
    'mail.messages.subject.other': '{count} new messages from {names}',
    'mail.messages.intro': 'Hello {name},',
    'mail.messages.body':
      'You have {count} unread message(s) in your conversation with {names} on Kizuna. Read and reply here:',
    'mail.messages.manage':
      'You receive one e-mail per conversation, and no more until you have read it. Mute the conversation or change this in your notification settings: {settingsUrl}',
    'mail.messages.closing': 'The Kizuna team',
  },
  ja: {
    'mail.messages.subject.one': '{names} さんから新着メッセージ',
    'mail.messages.subject.other': '{names} さんから新着メッセージ {count} 件',
    'mail.messages.intro': '{name} さん',
    'mail.messages.body':
      'Kizuna の {names} さんとの会話に未読のメッセージが {count} 件あります。こちらから読んで返信できます。',
    'mail.messages.manage':
      'この通知は会話ごとに1通で、お読みになるまで次は送られません。会話をミュートするか、通知設定で変更できます：{settingsUrl}',
    'mail.messages.closing': 'Kizuna チーム',
  },
});

export const t = translator(messages);
