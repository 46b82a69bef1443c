import { type BrandingNames, BrandingNamesSchema } from '#common/branding';
import type { Locale } from '#common/locale';
import type { Db } from '#server/db/client';
import { defineMessages, translator } from './i18n';
import { defineSetting, readSetting } from './settings';

/**
 * The organisation's names, set by an admin on the branding page (decision 027); null until set
 * (the product name stands in). Declared here because the outbox signs every mail with them and
 * the lib must not import a feature; the branding feature reads and writes the same setting.
 */
export const ORG_NAMES_SETTING = defineSetting<BrandingNames | null>(
  'branding.names',
  BrandingNamesSchema.nullable(),
  () => null,
);

/** The signature under every mail once the organisation is named. */
const t = translator(
  defineMessages({
    en: { 'mail.signature': '{org}\nKizuna, our alumni network' },
    ja: { 'mail.signature': '{org}\nアルムナイネットワーク「Kizuna」' },
  }),
);

/** The names an admin set, or null (the product name stands in; see DEFAULT_ORG_NAME). */
export const readOrgNames = (db: Db): Promise<BrandingNames | null> => readSetting(db, ORG_NAMES_SETTING);

/**
 * Puts the organisation's name on a message in the recipient's language: 【name】 / [name] before
 * the subject and a signature naming it at the end. Until an admin has named the organisation the
 * message is left as it is: the product name already signs every text. Pure.
 */
export function brandMail<M extends { locale: Locale; subject: string; text: string }>(
  mail: M,
  names: BrandingNames | null,
): M {
  if (!names) return mail;
  const name = mail.locale === 'en' ? names.nameEn : names.nameJa;
  const subject = mail.locale === 'en' ? `[${name}] ${mail.subject}` : `【${name}】${mail.subject}`;
  const text = `${mail.text.trimEnd()}\n\n--\n${t(mail.locale, 'mail.signature', { org: name })}\n`;
  return { ...mail, subject, text };
}
