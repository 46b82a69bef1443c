import type { Locale } from '#common/locale';
import { JOB_ALERT_DIGEST_MAIL_KIND, JOB_ALERT_MAIL_KIND } from '#common/mail';
import type { RemoteMode } from '#common/rehiring-reference';
import type { OutgoingMail } from '#server/lib/outbox';
import { t } from './job-alerts.messages';

/** What a mail says about one job (never the description: the link has the rest). */
export interface MailJob {
  id: string;
  titleJa: string | null;
  titleEn: string | null;
  department: string;
  location: string;
  remote: RemoteMode;
  closesOn: string;
}

interface Addressee {
  to: string;
  locale: Locale;
  name: string;
  userId: string;
  baseUrl: string;
}

/** The title in the reader's language, else the other one. */
export function jobTitle(job: Pick<MailJob, 'titleJa' | 'titleEn'>, locale: Locale): string {
  const [first, second] = locale === 'ja' ? [job.titleJa, job.titleEn] : [job.titleEn, job.titleJa];
  return first?.trim() || second?.trim() || '';
}

/** One formatter per language: building one costs more than the rest of a mail (decision 018). */
const closingDayFormats: Record<Locale, Intl.DateTimeFormat> = {
  ja: new Intl.DateTimeFormat('ja-JP', { dateStyle: 'long', timeZone: 'UTC' }),
  en: new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'UTC' }),
};

/** 2026-12-31 → 2026年12月31日 / 31 December 2026 (a calendar day: no zone shift). */
export function formatClosingDay(isoDate: string, locale: Locale): string {
  const day = new Date(`${isoDate}T00:00:00Z`);
  if (Number.isNaN(day.getTime())) return isoDate;
  return closingDayFormats[locale].format(day);
}

export const jobPath = (jobId: string) => `/jobs/${jobId}`;
export const JOB_ALERTS_PATH = '/jobs/alerts';

function jobBlock(job: MailJob, locale: Locale, baseUrl: string): string {
  const location =
    job.remote === 'onsite'
      ? job.location
      : `${job.location}${locale === 'ja' ? '・' : ' · '}${t(locale, `jobAlerts.remote.${job.remote}`)}`;
  return [
    jobTitle(job, locale),
    t(locale, 'mail.jobAlert.department', { value: job.department }),
    t(locale, 'mail.jobAlert.location', { value: location }),
    t(locale, 'mail.jobAlert.closesOn', { date: formatClosingDay(job.closesOn, locale) }),
    t(locale, 'mail.jobAlert.link', { url: `${baseUrl}${jobPath(job.id)}` }),
  ].join('\n');
}

function footer(locale: Locale, baseUrl: string): string[] {
  return [
    t(locale, 'mail.jobAlert.manage', {
      alertsUrl: `${baseUrl}${JOB_ALERTS_PATH}`,
      privacyUrl: `${baseUrl}/settings/privacy`,
    }),
    t(locale, 'mail.jobAlert.closing'),
  ];
}

/** An instant alert: one job, in the member's language (pure: tested without a database). */
export function jobAlertMail(options: Addressee & { job: MailJob }): OutgoingMail {
  const { locale, baseUrl, job } = options;
  return {
    kind: JOB_ALERT_MAIL_KIND,
    to: options.to,
    locale,
    subject: t(locale, 'mail.jobAlert.subject', { title: jobTitle(job, locale) }),
    text: [
      t(locale, 'mail.jobAlert.intro', { name: options.name }),
      jobBlock(job, locale, baseUrl),
      ...footer(locale, baseUrl),
    ].join('\n\n'),
    userId: options.userId,
    subjectId: job.id,
  };
}

/** The daily digest: every new matching job of the day, in one mail. */
export function jobAlertDigestMail(options: Addressee & { jobs: MailJob[] }): OutgoingMail {
  const { locale, baseUrl, jobs } = options;
  const subject =
    jobs.length === 1
      ? t(locale, 'mail.jobAlertDigest.subject.one')
      : t(locale, 'mail.jobAlertDigest.subject.other', { count: jobs.length });
  return {
    kind: JOB_ALERT_DIGEST_MAIL_KIND,
    to: options.to,
    locale,
    subject,
    text: [
      t(locale, 'mail.jobAlertDigest.intro', { name: options.name }),
      ...jobs.map((job) => jobBlock(job, locale, baseUrl)),
      ...footer(locale, baseUrl),
    ].join('\n\n'),
    userId: options.userId,
    subjectId: null,
  };
}
