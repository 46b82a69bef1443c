import { randomUUID } from 'node:crypto';
import sharp from 'sharp';
import type { Db } from '#server/db/client';
import { groupMembers, groups } from '#server/db/schema/index';

/**
 * Groups for post tests, written directly (the groups feature owns their endpoints): an active
 * network group with the given active members (`admin` ones as its admins).
 */
export async function createTestGroup(
  t: { db: Db },
  {
    members = [],
    admins = [],
    name = 'テスト支部',
  }: { members?: string[]; admins?: string[]; name?: string } = {},
) {
  const id = randomUUID();
  await t.db
    .insert(groups)
    .values({ id, kind: 'chapter', nameJa: name, nameEn: `${name} (en)`, memberCount: 0 });
  const rows = [
    ...members.map((userId) => ({ groupId: id, userId, role: 'member' as const, state: 'active' as const })),
    ...admins.map((userId) => ({ groupId: id, userId, role: 'admin' as const, state: 'active' as const })),
  ];
  if (rows.length > 0) await t.db.insert(groupMembers).values(rows);
  return { id };
}

/** A PNG with an EXIF block carrying a marker, to prove the stored image has no metadata. */
export async function pngWithExif(width = 64, height = 48) {
  return sharp({ create: { width, height, channels: 3, background: '#3366cc' } })
    .withExif({ IFD0: { ImageDescription: 'secret-exif-marker' } })
    .png()
    .toBuffer();
}

/** The smallest PDF that file-type recognises. */
export const TINY_PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);
