import { createRoute } from '@hono/zod-openapi';
import {
  AdviceDecisionSchema,
  AdviceListSchema,
  AdviceRequestCreateSchema,
  AdviceRequestSchema,
  AdviceStatsSchema,
  AdviceTargetSchema,
} from '#common/advice';
import { ErrorBodySchema } from '#common/errors';
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
import { canSeeAdviceStats } from './advice.policy';
import { presentAdviceRequest, presentAdviceStats, presentAdviceTarget } from './advice.presenter';
import {
  adviceStats,
  decideAdviceRequest,
  findAdviceRequest,
  findAdviceTarget,
  listAdviceRequests,
  sendAdviceRequest,
  withdrawAdviceRequest,
} from './advice.service';

const rateLimited = { 429: jsonContent(ErrorBodySchema, 'Too many requests (see Retry-After)') };
const notPending = conflict('The request was already accepted, declined or withdrawn');

const list = createRoute({
  method: 'get',
  path: '/advice-requests',
  tags: ['advice'],
  summary: 'My advice requests: received and sent, newest first',
  responses: { 200: jsonContent(AdviceListSchema), ...errorResponses },
});

const target = createRoute({
  method: 'get',
  path: '/advice-targets/{id}',
  tags: ['advice'],
  summary: 'The member a request would go to: who, what they offer, which kinds I may ask for',
  request: { params: textIdParam(100) },
  responses: { 200: jsonContent(AdviceTargetSchema), ...errorResponses },
});

const create = createRoute({
  method: 'post',
  path: '/advice-requests',
  tags: ['advice'],
  summary: 'Send a structured advice request (mentoring, side work, speaking, career path)',
  request: body(AdviceRequestCreateSchema),
  responses: {
    201: jsonContent(AdviceRequestSchema, 'Created'),
    ...errorResponses,
    ...conflict('An open request of this kind to this member already exists'),
    ...rateLimited,
  },
});

const detail = createRoute({
  method: 'get',
  path: '/advice-requests/{id}',
  tags: ['advice'],
  summary: 'One request of mine (its sender or recipient only)',
  request: { params: IdParam },
  responses: { 200: jsonContent(AdviceRequestSchema), ...errorResponses },
});

const decide = createRoute({
  method: 'post',
  path: '/advice-requests/{id}/decision',
  tags: ['advice'],
  summary: 'The recipient accepts (opens a conversation) or declines, with an optional message',
  request: { params: IdParam, ...body(AdviceDecisionSchema) },
  responses: { 200: jsonContent(AdviceRequestSchema), ...errorResponses, ...notPending },
});

const withdraw = createRoute({
  method: 'post',
  path: '/advice-requests/{id}/withdraw',
  tags: ['advice'],
  summary: 'The sender withdraws a pending request',
  request: { params: IdParam },
  responses: { 200: jsonContent(AdviceRequestSchema), ...errorResponses, ...notPending },
});

const stats = createRoute({
  middleware: onlyFor(canSeeAdviceStats),
  method: 'get',
  path: '/advice-stats',
  tags: ['advice'],
  summary: 'HR: counts of advice requests by kind, state and month, and the acceptance rate — never contents',
  responses: { 200: jsonContent(AdviceStatsSchema), ...errorResponses },
});

export const adviceRoutes = createRouter()
  .openapi(list, async (c) => {
    const viewer = requireViewer(c);
    const found = await listAdviceRequests(c.var.deps.db, { viewer });
    return c.json(
      { received: found.received.map(presentAdviceRequest), sent: found.sent.map(presentAdviceRequest) },
      200,
    );
  })
  .openapi(target, async (c) => {
    const { id } = c.req.valid('param');
    const viewer = requireViewer(c);
    return c.json(presentAdviceTarget(await findAdviceTarget(c.var.deps.db, viewer, id)), 200);
  })
  .openapi(create, async (c) => {
    const input = c.req.valid('json');
    const viewer = requireViewer(c);
    return c.json(presentAdviceRequest(await sendAdviceRequest(c.var.deps, { viewer, input })), 201);
  })
  .openapi(stats, async (c) => {
    authorize(c, canSeeAdviceStats);
    return c.json(presentAdviceStats(await adviceStats(c.var.deps.db, { now: c.var.deps.clock.now() })), 200);
  })
  .openapi(detail, async (c) => {
    const { id } = c.req.valid('param');
    const viewer = requireViewer(c);
    return c.json(presentAdviceRequest(await findAdviceRequest(c.var.deps.db, { viewer, id })), 200);
  })
  .openapi(decide, async (c) => {
    const { id } = c.req.valid('param');
    const input = c.req.valid('json');
    const viewer = requireViewer(c);
    return c.json(presentAdviceRequest(await decideAdviceRequest(c.var.deps, { viewer, id, input })), 200);
  })
  .openapi(withdraw, async (c) => {
    const { id } = c.req.valid('param');
    const viewer = requireViewer(c);
    return c.json(presentAdviceRequest(await withdrawAdviceRequest(c.var.deps, { viewer, id })), 200);
  });
