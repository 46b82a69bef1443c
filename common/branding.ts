import { z } from 'zod';

/** What pages and mail say when the organisation has not named itself yet: the product. */
export const DEFAULT_ORG_NAME = 'Kizuna';
export const ORG_NAME_MAX = 80;
/** Largest logo upload accepted, before it is decoded and re-encoded (decision 027). */
export const LOGO_MAX_BYTES = 1024 * 1024;
/** The stored logo fits in this square (pixels); smaller images are not enlarged. */
export const LOGO_MAX_SIDE = 512;
export const LOGO_PATH = '/api/branding/logo.png';

const OrgName = z.string().trim().min(1).max(ORG_NAME_MAX);

/** The organisation's display name in each language (admins). */
export const BrandingNamesSchema = z.object({ nameJa: OrgName, nameEn: OrgName }).strict();
export type BrandingNames = z.infer<typeof BrandingNamesSchema>;

/** Public: what e-mails and signed-out pages show. */
export const BrandingSchema = z.object({
  nameJa: z.string(),
  nameEn: z.string(),
  /** False until an admin has set the names (the product name is shown meanwhile). */
  isCustom: z.boolean(),
  /** Versioned URL of the logo (changes when the logo does), or null without a logo. */
  logoUrl: z.string().nullable(),
});
export type Branding = z.infer<typeof BrandingSchema>;

/** The name in the reader's language. */
export const orgName = (branding: Pick<Branding, 'nameJa' | 'nameEn'>, locale: 'ja' | 'en') =>
  locale === 'en' ? branding.nameEn : branding.nameJa;
