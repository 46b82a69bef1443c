import { createRoute } from '@hono/zod-openapi';
import {
  CommentCreateSchema,
  CommentListQuerySchema,
  CommentPageSchema,
  CommentSchema,
  CommentUpdateSchema,
  PostIdParam,
  ReactionParam,
  ReactionStateSchema,
  ReactorsSchema,
} from '#common/comments';
import { ErrorBodySchema } from '#common/errors';
import {
  body,
  conflict,
  createRouter,
  errorResponses,
  IdParam,
  jsonContent,
  requireViewer,
} from '#server/lib/http';
import {
  presentComment,
  presentCommentPage,
  presentReactionState,
  presentReactors,
} from './comments.presenter';
import { addComment, deleteComment, editComment, listComments } from './comments.service';
import { addReaction, listReactions, removeReaction } from './reactions.service';

const suspended = conflict('Posting is suspended for a while by a moderator');
const tooMany = { 429: jsonContent(ErrorBodySchema, 'Too many comments (see Retry-After)') };

const list = createRoute({
  method: 'get',
  path: '/posts/{id}/comments',
  tags: ['comments'],
  summary: 'Comments of a post the viewer may see, oldest first, replies under their parent (keyset pages)',
  request: { params: PostIdParam, query: CommentListQuerySchema },
  responses: { 200: jsonContent(CommentPageSchema), ...errorResponses },
});

const create = createRoute({
  method: 'post',
  path: '/posts/{id}/comments',
  tags: ['comments'],
  summary: 'Comment on a post, or reply to one of its comments (one level); mentions notify',
  request: { params: PostIdParam, ...body(CommentCreateSchema) },
  responses: { 201: jsonContent(CommentSchema, 'Created'), ...errorResponses, ...suspended, ...tooMany },
});

const update = createRoute({
  method: 'patch',
  path: '/comments/{id}',
  tags: ['comments'],
  summary: 'Edit my comment',
  request: { params: IdParam, ...body(CommentUpdateSchema) },
  responses: { 200: jsonContent(CommentSchema), ...errorResponses, ...suspended },
});

const remove = createRoute({
  method: 'delete',
  path: '/comments/{id}',
  tags: ['comments'],
  summary: 'Delete my comment (kept as a placeholder while it has replies)',
  request: { params: IdParam },
  responses: { 204: { description: 'Deleted' }, ...errorResponses },
});

const reactors = createRoute({
  method: 'get',
  path: '/posts/{id}/reactions',
  tags: ['comments'],
  summary: 'Reaction counts of a post, mine, and who reacted (names of active members)',
  request: { params: PostIdParam },
  responses: { 200: jsonContent(ReactorsSchema), ...errorResponses },
});

const react = createRoute({
  method: 'put',
  path: '/posts/{id}/reactions/{reaction}',
  tags: ['comments'],
  summary: 'Add my reaction to a post (idempotent)',
  request: { params: ReactionParam },
  responses: { 200: jsonContent(ReactionStateSchema), ...errorResponses },
});

const unreact = createRoute({
  method: 'delete',
  path: '/posts/{id}/reactions/{reaction}',
  tags: ['comments'],
  summary: 'Take my reaction back (idempotent)',
  request: { params: ReactionParam },
  responses: { 200: jsonContent(ReactionStateSchema), ...errorResponses },
});

export const commentsRoutes = createRouter()
  .openapi(list, async (c) => {
    const viewer = requireViewer(c);
    const { id } = c.req.valid('param');
    const query = c.req.valid('query');
    const rows = await listComments(c.var.deps, { viewer, postId: id, query });
    return c.json(presentCommentPage(rows, viewer), 200);
  })
  .openapi(create, async (c) => {
    const viewer = requireViewer(c);
    const { id } = c.req.valid('param');
    const input = c.req.valid('json');
    const row = await addComment(c.var.deps, { viewer, postId: id, input, locale: c.var.locale });
    return c.json(presentComment(row, viewer), 201);
  })
  .openapi(update, async (c) => {
    const viewer = requireViewer(c);
    const { id } = c.req.valid('param');
    const input = c.req.valid('json');
    const row = await editComment(c.var.deps, { viewer, id, input, locale: c.var.locale });
    return c.json(presentComment(row, viewer), 200);
  })
  .openapi(remove, async (c) => {
    const viewer = requireViewer(c);
    const { id } = c.req.valid('param');
    await deleteComment(c.var.deps, { viewer, id });
    return c.body(null, 204);
  })
  .openapi(reactors, async (c) => {
    const viewer = requireViewer(c);
    const { id } = c.req.valid('param');
    return c.json(presentReactors(await listReactions(c.var.deps, { viewer, postId: id })), 200);
  })
  .openapi(react, async (c) => {
    const viewer = requireViewer(c);
    const { id, reaction } = c.req.valid('param');
    return c.json(presentReactionState(await addReaction(c.var.deps, { viewer, postId: id, reaction })), 200);
  })
  .openapi(unreact, async (c) => {
    const viewer = requireViewer(c);
    const { id, reaction } = c.req.valid('param');
    return c.json(
      presentReactionState(await removeReaction(c.var.deps, { viewer, postId: id, reaction })),
      200,
    );
  });
