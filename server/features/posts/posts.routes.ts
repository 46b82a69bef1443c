import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import {
  CompanyPosterCreateSchema,
  CompanyPosterListSchema,
  CompanyPosterSchema,
  FeedQuerySchema,
  MentionableListSchema,
  MentionableQuerySchema,
  POST_IMAGE_MAX_BYTES,
  PostComposerInfoSchema,
  PostCreateSchema,
  PostListQuerySchema,
  PostMediaSchema,
  PostPageSchema,
  PostPreviewInputSchema,
  PostPreviewSchema,
  PostRevisionListSchema,
  PostSchema,
  PostUpdateSchema,
  TopicParamSchema,
} from '#common/posts';
import { AppError } from '#server/lib/errors';
import {
  type AppEnv,
  authorize,
  body,
  conflict,
  createRouter,
  errorResponses,
  IdParam,
  jsonContent,
  onlyFor,
  requireViewer,
  textIdParam,
} from '#server/lib/http';
import { contentDisposition, readMedia, uploadMedia } from './posts.media';
import { canManagePosters, canSeeRevisions } from './posts.policy';
import { presentMedia, presentPost, presentPoster, presentPosts, presentRevisions } from './posts.presenter';
import {
  appointPoster,
  createPost,
  deletePost,
  findPostForViewer,
  homeFeed,
  listPosters,
  listPosts,
  listRevisions,
  mayViewerPostCompany,
  mentionable,
  type PostRow,
  postContext,
  previewHtml,
  removePoster,
  setPinned,
  updatePost,
} from './posts.service';

/** The media upload is exempt from the API's JSON body limit: this route answers a too-large file itself. */
export const POST_MEDIA_UPLOAD_PATH = '/api/posts/media';

const mediaLimit = bodyLimit({
  maxSize: POST_IMAGE_MAX_BYTES + 64 * 1024,
  onError: () =>
    Promise.reject(new AppError('bad_request', 'error.bad_request', { file: ['kz.postFileTooLarge'] })),
});

const tags = ['posts'];
const suspended = conflict('Posting is suspended for a while');

const feed = createRoute({
  method: 'get',
  path: '/feed',
  tags,
  summary: 'The home feed: posts the viewer may see, newest first, pinned posts on top of the first page',
  request: { query: FeedQuerySchema },
  responses: { 200: jsonContent(PostPageSchema), ...errorResponses },
});

const list = createRoute({
  method: 'get',
  path: '/posts',
  tags,
  summary: 'Posts the viewer may see, by group, topic, author, kind or text (a group’s pins on top)',
  request: { query: PostListQuerySchema },
  responses: { 200: jsonContent(PostPageSchema), ...errorResponses },
});

const topic = createRoute({
  method: 'get',
  path: '/topics/{topic}',
  tags,
  summary: 'Posts tagged with a topic (#hashtag), as the viewer may see them',
  request: { params: TopicParamSchema, query: FeedQuerySchema },
  responses: { 200: jsonContent(PostPageSchema), ...errorResponses },
});

const composer = createRoute({
  method: 'get',
  path: '/posts/composer',
  tags,
  summary: 'What the composer offers this viewer (company posts: HR and appointed employees)',
  responses: { 200: jsonContent(PostComposerInfoSchema), ...errorResponses },
});

const mention = createRoute({
  method: 'get',
  path: '/posts/mentionable',
  tags,
  summary: 'Members a post with this audience may mention (directory rules apply)',
  request: { query: MentionableQuerySchema },
  responses: { 200: jsonContent(MentionableListSchema), ...errorResponses },
});

const preview = createRoute({
  method: 'post',
  path: '/posts/preview',
  tags,
  summary: 'The composer’s preview: Markdown rendered and sanitised as a post would be',
  request: body(PostPreviewInputSchema),
  responses: { 200: jsonContent(PostPreviewSchema), ...errorResponses },
});

const detail = createRoute({
  method: 'get',
  path: '/posts/{id}',
  tags,
  summary: 'One post the viewer may see (its author also sees it hidden, with the reason)',
  request: { params: IdParam },
  responses: { 200: jsonContent(PostSchema), ...errorResponses },
});

const create = createRoute({
  method: 'post',
  path: '/posts',
  tags,
  summary:
    'Write a post: company kinds by HR and appointed employees, member kinds by any member; mentions are notified',
  request: body(PostCreateSchema),
  responses: { 201: jsonContent(PostSchema, 'Created'), ...errorResponses, ...suspended },
});

const update = createRoute({
  method: 'patch',
  path: '/posts/{id}',
  tags,
  summary: 'Edit a post (its author; HR for company posts); the earlier version is kept',
  request: { params: IdParam, ...body(PostUpdateSchema) },
  responses: { 200: jsonContent(PostSchema), ...errorResponses, ...suspended },
});

const remove = createRoute({
  method: 'delete',
  path: '/posts/{id}',
  tags,
  summary: 'Delete one’s own post',
  request: { params: IdParam },
  responses: { 204: { description: 'Deleted' }, ...errorResponses },
});

const revisions = createRoute({
  middleware: onlyFor(canSeeRevisions),
  method: 'get',
  path: '/posts/{id}/revisions',
  tags,
  summary: 'Earlier versions of a post (moderators)',
  request: { params: IdParam },
  responses: { 200: jsonContent(PostRevisionListSchema), ...errorResponses },
});

const pin = createRoute({
  method: 'put',
  path: '/posts/{id}/pin',
  tags,
  summary: 'Pin a post on top of its audience’s feed (HR; a group’s admins for its posts)',
  request: { params: IdParam },
  responses: { 200: jsonContent(PostSchema), ...errorResponses },
});

const unpin = createRoute({
  method: 'delete',
  path: '/posts/{id}/pin',
  tags,
  summary: 'Unpin a post (HR; a group’s admins for its posts)',
  request: { params: IdParam },
  responses: { 200: jsonContent(PostSchema), ...errorResponses },
});

const FileSchema = z
  .custom<File>((v) => typeof File !== 'undefined' && v instanceof File, { message: 'kz.postFileRequired' })
  .openapi({ type: 'string', format: 'binary' });

const upload = createRoute({
  middleware: [mediaLimit] as const,
  method: 'post',
  path: '/posts/media',
  tags,
  summary:
    'Upload an image (PNG, JPEG, WebP; re-encoded as WebP ≤ 2048 px, no metadata) or a PDF, up to 10 MB, to attach to a post',
  request: {
    body: { content: { 'multipart/form-data': { schema: z.object({ file: FileSchema }) } }, required: true },
  },
  responses: { 201: jsonContent(PostMediaSchema, 'Uploaded'), ...errorResponses, ...suspended },
});

const media = createRoute({
  method: 'get',
  path: '/posts/media/{id}',
  tags,
  summary: 'A post’s image or attachment, for whoever may see the post (the uploader before it is attached)',
  request: { params: IdParam },
  responses: {
    200: {
      description: 'The file',
      content: {
        'image/webp': { schema: z.string().openapi({ format: 'binary' }) },
        'application/pdf': { schema: z.string().openapi({ format: 'binary' }) },
      },
    },
    ...errorResponses,
  },
});

const posters = createRoute({
  middleware: onlyFor(canManagePosters),
  method: 'get',
  path: '/admin/company-posters',
  tags,
  summary: 'Employees appointed to write company posts (HR)',
  responses: { 200: jsonContent(CompanyPosterListSchema), ...errorResponses },
});

const appoint = createRoute({
  middleware: onlyFor(canManagePosters),
  method: 'post',
  path: '/admin/company-posters',
  tags,
  summary: 'Appoint an employee to write company posts (HR)',
  request: body(CompanyPosterCreateSchema),
  responses: { 201: jsonContent(CompanyPosterSchema, 'Appointed'), ...errorResponses },
});

const dismiss = createRoute({
  middleware: onlyFor(canManagePosters),
  method: 'delete',
  path: '/admin/company-posters/{id}',
  tags,
  summary: 'Remove an employee’s appointment (HR)',
  request: { params: textIdParam(100) },
  responses: { 204: { description: 'Removed' }, ...errorResponses },
});

async function presentOne(c: Context<AppEnv>, row: PostRow) {
  const viewer = requireViewer(c);
  return presentPost(row, await postContext(c.var.deps.db, viewer, [row]));
}

async function presentPage(c: Context<AppEnv>, page: { rows: PostRow[]; nextCursor: string | null }) {
  const viewer = requireViewer(c);
  return {
    items: presentPosts(page.rows, await postContext(c.var.deps.db, viewer, page.rows)),
    nextCursor: page.nextCursor,
  };
}

export const postsRoutes = createRouter()
  .openapi(feed, async (c) => {
    const viewer = requireViewer(c);
    const page = await homeFeed(c.var.deps.db, viewer, c.var.deps.clock.now(), c.req.valid('query'));
    return c.json(await presentPage(c, page), 200);
  })
  .openapi(list, async (c) => {
    const viewer = requireViewer(c);
    const page = await listPosts(c.var.deps.db, viewer, c.var.deps.clock.now(), c.req.valid('query'));
    return c.json(await presentPage(c, page), 200);
  })
  .openapi(topic, async (c) => {
    const viewer = requireViewer(c);
    const { topic: name } = c.req.valid('param');
    const query = c.req.valid('query');
    const page = await listPosts(c.var.deps.db, viewer, c.var.deps.clock.now(), { ...query, topic: name });
    return c.json(await presentPage(c, page), 200);
  })
  .openapi(composer, async (c) => {
    const viewer = requireViewer(c);
    return c.json({ canPostCompany: await mayViewerPostCompany(c.var.deps.db, viewer) }, 200);
  })
  .openapi(mention, async (c) => {
    const viewer = requireViewer(c);
    const items = await mentionable(c.var.deps.db, viewer, c.var.deps.clock.now(), c.req.valid('query'));
    return c.json({ items }, 200);
  })
  .openapi(preview, async (c) => {
    requireViewer(c);
    return c.json({ bodyHtml: previewHtml(c.req.valid('json').bodyMarkdown) }, 200);
  })
  .openapi(upload, async (c) => {
    const viewer = requireViewer(c);
    const { file } = c.req.valid('form');
    const bytes = new Uint8Array(await file.arrayBuffer());
    const row = await uploadMedia(c.var.deps, { viewer, bytes, fileName: file.name });
    return c.json(presentMedia(row), 201);
  })
  .openapi(media, async (c) => {
    const viewer = requireViewer(c);
    const { id } = c.req.valid('param');
    const { row, bytes } = await readMedia(c.var.deps, { viewer, id });
    c.header('Content-Type', row.mimeType);
    c.header('X-Content-Type-Options', 'nosniff');
    c.header(
      'Content-Disposition',
      contentDisposition(row.kind === 'image' ? 'inline' : 'attachment', row.fileName),
    );
    c.header('Cache-Control', 'private, max-age=3600');
    c.header('Content-Security-Policy', "default-src 'none'; sandbox");
    return c.body(new Uint8Array(bytes), 200);
  })
  .openapi(detail, async (c) => {
    const viewer = requireViewer(c);
    const { id } = c.req.valid('param');
    const row = await findPostForViewer(c.var.deps.db, viewer, id, c.var.deps.clock.now());
    return c.json(await presentOne(c, row), 200);
  })
  .openapi(create, async (c) => {
    const viewer = requireViewer(c);
    const input = c.req.valid('json');
    const row = await createPost(c.var.deps, { viewer, input, locale: c.var.locale });
    return c.json(await presentOne(c, row), 201);
  })
  .openapi(update, async (c) => {
    const viewer = requireViewer(c);
    const { id } = c.req.valid('param');
    const input = c.req.valid('json');
    const row = await updatePost(c.var.deps, { viewer, id, input, locale: c.var.locale });
    return c.json(await presentOne(c, row), 200);
  })
  .openapi(remove, async (c) => {
    const viewer = requireViewer(c);
    const { id } = c.req.valid('param');
    await deletePost(c.var.deps, { viewer, id });
    return c.body(null, 204);
  })
  .openapi(revisions, async (c) => {
    authorize(c, canSeeRevisions);
    const { id } = c.req.valid('param');
    return c.json(presentRevisions(await listRevisions(c.var.deps.db, id)), 200);
  })
  .openapi(pin, async (c) => {
    const viewer = requireViewer(c);
    const { id } = c.req.valid('param');
    return c.json(await presentOne(c, await setPinned(c.var.deps, { viewer, id, pinned: true })), 200);
  })
  .openapi(unpin, async (c) => {
    const viewer = requireViewer(c);
    const { id } = c.req.valid('param');
    return c.json(await presentOne(c, await setPinned(c.var.deps, { viewer, id, pinned: false })), 200);
  })
  .openapi(posters, async (c) => {
    authorize(c, canManagePosters);
    return c.json({ items: (await listPosters(c.var.deps.db)).map(presentPoster) }, 200);
  })
  .openapi(appoint, async (c) => {
    const viewer = authorize(c, canManagePosters);
    const { userId } = c.req.valid('json');
    await appointPoster(c.var.deps, { viewer, userId });
    const row = (await listPosters(c.var.deps.db)).find((p) => p.userId === userId);
    if (!row) throw new AppError('not_found');
    return c.json(presentPoster(row), 201);
  })
  .openapi(dismiss, async (c) => {
    const viewer = authorize(c, canManagePosters);
    const { id } = c.req.valid('param');
    await removePoster(c.var.deps, { viewer, userId: id });
    return c.body(null, 204);
  });
