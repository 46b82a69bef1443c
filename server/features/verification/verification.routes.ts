import { createRoute, z } from '@hono/zod-openapi';
import { ErrorBodySchema } from '#common/errors';
import {
  EligibilityRulesSchema,
  JoinRequestAcceptedSchema,
  JoinRequestApproveSchema,
  JoinRequestInputSchema,
  JoinRequestListQuerySchema,
  JoinRequestRejectSchema,
  JoinRequestSchema,
  KnownLeaveReasonsSchema,
} from '#common/verification';
import { clientAddress } from '#server/lib/client-address';
import {
  authorize,
  body,
  conflict,
  createRouter,
  errorResponses,
  jsonContent,
  onlyFor,
  textIdParam,
} from '#server/lib/http';
import { rateLimiter } from '#server/lib/rate-limit';
import { getEligibilityRules, listKnownLeaveReasons, setEligibilityRules } from './eligibility.service';
import { canManageJoinRequests } from './verification.policy';
import {
  presentEligibilityRules,
  presentJoinRequest,
  presentKnownLeaveReasons,
} from './verification.presenter';
import {
  approveJoinRequest,
  listJoinRequests,
  rejectJoinRequest,
  submitJoinRequest,
} from './verification.service';

/** Join requests per client address and window. Generous for a person, tight for a script. */
export const JOIN_RATE_LIMIT = { max: 5, windowMs: 15 * 60_000 };

const JoinRequestParam = textIdParam(64);
const decided = conflict('Already decided, or an invitation is already open');

const submit = createRoute({
  method: 'post',
  path: '/join-requests',
  tags: ['verification'],
  summary: 'Ask to join without an invitation (no sign-in; rate-limited per client address)',
  description:
    'The answer is the same whether or not the person is found in the HR records. An exact, eligible match is invited by email at once; anything else waits for HR.',
  request: body(JoinRequestInputSchema),
  responses: {
    202: jsonContent(JoinRequestAcceptedSchema, 'Received'),
    ...errorResponses,
    429: jsonContent(ErrorBodySchema, 'Too many requests from this address'),
  },
});

const list = createRoute({
  middleware: onlyFor(canManageJoinRequests),
  method: 'get',
  path: '/join-requests',
  tags: ['verification'],
  summary: "HR's queue (pending) or history (decided) of join requests, with candidate HR records",
  request: { query: JoinRequestListQuerySchema },
  responses: { 200: jsonContent(z.object({ items: z.array(JoinRequestSchema) })), ...errorResponses },
});

const approve = createRoute({
  middleware: onlyFor(canManageJoinRequests),
  method: 'post',
  path: '/join-requests/{id}/approve',
  tags: ['verification'],
  summary: 'Approve as the chosen HR record; invites the requester by email (HR)',
  request: { params: JoinRequestParam, ...body(JoinRequestApproveSchema) },
  responses: { 200: jsonContent(JoinRequestSchema), ...errorResponses, ...decided },
});

const reject = createRoute({
  middleware: onlyFor(canManageJoinRequests),
  method: 'post',
  path: '/join-requests/{id}/reject',
  tags: ['verification'],
  summary: 'Reject with a note for HR; the requester gets a polite email (HR)',
  request: { params: JoinRequestParam, ...body(JoinRequestRejectSchema) },
  responses: { 200: jsonContent(JoinRequestSchema), ...errorResponses, ...decided },
});

const getRules = createRoute({
  middleware: onlyFor(canManageJoinRequests),
  method: 'get',
  path: '/settings/eligibility',
  tags: ['settings'],
  summary: 'Eligibility rules for join requests (HR)',
  responses: { 200: jsonContent(EligibilityRulesSchema), ...errorResponses },
});

const putRules = createRoute({
  middleware: onlyFor(canManageJoinRequests),
  method: 'put',
  path: '/settings/eligibility',
  tags: ['settings'],
  summary: 'Set the eligibility rules for join requests (HR)',
  request: body(EligibilityRulesSchema),
  responses: { 200: jsonContent(EligibilityRulesSchema), ...errorResponses },
});

const leaveReasons = createRoute({
  middleware: onlyFor(canManageJoinRequests),
  method: 'get',
  path: '/settings/eligibility/leave-reasons',
  tags: ['settings'],
  summary: 'The leave-reason codes found in the HR records, for the eligibility rules (HR)',
  responses: { 200: jsonContent(KnownLeaveReasonsSchema), ...errorResponses },
});

export const verificationRoutes = createRouter()
  .openapi(submit, async (c) => {
    const input = c.req.valid('json');
    const { deps } = c.var;
    // Requests without a socket address (in-process tests) share one key.
    await rateLimiter(deps, 'join-requests', JOIN_RATE_LIMIT, 'error.join_rate_limited').take(
      clientAddress(c) ?? 'local',
      deps.clock.now(),
    );
    await submitJoinRequest({ deps, input, locale: input.locale ?? c.var.locale });
    return c.json({ status: 'received' as const }, 202);
  })
  .openapi(list, async (c) => {
    authorize(c, canManageJoinRequests);
    const { status } = c.req.valid('query');
    const { db, clock } = c.var.deps;
    const items = await listJoinRequests({ db, clock, status });
    return c.json({ items: items.map(presentJoinRequest) }, 200);
  })
  .openapi(approve, async (c) => {
    const viewer = authorize(c, canManageJoinRequests);
    const { id } = c.req.valid('param');
    const input = c.req.valid('json');
    return c.json(presentJoinRequest(await approveJoinRequest({ deps: c.var.deps, viewer, id, input })), 200);
  })
  .openapi(reject, async (c) => {
    const viewer = authorize(c, canManageJoinRequests);
    const { id } = c.req.valid('param');
    const { note } = c.req.valid('json');
    return c.json(presentJoinRequest(await rejectJoinRequest({ deps: c.var.deps, viewer, id, note })), 200);
  })
  .openapi(getRules, async (c) => {
    authorize(c, canManageJoinRequests);
    return c.json(presentEligibilityRules(await getEligibilityRules({ db: c.var.deps.db })), 200);
  })
  .openapi(leaveReasons, async (c) => {
    authorize(c, canManageJoinRequests);
    return c.json(presentKnownLeaveReasons(await listKnownLeaveReasons({ db: c.var.deps.db })), 200);
  })
  .openapi(putRules, async (c) => {
    authorize(c, canManageJoinRequests);
    const rules = c.req.valid('json');
    return c.json(presentEligibilityRules(await setEligibilityRules({ db: c.var.deps.db, rules })), 200);
  });
