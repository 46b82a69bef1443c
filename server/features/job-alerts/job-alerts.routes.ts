import { createRoute } from '@hono/zod-openapi';
import {
  DigestResultSchema,
  JOB_ALERT_LIMITS,
  JobAlertCreateSchema,
  JobAlertListSchema,
  JobAlertMatchListSchema,
  JobAlertSchema,
  JobAlertUpdateSchema,
  MarkSeenResultSchema,
} from '#common/job-alerts';
import type { Viewer } from '#server/lib/access/policy';
import type { Env } from '#server/lib/env';
import {
  authorize,
  body,
  conflict,
  createRouter,
  errorResponses,
  IdParam,
  jsonContent,
  onlyFor,
} from '#server/lib/http';
import { runDigestNow } from './job-alerts.jobs';
import { canKeepJobAlerts, canRunDigestNow } from './job-alerts.policy';
import { presentAlert, presentDigestResult, presentMarkedSeen, presentMatch } from './job-alerts.presenter';
import {
  createAlert,
  deleteAlert,
  listAlerts,
  listMatches,
  markMatchesSeen,
  updateAlert,
} from './job-alerts.service';

const limitReached = conflict('Too many alerts');

/** Sending the digest now: admins, outside production. */
const runsDigestNow = (viewer: Viewer, env: Env) => canRunDigestNow(viewer, env.NODE_ENV);

const list = createRoute({
  middleware: onlyFor(canKeepJobAlerts),
  method: 'get',
  path: '/me/job-alerts',
  tags: ['job-alerts'],
  summary: 'My job alerts, and whether alert email may go out (consent to newsletters and digests)',
  responses: { 200: jsonContent(JobAlertListSchema), ...errorResponses },
});

const create = createRoute({
  middleware: onlyFor(canKeepJobAlerts),
  method: 'post',
  path: '/me/job-alerts',
  tags: ['job-alerts'],
  summary: `Create a job alert: keywords, departments, locations (at least one), instant or daily; at most ${JOB_ALERT_LIMITS.alertsPerMember}`,
  request: body(JobAlertCreateSchema),
  responses: { 201: jsonContent(JobAlertSchema, 'Created'), ...errorResponses, ...limitReached },
});

const update = createRoute({
  middleware: onlyFor(canKeepJobAlerts),
  method: 'patch',
  path: '/me/job-alerts/{id}',
  tags: ['job-alerts'],
  summary: 'Change one of my job alerts (another member’s is a 404)',
  request: { params: IdParam, ...body(JobAlertUpdateSchema) },
  responses: { 200: jsonContent(JobAlertSchema), ...errorResponses },
});

const remove = createRoute({
  middleware: onlyFor(canKeepJobAlerts),
  method: 'delete',
  path: '/me/job-alerts/{id}',
  tags: ['job-alerts'],
  summary: 'Delete one of my job alerts',
  request: { params: IdParam },
  responses: { 204: { description: 'Deleted' }, ...errorResponses },
});

const matches = createRoute({
  middleware: onlyFor(canKeepJobAlerts),
  method: 'get',
  path: '/me/job-alerts/matches',
  tags: ['job-alerts'],
  summary: 'New jobs for me: jobs my alerts matched that are still listed and visible to me, newest first',
  responses: { 200: jsonContent(JobAlertMatchListSchema), ...errorResponses },
});

const seen = createRoute({
  middleware: onlyFor(canKeepJobAlerts),
  method: 'post',
  path: '/me/job-alerts/matches/seen',
  tags: ['job-alerts'],
  summary: 'Mark all my matched jobs seen',
  responses: { 200: jsonContent(MarkSeenResultSchema), ...errorResponses },
});

const devDigest = createRoute({
  middleware: onlyFor(runsDigestNow),
  method: 'post',
  path: '/dev/jobs/job-alerts.digest',
  tags: ['dev'],
  summary: 'Development only (admin): send the daily job-alert digest now',
  responses: { 200: jsonContent(DigestResultSchema), ...errorResponses },
});

export const jobAlertsRoutes = createRouter()
  .openapi(list, async (c) => {
    const viewer = authorize(c, canKeepJobAlerts);
    const { rows, emailAllowed } = await listAlerts(c.var.deps, { viewer });
    return c.json(
      {
        items: rows.map((row) => presentAlert(row, emailAllowed)),
        emailAllowed,
        max: JOB_ALERT_LIMITS.alertsPerMember,
      },
      200,
    );
  })
  .openapi(create, async (c) => {
    const viewer = authorize(c, canKeepJobAlerts);
    const input = c.req.valid('json');
    const { row, emailAllowed } = await createAlert(c.var.deps, { viewer, input });
    return c.json(presentAlert(row, emailAllowed), 201);
  })
  .openapi(update, async (c) => {
    const viewer = authorize(c, canKeepJobAlerts);
    const { id } = c.req.valid('param');
    const input = c.req.valid('json');
    const { row, emailAllowed } = await updateAlert(c.var.deps, { viewer, id, input });
    return c.json(presentAlert(row, emailAllowed), 200);
  })
  .openapi(remove, async (c) => {
    const viewer = authorize(c, canKeepJobAlerts);
    const { id } = c.req.valid('param');
    await deleteAlert(c.var.deps, { viewer, id });
    return c.body(null, 204);
  })
  .openapi(matches, async (c) => {
    const viewer = authorize(c, canKeepJobAlerts);
    const { items, unseen } = await listMatches(c.var.deps, { viewer });
    return c.json({ items: items.map(presentMatch), unseen }, 200);
  })
  .openapi(seen, async (c) => {
    const viewer = authorize(c, canKeepJobAlerts);
    return c.json(presentMarkedSeen(await markMatchesSeen(c.var.deps, { viewer })), 200);
  })
  .openapi(devDigest, async (c) => {
    authorize(c, runsDigestNow);
    return c.json(presentDigestResult(await runDigestNow(c.var.deps)), 200);
  });
