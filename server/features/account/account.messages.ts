import { defineMessages, translator } from '#server/lib/i18n';

/** The account feature's server texts (mails, exports) in both UI languages; error answers are in server/lib/i18n.ts. */
export const messages = defineMessages({
  en: {
    'mail.passwordReset.subject': 'Reset your Kizuna password',
    'mail.passwordReset.body':
      'Dear {name},\n\nWe received a request to reset the password of your Kizuna account. Set a new password with this link:\n{url}\n\nThe link works once, until {expires}. Setting a new password signs you out on every device.\nIf you did not ask for this, you can ignore this email: your password stays as it is.\n\nThe Kizuna team',
  },
  ja: {
    'mail.passwordReset.subject': '【Kizuna】パスワード再設定のご案内',
    'mail.passwordReset.body':
      '{name} 様\n\nKizuna アカウントのパスワード再設定のお申し込みを受け付けました。以下のリンクから新しいパスワードを設定してください。\n{url}\n\nこのリンクは {expires} まで、1 回だけ使えます。新しいパスワードを設定すると、すべての端末でサインアウトされます。\nお心当たりがない場合は、このメールを破棄してください。パスワードは変更されません。\n\nKizuna 事務局',
  },
});

/** `t(locale, key, params)` over these texts and the core ones. */
export const t = translator(messages);
