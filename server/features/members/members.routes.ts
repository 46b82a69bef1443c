import { createRoute, z } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import {
  PHOTO_MAX_BYTES,
  PhotoCropSchema,
  PositionInputSchema,
  ProfileQuerySchema,
  ProfileSchema,
  ProfileUpdateSchema,
  VisibilityMapSchema,
} from '#common/profiles';
import type { Db } from '#server/db/client';
import { isHr, type Viewer } from '#server/lib/access/policy';
import { AppError, notFound } from '#server/lib/errors';
import {
  authorize,
  body,
  conflict,
  createRouter,
  errorResponses,
  jsonContent,
  onlyFor,
  requireViewer,
  textIdParam,
} from '#server/lib/http';
import { presentProfile, presentVisibilityLimits, viewAsViewer } from './members.presenter';
import {
  addPosition,
  deletePosition,
  loadProfileExtras,
  readPhoto,
  removePhoto,
  setPhoto,
  updatePosition,
} from './members.profile-extras';
import {
  findVisibleMember,
  getVisibilityLimits,
  setVisibilityLimits,
  updateProfile,
} from './members.service';

const MemberParam = textIdParam(64);
const PositionParams = z.object({
  id: z.string().min(1).max(64),
  positionId: z.string().min(1).max(64),
});

/** The photo upload is exempt from the API's JSON body limit: this route answers a too-large file itself. */
export const PROFILE_PHOTO_PATH = /^\/api\/members\/[^/]+\/photo$/;
const photoLimit = bodyLimit({
  maxSize: PHOTO_MAX_BYTES + 64 * 1024,
  onError: () =>
    Promise.reject(new AppError('bad_request', 'error.bad_request', { file: ['kz.photoTooLarge'] })),
});
const FileSchema = z
  .custom<File>((v) => typeof File !== 'undefined' && v instanceof File, { message: 'kz.photoRequired' })
  .openapi({ type: 'string', format: 'binary' });

/** The profile as this viewer sees it, with its photo and timeline. */
async function presentFor(db: Db, viewer: Viewer, id: string) {
  const member = await findVisibleMember({ db, viewer, id });
  const extras = await loadProfileExtras(db, id);
  return presentProfile({ viewer, member, limits: await getVisibilityLimits({ db }), extras });
}

const getMember = createRoute({
  method: 'get',
  path: '/members/{id}',
  tags: ['members'],
  summary:
    'A member profile, with only the fields the viewer may see (the owner may view it as another tier)',
  request: { params: MemberParam, query: ProfileQuerySchema },
  responses: { 200: jsonContent(ProfileSchema), ...errorResponses },
});

const patchMember = createRoute({
  method: 'patch',
  path: '/members/{id}',
  tags: ['members'],
  summary: 'Edit a profile (the member themself, or HR)',
  request: {
    params: MemberParam,
    ...body(ProfileUpdateSchema),
  },
  responses: {
    200: jsonContent(ProfileSchema),
    ...errorResponses,
    ...conflict('The employee number belongs to another member'),
  },
});

const putPhoto = createRoute({
  middleware: [photoLimit] as const,
  method: 'put',
  path: '/members/{id}/photo',
  tags: ['members'],
  summary:
    'Set the photo (JPEG, PNG or WebP, up to 5 MB; a square crop x/y/size in pixels of the upright image; stored as WebP without metadata)',
  request: {
    params: MemberParam,
    body: {
      content: { 'multipart/form-data': { schema: PhotoCropSchema.extend({ file: FileSchema }) } },
      required: true,
    },
  },
  responses: { 200: jsonContent(ProfileSchema), ...errorResponses },
});

const deletePhoto = createRoute({
  method: 'delete',
  path: '/members/{id}/photo',
  tags: ['members'],
  summary: 'Remove the photo (initials are shown instead)',
  request: { params: MemberParam },
  responses: { 200: jsonContent(ProfileSchema), ...errorResponses },
});

const getPhoto = createRoute({
  method: 'get',
  path: '/members/{id}/photo',
  tags: ['members'],
  summary: "A member's photo (WebP), for whoever may see the profile",
  request: {
    params: MemberParam,
    query: z.object({ size: z.enum(['small', 'large']).default('large'), v: z.string().max(40).optional() }),
  },
  responses: {
    200: {
      description: 'The photo',
      content: { 'image/webp': { schema: z.string().openapi({ format: 'binary' }) } },
    },
    ...errorResponses,
  },
});

const postPosition = createRoute({
  method: 'post',
  path: '/members/{id}/positions',
  tags: ['members'],
  summary: 'Add a position after leaving (the current employer and title follow the latest open one)',
  request: { params: MemberParam, ...body(PositionInputSchema) },
  responses: { 201: jsonContent(ProfileSchema, 'Added'), ...errorResponses },
});

const patchPosition = createRoute({
  method: 'put',
  path: '/members/{id}/positions/{positionId}',
  tags: ['members'],
  summary: 'Change a position',
  request: { params: PositionParams, ...body(PositionInputSchema) },
  responses: { 200: jsonContent(ProfileSchema), ...errorResponses },
});

const removePosition = createRoute({
  method: 'delete',
  path: '/members/{id}/positions/{positionId}',
  tags: ['members'],
  summary: 'Remove a position',
  request: { params: PositionParams },
  responses: { 200: jsonContent(ProfileSchema), ...errorResponses },
});

const getLimits = createRoute({
  method: 'get',
  path: '/settings/profile-visibility',
  tags: ['settings'],
  summary: "HR's limits: the most open visibility allowed per profile field",
  responses: { 200: jsonContent(VisibilityMapSchema), ...errorResponses },
});

const putLimits = createRoute({
  middleware: onlyFor(isHr),
  method: 'put',
  path: '/settings/profile-visibility',
  tags: ['settings'],
  summary: 'Set the per-field visibility limits (HR and admins)',
  request: body(VisibilityMapSchema),
  responses: { 200: jsonContent(VisibilityMapSchema), ...errorResponses },
});

export const membersRoutes = createRouter()
  .openapi(getMember, async (c) => {
    const viewer = requireViewer(c);
    const { id } = c.req.valid('param');
    const { viewAs } = c.req.valid('query');
    const { db } = c.var.deps;
    if (!viewAs) return c.json(await presentFor(db, viewer, id), 200);
    // Only the owner may look at their profile through another tier's eyes; the stand-in viewer
    // goes through the same query (not listed: 404) and the same presenter.
    if (viewer.id !== id) throw notFound();
    const standIn = viewAsViewer(viewer, viewAs);
    const member = await findVisibleMember({ db, viewer: standIn, id });
    const extras = await loadProfileExtras(db, id);
    const limits = await getVisibilityLimits({ db });
    return c.json(presentProfile({ viewer: standIn, member, limits, extras, viewingAs: viewAs }), 200);
  })
  .openapi(patchMember, async (c) => {
    const viewer = requireViewer(c);
    const { id } = c.req.valid('param');
    const input = c.req.valid('json');
    const { db } = c.var.deps;
    await updateProfile({ db, viewer, id, input, clock: c.var.deps.clock, hooks: c.var.deps.hooks });
    return c.json(await presentFor(db, viewer, id), 200);
  })
  .openapi(putPhoto, async (c) => {
    const viewer = requireViewer(c);
    const { id } = c.req.valid('param');
    const { file, ...crop } = c.req.valid('form');
    const bytes = new Uint8Array(await file.arrayBuffer());
    await setPhoto(c.var.deps, { viewer, id, bytes, crop });
    return c.json(await presentFor(c.var.deps.db, viewer, id), 200);
  })
  .openapi(deletePhoto, async (c) => {
    const viewer = requireViewer(c);
    const { id } = c.req.valid('param');
    await removePhoto(c.var.deps, { viewer, id });
    return c.json(await presentFor(c.var.deps.db, viewer, id), 200);
  })
  .openapi(getPhoto, async (c) => {
    const viewer = requireViewer(c);
    const { id } = c.req.valid('param');
    const { size } = c.req.valid('query');
    const photo = await readPhoto(c.var.deps.db, { viewer, id, size });
    c.header('Content-Type', 'image/webp');
    c.header('X-Content-Type-Options', 'nosniff');
    // The URL carries the version: a new photo is a new URL.
    c.header('Cache-Control', 'private, max-age=86400');
    c.header('Content-Security-Policy', "default-src 'none'; sandbox");
    return c.body(new Uint8Array(photo.bytes), 200);
  })
  .openapi(postPosition, async (c) => {
    const viewer = requireViewer(c);
    const { id } = c.req.valid('param');
    await addPosition(c.var.deps, { viewer, id, input: c.req.valid('json') });
    return c.json(await presentFor(c.var.deps.db, viewer, id), 201);
  })
  .openapi(patchPosition, async (c) => {
    const viewer = requireViewer(c);
    const { id, positionId } = c.req.valid('param');
    await updatePosition(c.var.deps, { viewer, id, positionId, input: c.req.valid('json') });
    return c.json(await presentFor(c.var.deps.db, viewer, id), 200);
  })
  .openapi(removePosition, async (c) => {
    const viewer = requireViewer(c);
    const { id, positionId } = c.req.valid('param');
    await deletePosition(c.var.deps, { viewer, id, positionId });
    return c.json(await presentFor(c.var.deps.db, viewer, id), 200);
  })
  .openapi(getLimits, async (c) => {
    requireViewer(c);
    return c.json(presentVisibilityLimits(await getVisibilityLimits({ db: c.var.deps.db })), 200);
  })
  .openapi(putLimits, async (c) => {
    authorize(c, isHr);
    const limits = c.req.valid('json');
    const { db, queue } = c.var.deps;
    return c.json(presentVisibilityLimits(await setVisibilityLimits({ db, limits, queue })), 200);
  });
