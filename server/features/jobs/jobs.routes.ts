import { createRoute } from '@hono/zod-openapi';
import type { Context } from 'hono';
import {
  AdminJobListQuerySchema,
  AdminJobListSchema,
  JobCreateSchema,
  JobFitListSchema,
  JobFitQuerySchema,
  JobListQuerySchema,
  JobListSchema,
  JobSchema,
  JobUpdateSchema,
} from '#common/jobs';
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
} from '#server/lib/http';
import { audienceOfJob, canManageJobs } from './jobs.policy';
import { presentAdminJob, presentFitJob, presentJob, presentJobCard } from './jobs.presenter';
import {
  closeJob,
  createJob,
  findJobForViewer,
  fitJobs,
  groupMembers,
  type JobRow,
  listAdminJobs,
  listJobs,
  publishJob,
  updateJob,
} from './jobs.service';

const jobConflict = conflict('Already open, or already closed');

const list = createRoute({
  method: 'get',
  path: '/jobs',
  tags: ['jobs'],
  summary:
    'Open jobs the viewer may see (audience and closing day checked in the query), searched and filtered',
  request: { query: JobListQuerySchema },
  responses: { 200: jsonContent(JobListSchema), ...errorResponses },
});

const fit = createRoute({
  method: 'get',
  path: '/jobs/fit',
  tags: ['jobs'],
  summary: 'Jobs that fit me: open jobs ranked by my skills, former department and location, with reasons',
  request: { query: JobFitQuerySchema },
  responses: { 200: jsonContent(JobFitListSchema), ...errorResponses },
});

const detail = createRoute({
  method: 'get',
  path: '/jobs/{id}',
  tags: ['jobs'],
  summary: 'One open job in the viewer’s audience (HR: any job, with its state and audience)',
  request: { params: IdParam },
  responses: { 200: jsonContent(JobSchema), ...errorResponses },
});

const create = createRoute({
  middleware: onlyFor(canManageJobs),
  method: 'post',
  path: '/jobs',
  tags: ['jobs'],
  summary: 'Post a job as a draft or published at once (HR)',
  request: body(JobCreateSchema),
  responses: { 201: jsonContent(JobSchema, 'Created'), ...errorResponses },
});

const update = createRoute({
  middleware: onlyFor(canManageJobs),
  method: 'patch',
  path: '/jobs/{id}',
  tags: ['jobs'],
  summary: 'Edit a job in any state (HR)',
  request: { params: IdParam, ...body(JobUpdateSchema) },
  responses: { 200: jsonContent(JobSchema), ...errorResponses },
});

const publish = createRoute({
  middleware: onlyFor(canManageJobs),
  method: 'post',
  path: '/jobs/{id}/publish',
  tags: ['jobs'],
  summary: 'Publish a draft or reopen a closed job (HR); job alerts are matched after it opens',
  request: { params: IdParam },
  responses: { 200: jsonContent(JobSchema), ...errorResponses, ...jobConflict },
});

const close = createRoute({
  middleware: onlyFor(canManageJobs),
  method: 'post',
  path: '/jobs/{id}/close',
  tags: ['jobs'],
  summary: 'Close a job (HR): it leaves every list at once',
  request: { params: IdParam },
  responses: { 200: jsonContent(JobSchema), ...errorResponses, ...jobConflict },
});

const adminList = createRoute({
  middleware: onlyFor(canManageJobs),
  method: 'get',
  path: '/admin/jobs',
  tags: ['jobs'],
  summary: 'Every job in every state, with an expired flag and counts per state (HR)',
  request: { query: AdminJobListQuerySchema },
  responses: { 200: jsonContent(AdminJobListSchema), ...errorResponses },
});

/** A job for HR: its state and audience, the group's members named. */
async function presentForHr(c: Context<AppEnv>, row: JobRow) {
  const members = await groupMembers(c.var.deps.db, { ids: audienceOfJob(row).memberIds });
  return presentJob(row, { now: c.var.deps.clock.now(), hr: true, members });
}

export const jobsRoutes = createRouter()
  .openapi(list, async (c) => {
    const viewer = requireViewer(c);
    const query = c.req.valid('query');
    const result = await listJobs(c.var.deps, { viewer, query });
    return c.json(
      {
        items: result.rows.map(presentJobCard),
        page: query.page,
        pageSize: query.pageSize,
        total: result.total,
        hasMore: result.hasMore,
        facets: result.facets,
      },
      200,
    );
  })
  .openapi(fit, async (c) => {
    const viewer = requireViewer(c);
    const query = c.req.valid('query');
    const result = await fitJobs(c.var.deps, { viewer, query });
    return c.json(
      {
        items: result.items.map(presentFitJob),
        page: query.page,
        pageSize: query.pageSize,
        total: result.total,
        hasMore: result.hasMore,
        profile: result.profile,
      },
      200,
    );
  })
  .openapi(detail, async (c) => {
    const viewer = requireViewer(c);
    const { id } = c.req.valid('param');
    const row = await findJobForViewer(c.var.deps, { viewer, id });
    if (canManageJobs(viewer)) return c.json(await presentForHr(c, row), 200);
    return c.json(presentJob(row, { now: c.var.deps.clock.now(), hr: false }), 200);
  })
  .openapi(create, async (c) => {
    const viewer = authorize(c, canManageJobs);
    const input = c.req.valid('json');
    const row = await createJob(c.var.deps, { viewer, input });
    return c.json(await presentForHr(c, row), 201);
  })
  .openapi(update, async (c) => {
    const viewer = authorize(c, canManageJobs);
    const { id } = c.req.valid('param');
    const input = c.req.valid('json');
    const row = await updateJob(c.var.deps, { viewer, id, input });
    return c.json(await presentForHr(c, row), 200);
  })
  .openapi(publish, async (c) => {
    const viewer = authorize(c, canManageJobs);
    const { id } = c.req.valid('param');
    const row = await publishJob(c.var.deps, { viewer, id });
    return c.json(await presentForHr(c, row), 200);
  })
  .openapi(close, async (c) => {
    const viewer = authorize(c, canManageJobs);
    const { id } = c.req.valid('param');
    const row = await closeJob(c.var.deps, { viewer, id });
    return c.json(await presentForHr(c, row), 200);
  })
  .openapi(adminList, async (c) => {
    authorize(c, canManageJobs);
    const query = c.req.valid('query');
    const result = await listAdminJobs(c.var.deps, { query });
    const now = c.var.deps.clock.now();
    return c.json(
      {
        items: result.rows.map((row) => presentAdminJob(row, now)),
        page: query.page,
        pageSize: query.pageSize,
        total: result.total,
        hasMore: result.hasMore,
        counts: result.counts,
      },
      200,
    );
  });
