import { and, eq, inArray, or, type SQL } from 'drizzle-orm';
import type { Db } from '#server/db/client';
import { profilePhotos, profiles, users } from '#server/db/schema/index';
import { listedToViewerConditions } from '#server/lib/access/listed';
import type { Viewer } from '#server/lib/access/policy';

/**
 * Members' photos in lists (decision 041, amended): the URL of a stored photo, and the versions of
 * one page's members. A photo is shown like the name, only where the viewer may see the profile —
 * the same rule as the profile itself (`findVisibleMember`), checked again here so that a list
 * whose own rule is wider (a connection who is no longer listed) never shows a photo the photo
 * route would refuse.
 */

/** A photo's URL; the version changes with each upload, so the browser may cache it for good. */
export const memberPhotoUrl = (userId: string, size: 'small' | 'large', version: string) =>
  `/api/members/${userId}/photo?size=${size}&v=${version}`;

/** The photo versions of one page of members the viewer may see: one query per page, never one per card. */
export async function photoVersionsOf(
  db: Db,
  viewer: Viewer,
  userIds: readonly string[],
): Promise<Map<string, string>> {
  const ids = [...new Set(userIds)];
  if (ids.length === 0) return new Map();
  const listed = listedToViewerConditions(viewer);
  const visible: SQL | undefined =
    listed.length === 0 ? undefined : or(eq(profiles.userId, viewer.id), and(...listed));
  const rows = await db
    .select({ userId: profilePhotos.userId, version: profilePhotos.version })
    .from(profilePhotos)
    .innerJoin(profiles, eq(profiles.userId, profilePhotos.userId))
    .innerJoin(users, eq(users.id, profilePhotos.userId))
    .where(and(inArray(profilePhotos.userId, ids), visible));
  return new Map(rows.map((r) => [r.userId, r.version]));
}

/** `{ small }` for a member in a list, or null (the initial is shown). */
export const listPhoto = (photos: ReadonlyMap<string, string>, userId: string) => {
  const version = photos.get(userId);
  return version ? { small: memberPhotoUrl(userId, 'small', version) } : null;
};
