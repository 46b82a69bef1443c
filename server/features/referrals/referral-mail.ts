import type { Locale } from '#common/locale';
import { REFERRAL_CONSENT_MAIL_KIND } from '#common/mail';
import type { ReferralJob } from '#common/referrals';
import type { Env } from '#server/lib/env';
import { formatExpiry, type OutgoingMail } from '#server/lib/outbox';
import { t } from './referrals.messages';

/**
 * The consent link. The token sits in the fragment, which browsers never send to a server, so it
 * does not end up in access logs or proxies; the page reads it and calls the API.
 */
export const consentUrl = (env: Pick<Env, 'BASE_URL'>, token: string) =>
  `${env.BASE_URL}/referral-consent#${token}`;

/** A job's title in the reader's language, else in the other one. */
export function jobTitle(job: Pick<ReferralJob, 'titleJa' | 'titleEn'>, locale: Locale): string {
  return (locale === 'ja' ? (job.titleJa ?? job.titleEn) : (job.titleEn ?? job.titleJa)) ?? '';
}

/**
 * The email asking the candidate to agree, in the language the referrer chose for them: who
 * referred them, for which job, why, exactly what HR will see if they agree (with their history
 * if they worked here), the hand-off to the applicant tracking system, what the referrer learns,
 * how to withdraw, the link and its deadline.
 * Pure: tested without a database.
 */
export function referralConsentMail(options: {
  to: string;
  locale: Locale;
  candidateName: string;
  referrerName: string;
  job: Pick<ReferralJob, 'titleJa' | 'titleEn'> | null;
  reason: string;
  url: string;
  expiresAt: Date;
  referralId: string;
  isResend?: boolean;
}): OutgoingMail {
  const { locale, job } = options;
  // A job without titles is one the candidate may not be told about (decision 019): "a position".
  const title = job ? jobTitle(job, locale) : null;
  const params = {
    name: options.candidateName,
    email: options.to,
    referrer: options.referrerName,
    target: title
      ? t(locale, 'mail.referralConsent.forJob', { title })
      : job
        ? t(locale, 'mail.referralConsent.forPosition')
        : t(locale, 'mail.referralConsent.forCompany'),
    about: job ? t(locale, 'mail.referralConsent.aboutJob') : t(locale, 'mail.referralConsent.aboutCompany'),
    reason: options.reason,
    url: options.url,
    expires: formatExpiry(options.expiresAt, locale),
  };
  return {
    kind: REFERRAL_CONSENT_MAIL_KIND,
    to: options.to,
    locale,
    subject: t(
      locale,
      options.isResend ? 'mail.referralConsent.resentSubject' : 'mail.referralConsent.subject',
      params,
    ),
    text: t(locale, 'mail.referralConsent.body', params),
    subjectId: options.referralId,
  };
}
