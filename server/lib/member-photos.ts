import { inArray } from 'drizzle-orm';
import type { Db } from '#server/db/client';
import { profilePhotos } from '#server/db/schema/index';

/**
 * Members' photos in lists (decision 041, amended): the URL of a stored photo, and the versions of
 * one page's members. A photo is shown like the name, wherever the viewer may see the member: the
 * caller passes only ids of members it already shows, and the photo route checks again.
 */

/** A photo's URL; the version changes with each upload, so the browser may cache it for good. */
export const memberPhotoUrl = (userId: string, size: 'small' | 'large', version: string) =>
  `/api/members/${userId}/photo?size=${size}&v=${version}`;

/** The photo versions of one page of members: one query per page, never one per card. */
export async function photoVersionsOf(db: Db, userIds: readonly string[]): Promise<Map<string, string>> {
  if (userIds.length === 0) return new Map();
  const rows = await db
    .select({ userId: profilePhotos.userId, version: profilePhotos.version })
    .from(profilePhotos)
    .where(inArray(profilePhotos.userId, [...new Set(userIds)]));
  return new Map(rows.map((r) => [r.userId, r.version]));
}
