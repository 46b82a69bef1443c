import type { Locale } from '#common/locale';
import { DIGEST_MAIL_KIND } from '#common/mail';
import type { OutgoingMail } from '#server/lib/outbox';
import { t } from './digest.messages';

/**
 * The digest mail: text and HTML parts in the member's language, every value escaped in the HTML
 * (members' titles and texts arrive as plain text, never as HTML), with the one-click unsubscribe
 * headers of RFC 8058. Pure: tested without a database.
 */

/** Caps: a digest is a glance, not a feed (and a mail must stay small). */
export const DIGEST_CAPS = {
  posts: 5,
  jobs: 3,
  notifications: 10,
  /** Items of a section added later (events, people to meet). */
  sectionItems: 5,
  titleChars: 120,
  excerptChars: 200,
  /** The text part never exceeds this (the HTML is about three times as large). */
  textChars: 20_000,
} as const;

export interface DigestPost {
  id: string;
  title: string;
  excerpt: string;
  isCompany: boolean;
  authorName: string | null;
  reactions: number;
  comments: number;
}

export interface DigestJob {
  id: string;
  title: string;
  department: string;
  location: string;
  closesOn: string;
}

export interface DigestNotification {
  id: string;
  text: string;
  link: string;
}

/** One item of a section contributed through the extension point (digest.sections.ts). */
export interface DigestSectionItem {
  title: string;
  meta?: string;
  /** An app path, e.g. `/events/<id>`. */
  path: string;
}

export interface DigestSection {
  /** The section's heading, already in the member's language. */
  heading: string;
  items: DigestSectionItem[];
}

export interface DigestContent {
  posts: DigestPost[];
  jobs: DigestJob[];
  notifications: DigestNotification[];
  /** Pending notifications beyond the cap (marked mailed too; the app lists them). */
  moreNotifications: number;
  sections: DigestSection[];
}

export const itemCount = (c: DigestContent) =>
  c.posts.length +
  c.jobs.length +
  c.notifications.length +
  c.moreNotifications +
  c.sections.reduce((n, s) => n + s.items.length, 0);

export interface DigestAddressee {
  to: string;
  locale: Locale;
  name: string;
  userId: string;
  baseUrl: string;
  /** The start of the period the digest covers. */
  since: Date;
  /** The one-click unsubscribe token of this mail (random; only its hash is stored). */
  token: string;
  /** A mailto address for List-Unsubscribe (the sender's). */
  mailto: string;
}

export const clip = (text: string, max: number) => {
  const clean = text.replace(/\s+/g, ' ').trim();
  return clean.length <= max ? clean : `${clean.slice(0, max - 1).trimEnd()}…`;
};

const escapeHtml = (value: string) =>
  value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');

const sinceFormats: Record<Locale, Intl.DateTimeFormat> = {
  ja: new Intl.DateTimeFormat('ja-JP', { dateStyle: 'long', timeZone: 'Asia/Tokyo' }),
  en: new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'Asia/Tokyo' }),
};
const dayFormats: Record<Locale, Intl.DateTimeFormat> = {
  ja: new Intl.DateTimeFormat('ja-JP', { month: 'long', day: 'numeric', timeZone: 'UTC' }),
  en: new Intl.DateTimeFormat('en-GB', { month: 'long', day: 'numeric', timeZone: 'UTC' }),
};
const formatDay = (isoDate: string, locale: Locale) => {
  const day = new Date(`${isoDate}T00:00:00Z`);
  return Number.isNaN(day.getTime()) ? isoDate : dayFormats[locale].format(day);
};

/** The API address a mail client POSTs to (List-Unsubscribe-Post), and the page a person opens. */
export const unsubscribeApiUrl = (baseUrl: string, token: string) =>
  `${baseUrl}/api/digest/unsubscribe?token=${encodeURIComponent(token)}`;
export const unsubscribePageUrl = (baseUrl: string, token: string) =>
  `${baseUrl}/unsubscribe?token=${encodeURIComponent(token)}`;
export const DIGEST_SETTINGS_PATH = '/settings/digest';

/** The bare address of a From value such as `Kizuna <no-reply@kizuna.local>`. */
export const mailAddressOf = (from: string) => /<([^>]+)>/.exec(from)?.[1] ?? from.trim();

interface Line {
  title: string;
  meta: string[];
  url: string;
}

export function digestMail(addressee: DigestAddressee, content: DigestContent): OutgoingMail {
  const { locale, baseUrl } = addressee;
  const tr = (key: Parameters<typeof t>[1], params?: Record<string, string | number>) =>
    t(locale, key, params);
  const sections: { heading: string; lines: Line[]; more?: string }[] = [];
  if (content.posts.length > 0) {
    sections.push({
      heading: tr('mail.digest.posts'),
      lines: content.posts.map((post) => ({
        title: clip(post.title, DIGEST_CAPS.titleChars),
        meta: [
          ...(post.excerpt && post.excerpt !== post.title
            ? [clip(post.excerpt, DIGEST_CAPS.excerptChars)]
            : []),
          [
            post.isCompany
              ? tr('mail.digest.company')
              : tr('mail.digest.by', { name: post.authorName ?? tr('mail.digest.formerMember') }),
            tr('mail.digest.reactions', { count: post.reactions }),
            tr('mail.digest.comments', { count: post.comments }),
          ].join(locale === 'ja' ? '・' : ' · '),
        ],
        url: `${baseUrl}/posts/${post.id}`,
      })),
    });
  }
  if (content.jobs.length > 0) {
    sections.push({
      heading: tr('mail.digest.jobs'),
      lines: content.jobs.map((job) => ({
        title: clip(job.title, DIGEST_CAPS.titleChars),
        meta: [
          tr('mail.digest.job.meta', {
            department: clip(job.department, 60),
            location: clip(job.location, 60),
            date: formatDay(job.closesOn, locale),
          }),
        ],
        url: `${baseUrl}/jobs/${job.id}`,
      })),
    });
  }
  if (content.notifications.length > 0) {
    sections.push({
      heading: tr('mail.digest.notifications'),
      lines: content.notifications.map((n) => ({
        title: clip(n.text, DIGEST_CAPS.titleChars + 60),
        meta: [],
        url: `${baseUrl}${n.link.startsWith('/') ? n.link : '/notifications'}`,
      })),
      ...(content.moreNotifications > 0
        ? { more: tr('mail.digest.more', { count: content.moreNotifications }) }
        : {}),
    });
  }
  for (const section of content.sections) {
    if (section.items.length === 0) continue;
    sections.push({
      heading: clip(section.heading, 60),
      lines: section.items.slice(0, DIGEST_CAPS.sectionItems).map((item) => ({
        title: clip(item.title, DIGEST_CAPS.titleChars),
        meta: item.meta ? [clip(item.meta, DIGEST_CAPS.excerptChars)] : [],
        url: `${baseUrl}${item.path.startsWith('/') ? item.path : `/${item.path}`}`,
      })),
    });
  }

  const count = itemCount(content);
  const subject = count === 1 ? tr('mail.digest.subject.one') : tr('mail.digest.subject.other', { count });
  const since = sinceFormats[locale].format(addressee.since);
  const settingsUrl = `${baseUrl}${DIGEST_SETTINGS_PATH}`;
  const privacyUrl = `${baseUrl}/settings/privacy`;
  const pageUrl = unsubscribePageUrl(baseUrl, addressee.token);

  const textSections = sections.map((s) =>
    [
      `■ ${s.heading}`,
      ...s.lines.map((l) => [`・${l.title}`, ...l.meta.map((m) => `  ${m}`), `  ${l.url}`].join('\n')),
      ...(s.more ? [s.more] : []),
    ].join('\n\n'),
  );
  const footer = [
    tr('mail.digest.settings', { url: settingsUrl }),
    tr('mail.digest.unsubscribe', { url: pageUrl }),
    tr('mail.digest.why', { url: privacyUrl }),
    tr('mail.digest.closing'),
  ];
  const head = [tr('mail.digest.greeting', { name: addressee.name }), tr('mail.digest.intro', { since })];
  let text = [...head, ...textSections, ...footer].join('\n\n');
  if (text.length > DIGEST_CAPS.textChars) {
    // Items are clipped already; only a section added later could make it this long.
    text = [...head, textSections.join('\n\n').slice(0, DIGEST_CAPS.textChars - 2_000), ...footer].join(
      '\n\n',
    );
  }

  const link = (url: string, label: string) =>
    `<a href="${escapeHtml(url)}" style="color:#1d4ed8">${escapeHtml(label)}</a>`;
  const htmlSections = sections
    .map(
      (s) =>
        `<h2 style="font-size:16px;margin:24px 0 8px">${escapeHtml(s.heading)}</h2><ul style="padding-left:18px;margin:0">${s.lines
          .map(
            (l) =>
              `<li style="margin:0 0 12px">${link(l.url, l.title)}${l.meta
                .map((m) => `<div style="color:#555;font-size:13px">${escapeHtml(m)}</div>`)
                .join('')}</li>`,
          )
          .join('')}</ul>${s.more ? `<p style="color:#555;font-size:13px">${escapeHtml(s.more)}</p>` : ''}`,
    )
    .join('');
  const html = `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head><body style="font-family:sans-serif;line-height:1.5;color:#111;max-width:640px;margin:0 auto;padding:16px"><p>${escapeHtml(
    tr('mail.digest.greeting', { name: addressee.name }),
  )}</p><p>${escapeHtml(tr('mail.digest.intro', { since }))}</p>${htmlSections}<hr style="margin:24px 0;border:none;border-top:1px solid #ddd"><p style="color:#555;font-size:13px">${link(
    settingsUrl,
    tr('mail.digest.settingsLink'),
  )} · ${link(pageUrl, tr('mail.digest.unsubscribeLink'))} · ${link(privacyUrl, tr('mail.digest.privacyLink'))}</p><p style="color:#555;font-size:13px">${escapeHtml(
    tr('mail.digest.closing'),
  )}</p></body></html>`;

  return {
    kind: DIGEST_MAIL_KIND,
    to: addressee.to,
    locale,
    subject,
    text,
    html,
    headers: {
      'List-Unsubscribe': `<${unsubscribeApiUrl(baseUrl, addressee.token)}>, <mailto:${addressee.mailto}?subject=unsubscribe%20digest>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    },
    userId: addressee.userId,
    subjectId: null,
  };
}
