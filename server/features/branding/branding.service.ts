import { createHash } from 'node:crypto';
import sharp, { type OutputInfo } from 'sharp';
import { z } from 'zod';
import {
  type Branding,
  type BrandingNames,
  DEFAULT_ORG_NAME,
  LOGO_MAX_SIDE,
  LOGO_PATH,
} from '#common/branding';
import { audit } from '#server/lib/audit';
import { AppError } from '#server/lib/errors';
import { MAX_INPUT_PIXELS, sniffImage } from '#server/lib/images';
import { ORG_NAMES_SETTING } from '#server/lib/org-identity';
import type { DbOrTx } from '#server/lib/outbox';
import {
  clearSetting,
  defineSetting,
  readSetting,
  readSettingField,
  writeSetting,
} from '#server/lib/settings';

export const BRANDING_NAMES_KEY = ORG_NAMES_SETTING.key;
export const BRANDING_LOGO_KEY = 'branding.logo';

/** The stored logo: a PNG we encoded ourselves, as base64 in its own settings row (decision 027). */
const StoredLogoSchema = z.object({
  png: z.string(),
  etag: z.string(),
  width: z.number(),
  height: z.number(),
});
type StoredLogo = z.infer<typeof StoredLogoSchema>;

/** The names an admin set; none until then (the product name stands in). */
export const BRANDING_LOGO = defineSetting<StoredLogo | null>(
  BRANDING_LOGO_KEY,
  StoredLogoSchema,
  () => null,
);

/** A decompression bomb (a tiny file claiming a huge canvas) is refused before it is decoded. */

const logoError = (message: string) => new AppError('bad_request', 'error.bad_request', { logo: [message] });

/** What every page and mail shows: names (the product name until set) and the logo's URL. */
export async function getBranding(db: DbOrTx): Promise<Branding> {
  const names = await readSetting(db, ORG_NAMES_SETTING);
  // Only the logo's etag is read here, not its bytes.
  const etag = await readSettingField(db, BRANDING_LOGO, 'etag');
  return {
    nameJa: names ? names.nameJa : DEFAULT_ORG_NAME,
    nameEn: names ? names.nameEn : DEFAULT_ORG_NAME,
    isCustom: names !== null,
    logoUrl: etag ? `${LOGO_PATH}?v=${etag}` : null,
  };
}

export async function setBrandingNames({
  db,
  names,
  actorId,
}: {
  db: DbOrTx;
  names: BrandingNames;
  actorId: string;
}): Promise<void> {
  await db.transaction(async (tx) => {
    await writeSetting(tx, ORG_NAMES_SETTING, names);
    await audit(tx, {
      actorId,
      action: 'settings.branding_changed',
      subjectType: 'settings',
      subjectId: BRANDING_NAMES_KEY,
      data: names,
    });
  });
}

/**
 * Decodes the upload and encodes a new PNG that fits LOGO_MAX_SIDE, without metadata (EXIF, GPS,
 * comments) and without anything a browser could run: SVG is refused because it can carry script,
 * and whatever the original file held beyond its pixels is dropped by re-encoding.
 */
export async function encodeLogo(bytes: Uint8Array): Promise<StoredLogo & { buffer: Buffer }> {
  const format = sniffImage(bytes);
  if (!format) throw logoError('v.logoFormat');
  let buffer: Buffer;
  let info: OutputInfo;
  try {
    const image = sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error' });
    const metadata = await image.metadata();
    if (metadata.format !== format) throw logoError('v.logoFormat');
    ({ data: buffer, info } = await image
      .rotate() // EXIF orientation applied to the pixels, since the metadata is dropped
      .resize(LOGO_MAX_SIDE, LOGO_MAX_SIDE, { fit: 'inside', withoutEnlargement: true })
      .png()
      .toBuffer({ resolveWithObject: true }));
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw logoError('v.logoUnreadable');
  }
  const etag = createHash('sha256').update(buffer).digest('base64url').slice(0, 16);
  return { buffer, png: buffer.toString('base64'), etag, width: info.width, height: info.height };
}

export async function setLogo({ db, bytes, actorId }: { db: DbOrTx; bytes: Uint8Array; actorId: string }) {
  const { buffer: _buffer, ...logo } = await encodeLogo(bytes);
  await db.transaction(async (tx) => {
    await writeSetting(tx, BRANDING_LOGO, logo);
    await audit(tx, {
      actorId,
      action: 'settings.logo_changed',
      subjectType: 'settings',
      subjectId: BRANDING_LOGO_KEY,
      data: { etag: logo.etag, width: logo.width, height: logo.height },
    });
  });
  return getBranding(db);
}

export async function removeLogo({ db, actorId }: { db: DbOrTx; actorId: string }) {
  await db.transaction(async (tx) => {
    await clearSetting(tx, BRANDING_LOGO);
    await audit(tx, {
      actorId,
      action: 'settings.logo_removed',
      subjectType: 'settings',
      subjectId: BRANDING_LOGO_KEY,
      data: {},
    });
  });
  return getBranding(db);
}

/** The logo's PNG bytes and ETag, or null without a logo. */
export async function getLogo(db: DbOrTx): Promise<{ bytes: Buffer; etag: string } | null> {
  const value = await readSetting(db, BRANDING_LOGO);
  if (!value?.png || !value.etag) return null;
  return { bytes: Buffer.from(value.png, 'base64'), etag: value.etag };
}
