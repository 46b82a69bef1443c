import { defineMessages, translator } from '#server/lib/i18n';

/** The invitations feature's server texts (mails, exports) in both UI languages; error answers are in server/lib/i18n.ts. */
export const messages = defineMessages({
  en: {
    'mail.invitation.subject': 'You are invited to the Kizuna alumni network',
    'mail.invitation.body':
      'Dear {name},\n\n{inviter} has invited you to Kizuna, the network of our alumni and colleagues.\n\nSet your password with this link to complete your registration:\n{url}\n\nThe link is valid until {expires}. If it has expired, please ask HR for a new one.\nIf you were not expecting this email, you can simply ignore it.\n\nWe look forward to staying in touch.\nThe Kizuna team',
    'mail.invitation.resentSubject': 'Your new invitation link to the Kizuna alumni network',
    'mail.invitation.byHr': 'The HR team',
    'mail.invitation.byPerson': '{name} (HR)',
  },
  ja: {
    'mail.invitation.subject': 'Kizuna アルムナイネットワークへのご招待',
    'mail.invitation.body':
      '{name} 様\n\n{inviter}より、アルムナイと社員のネットワーク「Kizuna」へご招待いたします。\n\n下記のリンクからパスワードを設定いただくと、ご登録が完了します。\n{url}\n\nこのリンクの有効期限は{expires}です。期限が切れた場合は、お手数ですが人事部までご連絡ください。\nお心当たりのない場合は、このメールを破棄してくださいますようお願いいたします。\n\n今後ともどうぞよろしくお願いいたします。\nKizuna 事務局',
    'mail.invitation.resentSubject': '【再送】Kizuna アルムナイネットワークへのご招待',
    'mail.invitation.byHr': '人事部',
    'mail.invitation.byPerson': '人事部の{name}',
  },
});

/** `t(locale, key, params)` over these texts and the core ones. */
export const t = translator(messages);
