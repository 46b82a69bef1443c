import { defineMessages, translator } from '#server/lib/i18n';

/** The privacy feature's server texts (mails, exports) in both UI languages; error answers are in server/lib/i18n.ts. */
export const messages = defineMessages({
  en: {
    'mail.retention.subject': 'Your Kizuna account will be deleted unless you sign in',
    'mail.retention.body':
      'Dear {name},\n\nYou have not signed in to Kizuna for more than {years} years. Under our data retention rules, your account and the personal data we hold about you will be deleted.\n\nTo keep your account, simply sign in before {date}:\n{url}\n\nIf you no longer need it, you do not have to do anything.\nThe Kizuna team',
  },
  ja: {
    'mail.retention.subject': 'ログインがない場合、Kizuna のアカウントを削除します',
    'mail.retention.body':
      '{name} 様\n\nKizuna に{years}年以上ログインされていません。データ保存期間の規程により、アカウントと保存している個人データを削除いたします。\n\nアカウントを残す場合は、{date} までに一度ログインしてください。\n{url}\n\n今後ご利用の予定がない場合は、このままで結構です。\nKizuna 事務局',
  },
});

/** `t(locale, key, params)` over these texts and the core ones. */
export const t = translator(messages);
