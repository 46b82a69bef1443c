import { randomUUID } from 'node:crypto';
import { and, asc, desc, eq, isNull, sql } from 'drizzle-orm';
import { PHOTO_MAX_BYTES, PHOTO_SIDES, type PhotoCrop, type PositionInput } from '#common/profiles';
import type { Db } from '#server/db/client';
import { profilePhotos, profilePositions, profiles } from '#server/db/schema/index';
import type { Viewer } from '#server/lib/access/policy';
import { audit } from '#server/lib/audit';
import type { AppDeps } from '#server/lib/deps';
import { AppError, notFound } from '#server/lib/errors';
import { decodeUpright, encodeSquareWebp, sniffImage, UnreadableImage } from '#server/lib/images';
import { rateLimiter } from '#server/lib/rate-limit';
import { canEditProfile } from './members.policy';
import { findVisibleMember, updateProfile } from './members.service';

/**
 * A profile's photo and its timeline after leaving (issue 12 §5, decision 041). Writes are for the
 * member and HR (`canEditProfile`); anyone else gets the 404 of a profile they may not edit.
 */

export type PositionRow = typeof profilePositions.$inferSelect;

export interface ProfileExtras {
  photoVersion: string | null;
  positions: PositionRow[];
}

/** Photo uploads: at most 20 per member in 10 minutes. */
export const PHOTO_UPLOAD_LIMIT = { max: 20, windowMs: 10 * 60_000 };

const photoError = (message: string) => new AppError('bad_request', 'error.bad_request', { file: [message] });

/** The photo's version and the positions, newest first (current ones before ended ones). */
export async function loadProfileExtras(db: Db, userId: string): Promise<ProfileExtras> {
  const [photo] = await db
    .select({ version: profilePhotos.version })
    .from(profilePhotos)
    .where(eq(profilePhotos.userId, userId));
  const positions = await db
    .select()
    .from(profilePositions)
    .where(eq(profilePositions.userId, userId))
    .orderBy(
      sql`${profilePositions.endedOn} is not null`,
      desc(profilePositions.startedOn),
      asc(profilePositions.id),
    );
  return { photoVersion: photo?.version ?? null, positions };
}

async function editableMember(db: Db, viewer: Viewer, id: string) {
  const member = await findVisibleMember({ db, viewer, id });
  if (!canEditProfile(viewer, id)) throw notFound();
  return member;
}

/**
 * Sniffs the bytes (the name and claimed type are never trusted), decodes them upright, cuts the
 * square the member chose (default: the centred one) and stores it as WebP in two sizes without
 * any metadata.
 */
export async function setPhoto(
  deps: Pick<AppDeps, 'db' | 'clock' | 'env'>,
  { viewer, id, bytes, crop }: { viewer: Viewer; id: string; bytes: Uint8Array; crop: PhotoCrop },
) {
  const { db, clock } = deps;
  await editableMember(db, viewer, id);
  const now = clock.now();
  await rateLimiter(deps, 'profile-photo', PHOTO_UPLOAD_LIMIT).take(viewer.id, now);
  if (bytes.length === 0) throw photoError('kz.photoRequired');
  if (bytes.length > PHOTO_MAX_BYTES) throw photoError('kz.photoTooLarge');
  const format = sniffImage(bytes);
  if (!format) throw photoError('kz.photoType');
  let upright: Awaited<ReturnType<typeof decodeUpright>>;
  try {
    upright = await decodeUpright(bytes, format);
  } catch (error) {
    if (error instanceof UnreadableImage) throw photoError('kz.photoUnreadable');
    throw error;
  }
  const side = Math.min(upright.width, upright.height);
  const size = crop.size ?? side;
  const x = crop.x ?? Math.floor((upright.width - size) / 2);
  const y = crop.y ?? Math.floor((upright.height - size) / 2);
  if (x < 0 || y < 0 || x + size > upright.width || y + size > upright.height) {
    throw new AppError('bad_request', 'error.bad_request', { crop: ['kz.photoCrop'] });
  }
  const [large, small] = await encodeSquareWebp(upright, { x, y, size }, [
    PHOTO_SIDES.large,
    PHOTO_SIDES.small,
  ]);
  if (!large || !small) throw photoError('kz.photoUnreadable');
  const version = randomUUID().slice(0, 8);
  await db.transaction(async (tx) => {
    await tx
      .insert(profilePhotos)
      .values({ userId: id, version, large, small, side: PHOTO_SIDES.large, updatedAt: now })
      .onConflictDoUpdate({
        target: profilePhotos.userId,
        set: { version, large, small, side: PHOTO_SIDES.large, updatedAt: now },
      });
    await audit(tx, {
      actorId: viewer.id,
      action: 'profile.photo_set',
      subjectType: 'member',
      subjectId: id,
      at: now,
    });
  });
}

export async function removePhoto(
  deps: Pick<AppDeps, 'db' | 'clock' | 'hooks'>,
  { viewer, id }: { viewer: Viewer; id: string },
) {
  const { db, clock } = deps;
  await editableMember(db, viewer, id);
  const now = clock.now();
  await db.transaction(async (tx) => {
    await tx.delete(profilePhotos).where(eq(profilePhotos.userId, id));
    await audit(tx, {
      actorId: viewer.id,
      action: 'profile.photo_removed',
      subjectType: 'member',
      subjectId: id,
      at: now,
    });
  });
}

/**
 * The photo's bytes for whoever may see the profile (the same query as the profile: 404 for a
 * member they may not see), or 404 without a photo.
 */
export async function readPhoto(
  db: Db,
  { viewer, id, size }: { viewer: Viewer; id: string; size: 'small' | 'large' },
) {
  await findVisibleMember({ db, viewer, id });
  const [row] = await db
    .select({
      version: profilePhotos.version,
      bytes: size === 'small' ? profilePhotos.small : profilePhotos.large,
    })
    .from(profilePhotos)
    .where(eq(profilePhotos.userId, id));
  if (!row) throw notFound();
  return row;
}

/**
 * After a change of positions, the profile's current employer and title follow the latest open
 * position (through `updateProfile`, so the search documents follow too). Without an open one,
 * they are left as they are: a member between jobs may still describe themself there.
 */
async function syncCurrentPosition(
  deps: Pick<AppDeps, 'db' | 'clock' | 'hooks'>,
  viewer: Viewer,
  id: string,
) {
  const { db } = deps;
  const [open] = await db
    .select({ employer: profilePositions.employer, title: profilePositions.title })
    .from(profilePositions)
    .where(and(eq(profilePositions.userId, id), isNull(profilePositions.endedOn)))
    .orderBy(desc(profilePositions.startedOn), desc(profilePositions.createdAt))
    .limit(1);
  if (!open) return;
  const [current] = await db
    .select({ employer: profiles.currentEmployer, title: profiles.currentTitle })
    .from(profiles)
    .where(eq(profiles.userId, id));
  if (current?.employer === open.employer && current?.title === open.title) return;
  await updateProfile({
    db,
    viewer,
    id,
    input: { currentEmployer: open.employer, currentTitle: open.title ?? null },
    clock: deps.clock,
    hooks: deps.hooks,
  });
}

export async function addPosition(
  deps: Pick<AppDeps, 'db' | 'clock' | 'hooks'>,
  { viewer, id, input }: { viewer: Viewer; id: string; input: PositionInput },
) {
  await editableMember(deps.db, viewer, id);
  await inTransaction(deps, async (tx) => {
    await tx.insert(profilePositions).values({
      id: randomUUID(),
      userId: id,
      employer: input.employer,
      title: input.title ?? null,
      startedOn: input.startedOn,
      endedOn: input.endedOn ?? null,
      createdAt: deps.clock.now(),
    });
    await syncCurrentPosition({ db: tx, clock: deps.clock, hooks: deps.hooks }, viewer, id);
  });
}

export async function updatePosition(
  deps: Pick<AppDeps, 'db' | 'clock' | 'hooks'>,
  { viewer, id, positionId, input }: { viewer: Viewer; id: string; positionId: string; input: PositionInput },
) {
  await editableMember(deps.db, viewer, id);
  await inTransaction(deps, async (tx) => {
    const [row] = await tx
      .update(profilePositions)
      .set({
        employer: input.employer,
        title: input.title ?? null,
        startedOn: input.startedOn,
        endedOn: input.endedOn ?? null,
      })
      .where(and(eq(profilePositions.id, positionId), eq(profilePositions.userId, id)))
      .returning({ id: profilePositions.id });
    if (!row) throw notFound();
    await syncCurrentPosition({ db: tx, clock: deps.clock, hooks: deps.hooks }, viewer, id);
  });
}

export async function deletePosition(
  deps: Pick<AppDeps, 'db' | 'clock' | 'hooks'>,
  { viewer, id, positionId }: { viewer: Viewer; id: string; positionId: string },
) {
  await editableMember(deps.db, viewer, id);
  await inTransaction(deps, async (tx) => {
    const [row] = await tx
      .delete(profilePositions)
      .where(and(eq(profilePositions.id, positionId), eq(profilePositions.userId, id)))
      .returning({ id: profilePositions.id });
    if (!row) throw notFound();
    await syncCurrentPosition({ db: tx, clock: deps.clock, hooks: deps.hooks }, viewer, id);
  });
}

/**
 * One transaction for a position and the profile's current employer: `updateProfile` runs inside
 * it (its own transaction becomes a savepoint), so both change or neither does.
 */
function inTransaction(deps: Pick<AppDeps, 'db'>, work: (tx: Db) => Promise<void>) {
  return deps.db.transaction((t) => work(t as unknown as Db));
}
