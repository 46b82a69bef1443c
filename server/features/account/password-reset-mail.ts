import type { Locale } from '#common/locale';
import { t } from './account.messages';

/** Its link (`/reset-password?token=…`) acts for the member: the outbox masks it (decision 021). */

import { PASSWORD_RESET_MAIL_KIND } from '#common/mail';
import { formatExpiry, type OutgoingMail } from '#server/lib/outbox';

/** The reset email in the member's language: the link, until when it works, what to do if unasked. */
export function passwordResetMail(options: {
  to: string;
  userId: string;
  locale: Locale;
  name: string;
  url: string;
  expiresAt: Date;
}): OutgoingMail {
  const { locale } = options;
  return {
    kind: PASSWORD_RESET_MAIL_KIND,
    to: options.to,
    locale,
    userId: options.userId,
    subject: t(locale, 'mail.passwordReset.subject'),
    text: t(locale, 'mail.passwordReset.body', {
      name: options.name,
      url: options.url,
      expires: formatExpiry(options.expiresAt, locale),
    }),
  };
}
