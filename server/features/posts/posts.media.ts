import { randomUUID } from 'node:crypto';
import { mkdir, readFile, unlink, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { and, eq } from 'drizzle-orm';
import { fileTypeFromBuffer } from 'file-type';
import sharp from 'sharp';
import {
  POST_ATTACHMENT_MAX_BYTES,
  POST_ATTACHMENT_TYPES,
  POST_IMAGE_MAX_BYTES,
  POST_IMAGE_MAX_SIDE,
  POST_IMAGE_TYPES,
} from '#common/posts';
import type { Db } from '#server/db/client';
import { postMedia, posts } from '#server/db/schema/index';
import type { Viewer } from '#server/lib/access/policy';
import type { AppDeps } from '#server/lib/deps';
import { AppError, notFound } from '#server/lib/errors';
import { assertMayPost } from '#server/lib/posting-suspension';
import { rateLimiter } from '#server/lib/rate-limit';
import { visiblePostsWhere } from './posts.policy';

/**
 * Images and attachments of posts (issue 11). The type is sniffed from the bytes, never taken from
 * the name or the claimed type; images are decoded and encoded again (orientation applied, at most
 * POST_IMAGE_MAX_SIDE, no EXIF or other metadata) as WebP; attachments are PDFs only. The bytes
 * live under DATA_DIR/post-media, named by the row's id.
 */

export type MediaRow = typeof postMedia.$inferSelect;
type Deps = Pick<AppDeps, 'db' | 'clock' | 'env' | 'logger'>;

/** Uploads: at most 60 files per member in 10 minutes. */
export const MEDIA_UPLOAD_LIMIT = { max: 60, windowMs: 10 * 60_000 };
const MAX_INPUT_PIXELS = 40_000_000;

const fileError = (message: string) => new AppError('bad_request', 'error.bad_request', { file: [message] });

const mediaDir = (env: AppDeps['env']) => resolve(env.DATA_DIR, 'post-media');

/** A file name safe to show and to send in a header: no path, no control or markup characters. */
export function safeFileName(name: string, extension?: string): string {
  const base = (name.split(/[\\/]/).pop() ?? '')
    .normalize('NFC')
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what we remove
    .replace(/[\u0000-\u001f\u007f<>:"|?*;]/g, '')
    .trim()
    .slice(0, 120);
  const stem = extension ? base.replace(/\.[^.]*$/, '') : base;
  const safe = stem || 'file';
  return extension ? `${safe}.${extension}` : safe;
}

async function encodeImage(bytes: Uint8Array) {
  try {
    const { data, info } = await sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error' })
      .rotate()
      .resize(POST_IMAGE_MAX_SIDE, POST_IMAGE_MAX_SIDE, { fit: 'inside', withoutEnlargement: true })
      .webp({ quality: 82 })
      .toBuffer({ resolveWithObject: true });
    return { data, width: info.width, height: info.height };
  } catch {
    throw fileError('kz.postImageUnreadable');
  }
}

export async function uploadMedia(
  deps: Deps,
  { viewer, bytes, fileName }: { viewer: Viewer; bytes: Uint8Array; fileName: string },
): Promise<MediaRow> {
  const { db, clock, env } = deps;
  const now = clock.now();
  await assertMayPost(db, viewer.id, now);
  await rateLimiter(deps, 'post-media', MEDIA_UPLOAD_LIMIT).take(viewer.id, now);
  if (bytes.length === 0) throw fileError('kz.postFileRequired');
  const sniffed = await fileTypeFromBuffer(bytes);
  const mime = sniffed?.mime ?? '';
  const id = randomUUID();
  let row: typeof postMedia.$inferInsert;
  let data: Uint8Array;
  if ((POST_IMAGE_TYPES as readonly string[]).includes(mime)) {
    if (bytes.length > POST_IMAGE_MAX_BYTES) throw fileError('kz.postFileTooLarge');
    const image = await encodeImage(bytes);
    data = image.data;
    row = {
      id,
      ownerId: viewer.id,
      kind: 'image',
      mimeType: 'image/webp',
      fileName: safeFileName(fileName, 'webp'),
      size: data.length,
      width: image.width,
      height: image.height,
      storageKey: id,
      createdAt: now,
    };
  } else if ((POST_ATTACHMENT_TYPES as readonly string[]).includes(mime)) {
    if (bytes.length > POST_ATTACHMENT_MAX_BYTES) throw fileError('kz.postFileTooLarge');
    data = bytes;
    row = {
      id,
      ownerId: viewer.id,
      kind: 'attachment',
      mimeType: mime,
      fileName: safeFileName(fileName, sniffed?.ext),
      size: data.length,
      storageKey: id,
      createdAt: now,
    };
  } else {
    throw fileError('kz.postFileType');
  }
  await mkdir(mediaDir(env), { recursive: true });
  await writeFile(join(mediaDir(env), id), data);
  try {
    const [inserted] = await db.insert(postMedia).values(row).returning();
    if (!inserted) throw new Error('insert returned nothing');
    return inserted;
  } catch (error) {
    await unlink(join(mediaDir(env), id)).catch(() => undefined);
    throw error;
  }
}

/**
 * A file for this viewer: before it is attached, its uploader only; afterwards whoever may see the
 * post (the visibility policy, in the query). Anything else is a 404.
 */
export async function readMedia(
  deps: Pick<AppDeps, 'db' | 'clock' | 'env'>,
  { viewer, id }: { viewer: Viewer; id: string },
): Promise<{ row: MediaRow; bytes: Buffer }> {
  const { db, clock, env } = deps;
  const [media] = await db.select().from(postMedia).where(eq(postMedia.id, id));
  if (!media) throw notFound();
  if (media.postId === null) {
    if (media.ownerId !== viewer.id) throw notFound();
  } else {
    const [post] = await (db as Db)
      .select({ id: posts.id })
      .from(posts)
      .where(and(eq(posts.id, media.postId), visiblePostsWhere(viewer, clock.now())));
    if (!post) throw notFound();
  }
  const bytes = await readFile(join(mediaDir(env), media.storageKey)).catch(() => null);
  if (!bytes) throw notFound();
  return { row: media, bytes };
}

/** Removes the bytes of media rows already deleted (best effort: a leftover file is harmless). */
export async function removeMediaFiles(deps: Pick<AppDeps, 'env' | 'logger'>, keys: readonly string[]) {
  for (const key of keys) {
    await unlink(join(mediaDir(deps.env), key)).catch((error: unknown) =>
      deps.logger.warn('post media file not removed', { key, error: String(error) }),
    );
  }
}

/** RFC 6266 / 5987: an ASCII fallback and the UTF-8 name. */
export function contentDisposition(kind: 'inline' | 'attachment', fileName: string) {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
