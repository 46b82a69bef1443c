import type { Branding } from '#common/branding';

/** The organisation's names and logo URL, as e-mails and signed-out pages show them. */
export function presentBranding(branding: Branding): Branding {
  return {
    nameJa: branding.nameJa,
    nameEn: branding.nameEn,
    isCustom: branding.isCustom,
    logoUrl: branding.logoUrl,
  };
}
