import { createRoute } from '@hono/zod-openapi';
import { streamSSE } from 'hono/streaming';
import { ErrorBodySchema } from '#common/errors';
import {
  ConversationCreateSchema,
  ConversationDetailSchema,
  ConversationListSchema,
  MessageCreateSchema,
  MessageListQuerySchema,
  MessagePageSchema,
  MessageReportAckSchema,
  MessageReportCreateSchema,
  MessageSchema,
  MuteSchema,
  PeopleReportDecisionSchema,
  PeopleReportDetailSchema,
  PeopleReportQueueQuerySchema,
  PeopleReportQueueSchema,
  SentSchema,
  UnreadSchema,
} from '#common/messaging';
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
import { messageBus } from '#server/lib/message-bus';
import { canReviewPeopleReports } from './messaging.policy';
import {
  presentConversation,
  presentConversationDetail,
  presentMessage,
  presentPeopleReport,
  presentPeopleReportDetail,
} from './messaging.presenter';
import { decidePeopleReport, listPeopleReports, openPeopleReport, reportMessage } from './messaging.reports';
import {
  findConversation,
  leaveConversation,
  listConversations,
  listMessages,
  liveMessage,
  markRead,
  messagesSince,
  muteConversation,
  sendMessage,
  startConversation,
  unreadTotal,
} from './messaging.service';

const rateLimited = { 429: jsonContent(ErrorBodySchema, 'Too many requests (see Retry-After)') };
const awaitingReply = conflict('First-message limit: wait for a reply; or posting is suspended');
const Detail = { 200: jsonContent(ConversationDetailSchema), ...errorResponses };
/** A keep-alive comment this often keeps proxies from closing an idle stream. */
const KEEP_ALIVE_MS = 25_000;

const list = createRoute({
  method: 'get',
  path: '/conversations',
  tags: ['messaging'],
  summary: 'My conversations, newest activity first, with unread counts and the total (muted not counted)',
  responses: { 200: jsonContent(ConversationListSchema), ...errorResponses },
});

const unread = createRoute({
  method: 'get',
  path: '/conversations/unread',
  tags: ['messaging'],
  summary: 'The nav badge: unread messages in my conversations that are not muted',
  responses: { 200: jsonContent(UnreadSchema), ...errorResponses },
});

const start = createRoute({
  method: 'post',
  path: '/conversations',
  tags: ['messaging'],
  summary:
    'Start a conversation with a first message (connections; HR with anyone); continues the direct one if it exists. Blocked: 404',
  request: body(ConversationCreateSchema),
  responses: { 201: jsonContent(SentSchema, 'Sent'), ...errorResponses, ...awaitingReply, ...rateLimited },
});

const detail = createRoute({
  method: 'get',
  path: '/conversations/{id}',
  tags: ['messaging'],
  summary: 'One of my conversations (404 for anyone else, HR included)',
  request: { params: IdParam },
  responses: Detail,
});

const thread = createRoute({
  method: 'get',
  path: '/conversations/{id}/messages',
  tags: ['messaging'],
  summary: 'A page of messages, newest last; `before` walks back',
  request: { params: IdParam, query: MessageListQuerySchema },
  responses: { 200: jsonContent(MessagePageSchema), ...errorResponses },
});

const send = createRoute({
  method: 'post',
  path: '/conversations/{id}/messages',
  tags: ['messaging'],
  summary: 'Send a message (the same text again within seconds is stored once)',
  request: { params: IdParam, ...body(MessageCreateSchema) },
  responses: { 201: jsonContent(MessageSchema, 'Sent'), ...errorResponses, ...awaitingReply, ...rateLimited },
});

const read = createRoute({
  method: 'post',
  path: '/conversations/{id}/read',
  tags: ['messaging'],
  summary: 'Mark the conversation read',
  request: { params: IdParam },
  responses: Detail,
});

const leave = createRoute({
  method: 'post',
  path: '/conversations/{id}/leave',
  tags: ['messaging'],
  summary: 'Leave: no more reading or writing (404 afterwards)',
  request: { params: IdParam },
  responses: { 204: { description: 'Left' }, ...errorResponses },
});

const mute = createRoute({
  method: 'put',
  path: '/conversations/{id}/mute',
  tags: ['messaging'],
  summary: 'Mute (no e-mail, not in the badge) or unmute',
  request: { params: IdParam, ...body(MuteSchema) },
  responses: Detail,
});

const report = createRoute({
  method: 'post',
  path: '/messages/{id}/report',
  tags: ['messaging'],
  summary: 'Report a message of a conversation of mine to HR',
  request: { params: IdParam, ...body(MessageReportCreateSchema) },
  responses: { 201: jsonContent(MessageReportAckSchema, 'Received'), ...errorResponses, ...rateLimited },
});

const queue = createRoute({
  middleware: onlyFor(canReviewPeopleReports),
  method: 'get',
  path: '/admin/people-reports',
  tags: ['messaging'],
  summary: 'HR: reports about members and messages, by state',
  request: { query: PeopleReportQueueQuerySchema },
  responses: { 200: jsonContent(PeopleReportQueueSchema), ...errorResponses },
});

const ReportParam = textIdParam(64);

const openReport = createRoute({
  middleware: onlyFor(canReviewPeopleReports),
  method: 'get',
  path: '/admin/people-reports/{id}',
  tags: ['messaging'],
  summary: 'HR: one report; for a message report the conversation is read and the reading audited',
  request: { params: ReportParam },
  responses: { 200: jsonContent(PeopleReportDetailSchema), ...errorResponses },
});

const decide = createRoute({
  middleware: onlyFor(canReviewPeopleReports),
  method: 'post',
  path: '/admin/people-reports/{id}/decision',
  tags: ['messaging'],
  summary: 'HR: dismiss, note, or suspend the member’s posting and messaging',
  request: { params: ReportParam, ...body(PeopleReportDecisionSchema) },
  responses: {
    200: jsonContent(PeopleReportDetailSchema),
    ...errorResponses,
    ...conflict('Already decided'),
  },
});

const router = createRouter();

// Server-sent events: each new message of my conversations, as it commits (decision 039). Before
// `/conversations/{id}` so that `stream` is not taken for an id.
router.get('/conversations/stream', async (c) => {
  const viewer = requireViewer(c);
  const { db } = c.var.deps;
  const bus = messageBus(db);
  await bus.ready;
  const lastEventId = c.req.header('last-event-id') ?? c.req.query('lastEventId');
  return streamSSE(c, async (stream) => {
    const queued: string[] = [];
    let wake: (() => void) | undefined;
    const unsubscribe = bus.subscribe((signal) => {
      if (!signal.recipients.includes(viewer.id)) return;
      queued.push(signal.messageId);
      wake?.();
    });
    let closed = false;
    stream.onAbort(() => {
      closed = true;
      unsubscribe();
      wake?.();
    });
    const sendOne = async (row: NonNullable<Awaited<ReturnType<typeof liveMessage>>>) =>
      stream.writeSSE({
        event: 'message',
        id: `${row.createdAt.toISOString()}|${row.id}`,
        data: JSON.stringify({ conversationId: row.conversationId, message: presentMessage(row, viewer.id) }),
      });
    await stream.writeSSE({ event: 'ready', data: '{}' });
    if (lastEventId) for (const row of await messagesSince(db, viewer.id, lastEventId)) await sendOne(row);
    const keepAlive = setInterval(
      () => void stream.write(': keep-alive\n\n').catch(() => undefined),
      KEEP_ALIVE_MS,
    );
    try {
      while (!closed) {
        const next = queued.shift();
        if (next === undefined) {
          await new Promise<void>((resolve) => {
            wake = resolve;
          });
          wake = undefined;
          continue;
        }
        const row = await liveMessage(db, viewer.id, next);
        if (row) await sendOne(row);
      }
    } finally {
      clearInterval(keepAlive);
      unsubscribe();
    }
  });
});

export const messagingRoutes = router
  .openapi(list, async (c) => {
    const viewer = requireViewer(c);
    const result = await listConversations(c.var.deps, { viewer });
    return c.json(
      {
        items: result.items.map((item) => presentConversation(item, result.photos)),
        totalUnread: result.totalUnread,
      },
      200,
    );
  })
  .openapi(unread, async (c) => {
    const viewer = requireViewer(c);
    return c.json(await unreadTotal(c.var.deps, { viewer }), 200);
  })
  .openapi(start, async (c) => {
    const input = c.req.valid('json');
    const viewer = requireViewer(c);
    const sent = await startConversation(c.var.deps, { viewer, input });
    return c.json(
      { conversationId: sent.conversationId, message: presentMessage(sent.message, viewer.id) },
      201,
    );
  })
  .openapi(detail, async (c) => {
    const { id } = c.req.valid('param');
    const viewer = requireViewer(c);
    return c.json(presentConversationDetail(await findConversation(c.var.deps, { viewer, id })), 200);
  })
  .openapi(thread, async (c) => {
    const { id } = c.req.valid('param');
    const { before } = c.req.valid('query');
    const viewer = requireViewer(c);
    const page = await listMessages(c.var.deps, { viewer, id, before });
    return c.json(
      { items: page.items.map((m) => presentMessage(m, viewer.id)), olderCursor: page.olderCursor },
      200,
    );
  })
  .openapi(send, async (c) => {
    const { id } = c.req.valid('param');
    const { body: text } = c.req.valid('json');
    const viewer = requireViewer(c);
    const message = await sendMessage(c.var.deps, { viewer, id, body: text });
    return c.json(presentMessage(message, viewer.id), 201);
  })
  .openapi(read, async (c) => {
    const { id } = c.req.valid('param');
    const viewer = requireViewer(c);
    return c.json(presentConversationDetail(await markRead(c.var.deps, { viewer, id })), 200);
  })
  .openapi(leave, async (c) => {
    const { id } = c.req.valid('param');
    const viewer = requireViewer(c);
    await leaveConversation(c.var.deps, { viewer, id });
    return c.body(null, 204);
  })
  .openapi(mute, async (c) => {
    const { id } = c.req.valid('param');
    const { muted } = c.req.valid('json');
    const viewer = requireViewer(c);
    return c.json(presentConversationDetail(await muteConversation(c.var.deps, { viewer, id, muted })), 200);
  })
  .openapi(report, async (c) => {
    const { id } = c.req.valid('param');
    const input = c.req.valid('json');
    const viewer = requireViewer(c);
    const ack = await reportMessage(c.var.deps, { viewer, messageId: id, input });
    return c.json({ id: ack.id, received: true as const }, 201);
  })
  .openapi(queue, async (c) => {
    const { status } = c.req.valid('query');
    authorize(c, canReviewPeopleReports);
    const result = await listPeopleReports(c.var.deps, { status });
    return c.json({ items: result.items.map(presentPeopleReport), counts: result.counts }, 200);
  })
  .openapi(openReport, async (c) => {
    const { id } = c.req.valid('param');
    const viewer = authorize(c, canReviewPeopleReports);
    return c.json(
      presentPeopleReportDetail(await openPeopleReport(c.var.deps, { viewer, id }), viewer.id),
      200,
    );
  })
  .openapi(decide, async (c) => {
    const { id } = c.req.valid('param');
    const input = c.req.valid('json');
    const viewer = authorize(c, canReviewPeopleReports);
    const decided = await decidePeopleReport(c.var.deps, { viewer, id, input });
    return c.json(presentPeopleReportDetail(decided, viewer.id), 200);
  });
