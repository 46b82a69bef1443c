import { defineMessages, translator } from '#server/lib/i18n';

/** The verification feature's server texts (mails, exports) in both UI languages; error answers are in server/lib/i18n.ts. */
export const messages = defineMessages({
  en: {
    'mail.joinAlreadyMember.subject': 'You already have a Kizuna account',
    'mail.joinAlreadyMember.body':
      'Hello {name},\n\nWe received a request to join Kizuna with your details, but you already have an account.\nPlease sign in here instead:\n\n{url}\n\nIf you did not make this request, you can ignore this email.',
    'mail.joinRejected.subject': 'Your request to join Kizuna',
    'mail.joinRejected.body':
      'Hello {name},\n\nThank you for your request to join Kizuna, our alumni network.\nUnfortunately we could not confirm your details against our records, so we cannot invite you at this time.\nIf you think this is a mistake, please contact the HR department.\n\nThank you for your understanding.',
  },
  ja: {
    'mail.joinAlreadyMember.subject': 'Kizuna のアカウントはすでにお持ちです',
    'mail.joinAlreadyMember.body':
      '{name} 様\n\nKizuna への参加申請を受け付けましたが、すでにアカウントをお持ちです。\n以下からログインしてください。\n\n{url}\n\nお心当たりのない場合は、このメールは破棄してください。',
    'mail.joinRejected.subject': 'Kizuna への参加申請について',
    'mail.joinRejected.body':
      '{name} 様\n\nアルムナイネットワーク「Kizuna」への参加をご申請いただき、ありがとうございます。\n誠に恐れ入りますが、ご入力いただいた内容を当社の記録と照合できなかったため、今回はご招待を見送らせていただきます。\nお心当たりがない場合や誤りと思われる場合は、人事部までお問い合わせください。\n\nご理解のほど、よろしくお願いいたします。',
  },
});

/** `t(locale, key, params)` over these texts and the core ones. */
export const t = translator(messages);
