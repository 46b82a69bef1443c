import sharp from 'sharp';
import type { Db } from '#server/db/client';
import { orgSettings } from '#server/db/schema/index';
import {
  BRANDING_LOGO_KEY,
  BRANDING_NAMES_KEY,
  encodeLogo,
} from '#server/features/branding/branding.service';

export const DEMO_BRANDING = { nameJa: '株式会社絆デモ', nameEn: 'Kizuna Demo Inc.' };

/** Two linked rings on indigo: drawn here (our own SVG, never an upload), stored as any logo is. */
const DEMO_LOGO_SVG = `<svg xmlns="http://www.w3.org/2000/svg" width="256" height="256" viewBox="0 0 256 256">
<rect width="256" height="256" rx="56" fill="#1e3a8a"/>
<circle cx="100" cy="128" r="52" fill="none" stroke="#ffffff" stroke-width="20"/>
<circle cx="156" cy="128" r="52" fill="none" stroke="#f59e0b" stroke-width="20"/>
</svg>`;

/** The demo organisation's name and logo, set before any demo mail is queued (decision 027). */
export async function seedDemoBranding(db: Db): Promise<void> {
  const png = await sharp(Buffer.from(DEMO_LOGO_SVG)).png().toBuffer();
  const { buffer: _buffer, ...logo } = await encodeLogo(png);
  await db
    .insert(orgSettings)
    .values([
      { key: BRANDING_NAMES_KEY, value: DEMO_BRANDING },
      { key: BRANDING_LOGO_KEY, value: logo },
    ])
    .onConflictDoNothing();
}
