import { defineMessages, translator } from '#server/lib/i18n';

/** The branding feature's server texts (mails, exports) in both UI languages; error answers are in server/lib/i18n.ts. */
export const messages = defineMessages({
  en: {
    'mail.signature': '{org}\nKizuna, our alumni network',
  },
  ja: {
    'mail.signature': '{org}\nアルムナイネットワーク「Kizuna」',
  },
});

/** `t(locale, key, params)` over these texts and the core ones. */
export const t = translator(messages);
