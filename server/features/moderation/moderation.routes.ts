import { createRoute } from '@hono/zod-openapi';
import { ErrorBodySchema } from '#common/errors';
import {
  DismissSchema,
  HideSchema,
  MemberNoteCreateSchema,
  MemberNoteListSchema,
  MemberNoteSchema,
  ModerationResultSchema,
  PostingStatusSchema,
  ReportAckSchema,
  ReportCreateSchema,
  ReportDetailSchema,
  ReportQueueQuerySchema,
  ReportQueueSchema,
  SuspensionCreateSchema,
  SuspensionListSchema,
  SuspensionSchema,
} from '#common/moderation';
import {
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
import { canModerate } from './moderation.policy';
import {
  presentMemberNote,
  presentModerationResult,
  presentReportAck,
  presentReportDetail,
  presentReportGroup,
  presentSuspension,
} from './moderation.presenter';
import {
  commentTarget,
  createReport,
  dismissReport,
  getReportDetail,
  hideDirectly,
  hideReported,
  listReportQueue,
  unhide,
} from './moderation.service';
import {
  addMemberNote,
  liftSuspension,
  listActiveSuspensions,
  listMemberNotes,
  postingStatus,
  suspendMember,
} from './moderation.suspensions';

const TargetParam = textIdParam(64);
const tags = ['moderation'];

const report = createRoute({
  method: 'post',
  path: '/reports',
  tags,
  summary:
    'Report a post or comment the viewer can see (404 otherwise); a repeat while the first is open is the same report',
  request: body(ReportCreateSchema),
  responses: {
    201: jsonContent(ReportAckSchema, 'Received'),
    200: jsonContent(ReportAckSchema, 'Already reported (the same report)'),
    ...errorResponses,
    429: jsonContent(ErrorBodySchema, 'Too many reports in an hour (see Retry-After)'),
  },
});

const queue = createRoute({
  middleware: onlyFor(canModerate),
  method: 'get',
  path: '/moderation/reports',
  tags,
  summary: 'The review queue (HR): reported posts and comments in one state, reports grouped per target',
  request: { query: ReportQueueQuerySchema },
  responses: { 200: jsonContent(ReportQueueSchema), ...errorResponses },
});

const detail = createRoute({
  middleware: onlyFor(canModerate),
  method: 'get',
  path: '/moderation/reports/{id}',
  tags,
  summary: 'One report (HR): the content even if hidden, its author, edit history and earlier moderation',
  request: { params: IdParam },
  responses: { 200: jsonContent(ReportDetailSchema), ...errorResponses },
});

const resolvedConflict = conflict('The report is already resolved');

const hideReport = createRoute({
  middleware: onlyFor(canModerate),
  method: 'post',
  path: '/moderation/reports/{id}/hide',
  tags,
  summary:
    'Hide the reported post or comment with a reason the author is told; resolves its open reports (HR)',
  request: { params: IdParam, ...body(HideSchema) },
  responses: { 200: jsonContent(ModerationResultSchema), ...errorResponses, ...resolvedConflict },
});

const dismiss = createRoute({
  middleware: onlyFor(canModerate),
  method: 'post',
  path: '/moderation/reports/{id}/dismiss',
  tags,
  summary: 'Dismiss the open reports on the reported post or comment (HR)',
  request: { params: IdParam, ...body(DismissSchema) },
  responses: { 200: jsonContent(ModerationResultSchema), ...errorResponses, ...resolvedConflict },
});

const hidePost = createRoute({
  middleware: onlyFor(canModerate),
  method: 'post',
  path: '/moderation/posts/{id}/hide',
  tags,
  summary: 'Hide a post without a report, with a reason the author is told (HR)',
  request: { params: TargetParam, ...body(HideSchema) },
  responses: { 200: jsonContent(ModerationResultSchema), ...errorResponses },
});

const unhidePost = createRoute({
  middleware: onlyFor(canModerate),
  method: 'post',
  path: '/moderation/posts/{id}/unhide',
  tags,
  summary: 'Show a hidden post again (HR)',
  request: { params: TargetParam },
  responses: { 200: jsonContent(ModerationResultSchema), ...errorResponses, ...conflict('Not hidden') },
});

const hideComment = createRoute({
  middleware: onlyFor(canModerate),
  method: 'post',
  path: '/moderation/comments/{id}/hide',
  tags,
  summary: 'Hide a comment without a report, with a reason the author is told (HR)',
  request: { params: TargetParam, ...body(HideSchema) },
  responses: { 200: jsonContent(ModerationResultSchema), ...errorResponses },
});

const unhideComment = createRoute({
  middleware: onlyFor(canModerate),
  method: 'post',
  path: '/moderation/comments/{id}/unhide',
  tags,
  summary: 'Show a hidden comment again (HR)',
  request: { params: TargetParam },
  responses: { 200: jsonContent(ModerationResultSchema), ...errorResponses, ...conflict('Not hidden') },
});

const suspend = createRoute({
  middleware: onlyFor(canModerate),
  method: 'post',
  path: '/moderation/suspensions',
  tags,
  summary: 'Pause a member’s posting and commenting for 1–90 days; the member is told until when (HR)',
  request: body(SuspensionCreateSchema),
  responses: { 201: jsonContent(SuspensionSchema, 'Created'), ...errorResponses },
});

const suspensions = createRoute({
  middleware: onlyFor(canModerate),
  method: 'get',
  path: '/moderation/suspensions',
  tags,
  summary: 'Suspensions in force now (HR)',
  responses: { 200: jsonContent(SuspensionListSchema), ...errorResponses },
});

const lift = createRoute({
  middleware: onlyFor(canModerate),
  method: 'post',
  path: '/moderation/suspensions/{id}/lift',
  tags,
  summary: 'End a suspension early (HR)',
  request: { params: IdParam },
  responses: { 200: jsonContent(SuspensionSchema), ...errorResponses, ...conflict('Already ended') },
});

const myStatus = createRoute({
  method: 'get',
  path: '/me/posting-status',
  tags,
  summary: 'Whether a moderator has paused my posting, and until when',
  responses: { 200: jsonContent(PostingStatusSchema), ...errorResponses },
});

const notes = createRoute({
  middleware: onlyFor(canModerate),
  method: 'get',
  path: '/moderation/members/{id}/notes',
  tags,
  summary: 'Moderator notes on a member, newest first (HR; reading is audited)',
  request: { params: TargetParam },
  responses: { 200: jsonContent(MemberNoteListSchema), ...errorResponses },
});

const addNote = createRoute({
  middleware: onlyFor(canModerate),
  method: 'post',
  path: '/moderation/members/{id}/notes',
  tags,
  summary: 'Add a moderator note on a member (HR; audited)',
  request: { params: TargetParam, ...body(MemberNoteCreateSchema) },
  responses: { 201: jsonContent(MemberNoteSchema, 'Created'), ...errorResponses },
});

export const moderationRoutes = createRouter()
  .openapi(report, async (c) => {
    const viewer = requireViewer(c);
    const input = c.req.valid('json');
    const { report: row, created } = await createReport(c.var.deps, { viewer, input });
    return created ? c.json(presentReportAck(row), 201) : c.json(presentReportAck(row), 200);
  })
  .openapi(queue, async (c) => {
    authorize(c, canModerate);
    const { status } = c.req.valid('query');
    const result = await listReportQueue(c.var.deps, { status });
    return c.json({ items: result.items.map(presentReportGroup), counts: result.counts }, 200);
  })
  .openapi(detail, async (c) => {
    authorize(c, canModerate);
    const { id } = c.req.valid('param');
    const found = await getReportDetail(c.var.deps, { id });
    return c.json(presentReportDetail(found, c.var.deps.clock.now()), 200);
  })
  .openapi(hideReport, async (c) => {
    const viewer = authorize(c, canModerate);
    const { id } = c.req.valid('param');
    const input = c.req.valid('json');
    return c.json(presentModerationResult(await hideReported(c.var.deps, { viewer, id, input })), 200);
  })
  .openapi(dismiss, async (c) => {
    const viewer = authorize(c, canModerate);
    const { id } = c.req.valid('param');
    const input = c.req.valid('json');
    return c.json(presentModerationResult(await dismissReport(c.var.deps, { viewer, id, input })), 200);
  })
  .openapi(hidePost, async (c) => {
    const viewer = authorize(c, canModerate);
    const { id } = c.req.valid('param');
    const input = c.req.valid('json');
    const target = { postId: id, commentId: null };
    return c.json(presentModerationResult(await hideDirectly(c.var.deps, { viewer, target, input })), 200);
  })
  .openapi(hideComment, async (c) => {
    const viewer = authorize(c, canModerate);
    const { id } = c.req.valid('param');
    const input = c.req.valid('json');
    const target = await commentTarget(c.var.deps.db, id);
    return c.json(presentModerationResult(await hideDirectly(c.var.deps, { viewer, target, input })), 200);
  })
  .openapi(unhidePost, async (c) => {
    const viewer = authorize(c, canModerate);
    const { id } = c.req.valid('param');
    const target = { postId: id, commentId: null };
    return c.json(presentModerationResult(await unhide(c.var.deps, { viewer, target })), 200);
  })
  .openapi(unhideComment, async (c) => {
    const viewer = authorize(c, canModerate);
    const { id } = c.req.valid('param');
    const target = await commentTarget(c.var.deps.db, id);
    return c.json(presentModerationResult(await unhide(c.var.deps, { viewer, target })), 200);
  })
  .openapi(suspend, async (c) => {
    const viewer = authorize(c, canModerate);
    const input = c.req.valid('json');
    const row = await suspendMember(c.var.deps, { viewer, input });
    return c.json(presentSuspension(row, c.var.deps.clock.now()), 201);
  })
  .openapi(suspensions, async (c) => {
    authorize(c, canModerate);
    const now = c.var.deps.clock.now();
    const rows = await listActiveSuspensions(c.var.deps);
    return c.json({ items: rows.map((r) => presentSuspension(r, now)) }, 200);
  })
  .openapi(lift, async (c) => {
    const viewer = authorize(c, canModerate);
    const { id } = c.req.valid('param');
    const row = await liftSuspension(c.var.deps, { viewer, id });
    return c.json(presentSuspension(row, c.var.deps.clock.now()), 200);
  })
  .openapi(myStatus, async (c) => {
    const viewer = requireViewer(c);
    const status = await postingStatus(c.var.deps, { viewer });
    return c.json({ isSuspended: status.isSuspended, until: status.until, reason: status.reason }, 200);
  })
  .openapi(notes, async (c) => {
    const viewer = authorize(c, canModerate);
    const { id } = c.req.valid('param');
    const { member, items } = await listMemberNotes(c.var.deps, { viewer, userId: id });
    return c.json(
      { member: { id: member.id, displayName: member.displayName }, items: items.map(presentMemberNote) },
      200,
    );
  })
  .openapi(addNote, async (c) => {
    const viewer = authorize(c, canModerate);
    const { id } = c.req.valid('param');
    const { body: text } = c.req.valid('json');
    const { note } = await addMemberNote(c.var.deps, { viewer, userId: id, body: text });
    return c.json(presentMemberNote(note), 201);
  });
