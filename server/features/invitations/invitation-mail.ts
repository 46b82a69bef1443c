import type { Locale } from '#common/locale';
import { INVITATION_MAIL_KIND } from '#common/mail';
import { deriveRomaji, displayName, type PersonNames } from '#common/names';
import { formatExpiry, type OutgoingMail } from '#server/lib/outbox';
import { t } from './invitations.messages';

export type InvitationNames = PersonNames;

/**
 * How the invitee is addressed: 佐藤 健太 様 in Japanese; in English the romaji (given first,
 * derived from the kana when HR gave none: Kenta Sato), else the names as written.
 */
export function addresseeName(names: InvitationNames, locale: Locale): string {
  if (locale === 'en') {
    const family = deriveRomaji(names.familyName, names.familyNameKana, names.familyNameRomaji);
    const given = deriveRomaji(names.givenName, names.givenNameKana, names.givenNameRomaji);
    if (family && given) return `${given} ${family}`;
  }
  return displayName(names);
}

/** The invitation email in the invitee's language: who invited, the link, until when it works. */
export function invitationMail(options: {
  to: string;
  locale: Locale;
  names: InvitationNames;
  inviterName: string | null;
  url: string;
  expiresAt: Date;
  invitationId: string;
  isResend?: boolean;
}): OutgoingMail {
  const { locale } = options;
  const inviter = options.inviterName
    ? t(locale, 'mail.invitation.byPerson', { name: options.inviterName })
    : t(locale, 'mail.invitation.byHr');
  return {
    kind: INVITATION_MAIL_KIND,
    to: options.to,
    locale,
    subject: t(locale, options.isResend ? 'mail.invitation.resentSubject' : 'mail.invitation.subject'),
    text: t(locale, 'mail.invitation.body', {
      name: addresseeName(options.names, locale),
      inviter,
      url: options.url,
      expires: formatExpiry(options.expiresAt, locale),
    }),
    subjectId: options.invitationId,
  };
}
