import { createRoute } from '@hono/zod-openapi';
import { ErrorBodySchema } from '#common/errors';
import {
  AdminReferralListQuerySchema,
  AdminReferralListSchema,
  AdminReferralSchema,
  MyReferralListSchema,
  MyReferralSchema,
  ReferralConsentDecisionSchema,
  ReferralConsentTokenSchema,
  ReferralConsentViewSchema,
  ReferralCreateSchema,
  ReferralsDailyResultSchema,
  RewardRuleSchema,
  RewardRuleViewSchema,
} from '#common/referrals';
import type { Viewer } from '#server/lib/access/policy';
import { clientAddress } from '#server/lib/client-address';
import type { Env } from '#server/lib/env';
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
import { rateLimiter } from '#server/lib/rate-limit';
import { decideReferralConsent, findConsentByToken } from './referrals.consent';
import { runReferralsDaily } from './referrals.jobs';
import { canManageReferrals, canRefer, canRunReferralJobs } from './referrals.policy';
import {
  presentAdminReferral,
  presentConsentView,
  presentDailyResult,
  presentMyReferral,
  presentRewardRule,
} from './referrals.presenter';
import { getRewardRule, markRewardPaid, setRewardRule } from './referrals.rewards';
import {
  createReferral,
  listMyReferrals,
  listReferralsForHr,
  resendReferralConsent,
} from './referrals.service';

/**
 * Requests to the public consent endpoints per client address and window. Tokens are 256-bit
 * random values, so this is about scripts hammering the endpoint, not about guessing; a person
 * opening their link and answering needs a handful of requests.
 */
export const REFERRAL_CONSENT_RATE_LIMIT = { max: 30, windowMs: 15 * 60_000 };

const ReferralParam = textIdParam(100);
const referralConflict = conflict('Duplicate, recently referred, already decided, or not in that state');
const rateLimited = { 429: jsonContent(ErrorBodySchema, 'Too many requests from this address') };

/** Running the referral jobs now: admins, outside production. */
const runsReferralJobs = (viewer: Viewer, env: Env) => canRunReferralJobs(viewer, env.NODE_ENV);

const create = createRoute({
  middleware: onlyFor(canRefer),
  method: 'post',
  path: '/referrals',
  tags: ['referrals'],
  summary: 'Refer a candidate (any member): the candidate is emailed a consent link',
  description:
    'HR sees nothing about the candidate until they agree through the link (valid 14 days). Only for public or network jobs (others: 404). One referral per job (or general) and email: a repeat is a 409; so is any new referral of an address referred in the last 7 days. At most 10 referrals per member in 24 hours (429).',
  request: body(ReferralCreateSchema),
  responses: {
    201: jsonContent(MyReferralSchema, 'Created'),
    ...errorResponses,
    ...referralConflict,
    429: jsonContent(ErrorBodySchema, 'Too many referrals in 24 hours'),
  },
});

const mine = createRoute({
  method: 'get',
  path: '/me/referrals',
  tags: ['referrals'],
  summary: 'My referrals: status, coarse outcome, reward; and the reward rule while enabled',
  responses: { 200: jsonContent(MyReferralListSchema), ...errorResponses },
});

const resend = createRoute({
  method: 'post',
  path: '/me/referrals/{id}/resend',
  tags: ['referrals'],
  summary: 'Send the consent email again with a new link (the referrer, while awaiting consent)',
  description:
    'At most twice per referral and once an hour; the deadline stays 14 days from the referral (after it: 409).',
  request: { params: ReferralParam },
  responses: { 200: jsonContent(MyReferralSchema), ...errorResponses, ...referralConflict },
});

// The consent endpoints take the token in the body, never in the path: paths end up in access
// logs, proxies and histories. Responses are `Cache-Control: no-store`.
const consentView = createRoute({
  method: 'post',
  path: '/referral-consent/view',
  tags: ['referrals'],
  summary: 'Public: what the candidate is asked to agree to, or the status of their answer',
  request: body(ReferralConsentTokenSchema),
  responses: { 200: jsonContent(ReferralConsentViewSchema), ...errorResponses, ...rateLimited },
});

const consentDecide = createRoute({
  method: 'post',
  path: '/referral-consent/decide',
  tags: ['referrals'],
  summary: 'Public: the candidate agrees (HR sees them), declines (HR never does) or withdraws',
  request: body(ReferralConsentDecisionSchema),
  responses: {
    200: jsonContent(ReferralConsentViewSchema),
    ...errorResponses,
    ...referralConflict,
    ...rateLimited,
  },
});

const adminList = createRoute({
  middleware: onlyFor(canManageReferrals),
  method: 'get',
  path: '/admin/referrals',
  tags: ['referrals'],
  summary: 'HR: every referral; the candidate’s data only for consented ones',
  request: { query: AdminReferralListQuerySchema },
  responses: { 200: jsonContent(AdminReferralListSchema), ...errorResponses },
});

const ruleGet = createRoute({
  middleware: onlyFor(canManageReferrals),
  method: 'get',
  path: '/admin/referral-reward-rule',
  tags: ['referrals'],
  summary: 'HR: the referral reward rule',
  responses: { 200: jsonContent(RewardRuleViewSchema), ...errorResponses },
});

const rulePut = createRoute({
  middleware: onlyFor(canManageReferrals),
  method: 'put',
  path: '/admin/referral-reward-rule',
  tags: ['referrals'],
  summary: 'HR: set the referral reward rule (applies to hires from now on)',
  request: body(RewardRuleSchema),
  responses: { 200: jsonContent(RewardRuleViewSchema), ...errorResponses },
});

const rewardPaid = createRoute({
  middleware: onlyFor(canManageReferrals),
  method: 'post',
  path: '/admin/referrals/{id}/reward-paid',
  tags: ['referrals'],
  summary: 'HR: mark an eligible reward paid',
  request: { params: ReferralParam },
  responses: { 200: jsonContent(AdminReferralSchema), ...errorResponses, ...referralConflict },
});

const devDaily = createRoute({
  middleware: onlyFor(runsReferralJobs),
  method: 'post',
  path: '/dev/jobs/referrals.expire',
  tags: ['dev'],
  summary: 'Development only (admin): run the daily referrals job now (expiry, then retention)',
  responses: { 200: jsonContent(ReferralsDailyResultSchema), ...errorResponses },
});

const router = createRouter();

// Every request to the public consent endpoints — well-formed or not — counts against the
// address's rate limit, and no answer (error answers included) is stored by a cache.
router.use('/referral-consent/*', async (c, next) => {
  c.header('cache-control', 'no-store');
  const { deps } = c.var;
  // Requests without a socket address (in-process tests) share one key.
  await rateLimiter(
    deps,
    'referral-consent',
    REFERRAL_CONSENT_RATE_LIMIT,
    'error.referral_consent_rate_limited',
  ).take(clientAddress(c) ?? 'local', deps.clock.now());
  await next();
  c.header('cache-control', 'no-store');
});

export const referralsRoutes = router
  .openapi(create, async (c) => {
    const viewer = authorize(c, canRefer);
    const input = c.req.valid('json');
    return c.json(presentMyReferral(await createReferral({ deps: c.var.deps, viewer, input })), 201);
  })
  .openapi(mine, async (c) => {
    const viewer = requireViewer(c);
    const { db, clock } = c.var.deps;
    const { items, rewardRule } = await listMyReferrals({ db, clock, viewer });
    return c.json(
      { items: items.map(presentMyReferral), rewardRule: rewardRule ? presentRewardRule(rewardRule) : null },
      200,
    );
  })
  .openapi(resend, async (c) => {
    const viewer = requireViewer(c);
    const { id } = c.req.valid('param');
    return c.json(presentMyReferral(await resendReferralConsent({ deps: c.var.deps, viewer, id })), 200);
  })
  .openapi(consentView, async (c) => {
    const { token } = c.req.valid('json');
    const { db, clock } = c.var.deps;
    return c.json(presentConsentView(await findConsentByToken({ db, clock, token })), 200);
  })
  .openapi(consentDecide, async (c) => {
    const { token, decision } = c.req.valid('json');
    const { db, clock, hooks } = c.var.deps;
    return c.json(
      presentConsentView(await decideReferralConsent({ db, clock, hooks, token, decision })),
      200,
    );
  })
  .openapi(adminList, async (c) => {
    authorize(c, canManageReferrals);
    const query = c.req.valid('query');
    const { items, total } = await listReferralsForHr({ db: c.var.deps.db, query });
    return c.json(
      { items: items.map(presentAdminReferral), total, page: query.page, pageSize: query.pageSize },
      200,
    );
  })
  .openapi(ruleGet, async (c) => {
    authorize(c, canManageReferrals);
    return c.json(presentRewardRule(await getRewardRule(c.var.deps.db)), 200);
  })
  .openapi(rulePut, async (c) => {
    const viewer = authorize(c, canManageReferrals);
    const rule = c.req.valid('json');
    const { db, clock } = c.var.deps;
    return c.json(presentRewardRule(await setRewardRule({ db, clock, viewer, rule })), 200);
  })
  .openapi(rewardPaid, async (c) => {
    const viewer = authorize(c, canManageReferrals);
    const { id } = c.req.valid('param');
    const { db, clock } = c.var.deps;
    return c.json(presentAdminReferral(await markRewardPaid({ db, clock, viewer, id })), 200);
  })
  .openapi(devDaily, async (c) => {
    authorize(c, runsReferralJobs);
    return c.json(presentDailyResult(await runReferralsDaily(c.var.deps)), 200);
  });
