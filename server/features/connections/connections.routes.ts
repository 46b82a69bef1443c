import { createRoute, z } from '@hono/zod-openapi';
import {
  BlockedListSchema,
  ConnectionListQuerySchema,
  ConnectionListSchema,
  ConnectionRequestCreatedSchema,
  ConnectionRequestCreateSchema,
  ConnectionRequestListQuerySchema,
  ConnectionRequestListSchema,
  ConnectionsSettingsSchema,
  ConnectionsSummarySchema,
  FollowStateSchema,
  PeopleReportCreatedSchema,
  PeopleReportCreateSchema,
  RelationSchema,
} from '#common/connections';
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
  presentBlocked,
  presentConnectionList,
  presentFollow,
  presentRelation,
  presentRequestList,
} from './connections.presenter';
import {
  blockMember,
  connectionsSummary,
  decideRequest,
  getConnectionsSettings,
  getRelation,
  listBlocked,
  listConnections,
  listRequests,
  removeConnection,
  reportMember,
  sendRequest,
  setConnectionsSettings,
  setFollow,
  unblockMember,
} from './connections.service';

const rateLimited = { 429: jsonContent(ErrorBodySchema, 'Too many requests (see Retry-After)') };
const DecisionSchema = z.object({ id: z.string(), status: z.enum(['accepted', 'declined', 'withdrawn']) });
const BlockStateSchema = z.object({ blocked: z.boolean() });
const tags = ['connections'];

const send = createRoute({
  method: 'post',
  path: '/connections/requests',
  tags,
  summary:
    'Ask a member to connect (optional note). If they already asked you, their request is accepted (status accepted)',
  request: body(ConnectionRequestCreateSchema),
  responses: {
    201: jsonContent(ConnectionRequestCreatedSchema, 'Created'),
    ...errorResponses,
    ...conflict('Already connected, or a request is already pending'),
    ...rateLimited,
  },
});

const requests = createRoute({
  method: 'get',
  path: '/connections/requests',
  tags,
  summary: 'My pending requests, incoming or outgoing',
  request: { query: ConnectionRequestListQuerySchema },
  responses: { 200: jsonContent(ConnectionRequestListSchema), ...errorResponses },
});

const decision = (verb: 'accept' | 'decline' | 'withdraw', summary: string) =>
  createRoute({
    method: 'post',
    path: `/connections/requests/{id}/${verb}`,
    tags,
    summary,
    request: { params: IdParam },
    responses: {
      200: jsonContent(DecisionSchema),
      ...errorResponses,
      ...conflict('The request was already decided'),
    },
  });
const accept = decision(
  'accept',
  'Accept a request sent to me: we are connected (both rows, one transaction)',
);
const decline = decision('decline', 'Decline a request sent to me');
const withdraw = decision('withdraw', 'Withdraw a request I sent');

const summary = createRoute({
  method: 'get',
  path: '/connections/summary',
  tags,
  summary: 'Pending incoming requests (the nav badge)',
  responses: { 200: jsonContent(ConnectionsSummarySchema), ...errorResponses },
});

const mine = createRoute({
  method: 'get',
  path: '/connections',
  tags,
  summary: 'My connections, by name; `q` narrows them by name (kanji, kana or romaji)',
  request: { query: ConnectionListQuerySchema },
  responses: { 200: jsonContent(ConnectionListSchema), ...errorResponses },
});

const remove = createRoute({
  method: 'delete',
  path: '/connections/{id}',
  tags,
  summary: 'Remove my connection with a member (both rows)',
  request: { params: IdParam },
  responses: { 204: { description: 'Removed' }, ...errorResponses },
});

const getSettings = createRoute({
  method: 'get',
  path: '/connections/settings',
  tags,
  summary: 'Who may see my list of connections',
  responses: { 200: jsonContent(ConnectionsSettingsSchema), ...errorResponses },
});

const putSettings = createRoute({
  method: 'put',
  path: '/connections/settings',
  tags,
  summary: 'Choose who may see my list of connections: members, my connections, only me',
  request: body(ConnectionsSettingsSchema),
  responses: { 200: jsonContent(ConnectionsSettingsSchema), ...errorResponses },
});

const memberConnections = createRoute({
  method: 'get',
  path: '/members/{id}/connections',
  tags,
  summary: "A member's connections, as their setting lets the viewer see them (404 otherwise)",
  request: { params: IdParam, query: ConnectionListQuerySchema },
  responses: { 200: jsonContent(ConnectionListSchema), ...errorResponses },
});

const relation = createRoute({
  method: 'get',
  path: '/members/{id}/relation',
  tags,
  summary: 'The viewer and a member: connection state, follow, block, mutual connections, allowed actions',
  request: { params: IdParam },
  responses: { 200: jsonContent(RelationSchema), ...errorResponses },
});

const follow = (method: 'post' | 'delete') =>
  createRoute({
    method,
    path: '/members/{id}/follow',
    tags,
    summary:
      method === 'post'
        ? 'Follow a company account or a speaker without connecting (anyone else: 400)'
        : 'Stop following a member',
    request: { params: IdParam },
    responses: { 200: jsonContent(FollowStateSchema), ...errorResponses },
  });

const block = (method: 'post' | 'delete') =>
  createRoute({
    method,
    path: '/members/{id}/block',
    tags,
    summary:
      method === 'post'
        ? 'Block a member: neither finds, messages, mentions or sees the other; connection and requests go'
        : 'Unblock a member I blocked',
    request: { params: IdParam },
    responses: { 200: jsonContent(BlockStateSchema), ...errorResponses },
  });

const blocked = createRoute({
  method: 'get',
  path: '/blocks',
  tags,
  summary: 'Members I blocked',
  responses: { 200: jsonContent(BlockedListSchema), ...errorResponses },
});

const report = createRoute({
  method: 'post',
  path: '/members/{id}/reports',
  tags,
  summary: 'Report a member to HR; a second open report is the same one',
  request: { params: IdParam, ...body(PeopleReportCreateSchema) },
  responses: { 201: jsonContent(PeopleReportCreatedSchema, 'Created'), ...errorResponses },
});

export const connectionsRoutes = createRouter()
  .openapi(send, async (c) => {
    const viewer = requireViewer(c);
    const input = c.req.valid('json');
    const created = await sendRequest(c.var.deps, { viewer, input });
    return c.json({ id: created.id, status: created.status }, 201);
  })
  .openapi(requests, async (c) => {
    const viewer = requireViewer(c);
    const query = c.req.valid('query');
    return c.json(presentRequestList(await listRequests(c.var.deps, { viewer, query })), 200);
  })
  .openapi(accept, async (c) => {
    const viewer = requireViewer(c);
    const { id } = c.req.valid('param');
    return c.json(await decideRequest(c.var.deps, { viewer, id, decision: 'accept' }), 200);
  })
  .openapi(decline, async (c) => {
    const viewer = requireViewer(c);
    const { id } = c.req.valid('param');
    return c.json(await decideRequest(c.var.deps, { viewer, id, decision: 'decline' }), 200);
  })
  .openapi(withdraw, async (c) => {
    const viewer = requireViewer(c);
    const { id } = c.req.valid('param');
    return c.json(await decideRequest(c.var.deps, { viewer, id, decision: 'withdraw' }), 200);
  })
  .openapi(summary, async (c) => {
    const viewer = requireViewer(c);
    return c.json(await connectionsSummary(c.var.deps, { viewer }), 200);
  })
  .openapi(getSettings, async (c) => {
    const viewer = requireViewer(c);
    const { visibility } = await getConnectionsSettings(c.var.deps, { viewer });
    return c.json({ visibility }, 200);
  })
  .openapi(putSettings, async (c) => {
    const { visibility } = c.req.valid('json');
    const viewer = requireViewer(c);
    const saved = await setConnectionsSettings(c.var.deps, { viewer, visibility });
    return c.json({ visibility: saved.visibility }, 200);
  })
  .openapi(mine, async (c) => {
    const viewer = requireViewer(c);
    const query = c.req.valid('query');
    const page = await listConnections(c.var.deps, { viewer, memberId: viewer.id, query });
    return c.json(presentConnectionList(page), 200);
  })
  .openapi(remove, async (c) => {
    const viewer = requireViewer(c);
    const { id } = c.req.valid('param');
    await removeConnection(c.var.deps, { viewer, memberId: id });
    return c.body(null, 204);
  })
  .openapi(memberConnections, async (c) => {
    const viewer = requireViewer(c);
    const { id } = c.req.valid('param');
    const query = c.req.valid('query');
    return c.json(
      presentConnectionList(await listConnections(c.var.deps, { viewer, memberId: id, query })),
      200,
    );
  })
  .openapi(relation, async (c) => {
    const viewer = requireViewer(c);
    const { id } = c.req.valid('param');
    return c.json(presentRelation(await getRelation(c.var.deps, { viewer, memberId: id })), 200);
  })
  .openapi(follow('post'), async (c) => {
    const viewer = requireViewer(c);
    const { id } = c.req.valid('param');
    return c.json(presentFollow(await setFollow(c.var.deps, { viewer, memberId: id, follow: true })), 200);
  })
  .openapi(follow('delete'), async (c) => {
    const viewer = requireViewer(c);
    const { id } = c.req.valid('param');
    return c.json(presentFollow(await setFollow(c.var.deps, { viewer, memberId: id, follow: false })), 200);
  })
  .openapi(block('post'), async (c) => {
    const viewer = requireViewer(c);
    const { id } = c.req.valid('param');
    return c.json(await blockMember(c.var.deps, { viewer, memberId: id }), 200);
  })
  .openapi(block('delete'), async (c) => {
    const viewer = requireViewer(c);
    const { id } = c.req.valid('param');
    return c.json(await unblockMember(c.var.deps, { viewer, memberId: id }), 200);
  })
  .openapi(blocked, async (c) => {
    const viewer = requireViewer(c);
    return c.json(presentBlocked(await listBlocked(c.var.deps, { viewer })), 200);
  })
  .openapi(report, async (c) => {
    const viewer = requireViewer(c);
    const { id } = c.req.valid('param');
    const input = c.req.valid('json');
    const created = await reportMember(c.var.deps, { viewer, memberId: id, input });
    return c.json({ id: created.id, status: created.status }, 201);
  });
