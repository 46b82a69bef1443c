import { createRoute, z } from '@hono/zod-openapi';
import {
  DevClockResultSchema,
  DevClockSchema,
  ExitCaseCreateSchema,
  ExitCaseListQuerySchema,
  ExitCaseListSchema,
  ExitCaseSchema,
  ExitCaseUpdateSchema,
  ManagerSetSchema,
  RehireEligibilityUpdateSchema,
  ReportingLineSchema,
  TransitionResultSchema,
} from '#common/exits';
import { CASE_STAGES, type CaseStage } from '#common/exits-reference';
import { notFound } from '#server/lib/errors';
import { createRouter, errorResponses, jsonContent, onlyFor, requireViewer } from '#server/lib/http';
import { canManageCases, canSetReportingLines, canUseDevTools } from './exits.policy';
import { presentCase } from './exits.presenter';
import {
  cancelCase,
  getCase,
  listCases,
  openCase,
  setManager,
  setRehireEligibility,
  updateCase,
} from './exits.service';
import { runExitTransition } from './exits.transition';

const IdParam = z.object({ id: z.uuid() });
const MemberParam = z.object({ id: z.string().min(1).max(100) });
const conflict = {
  409: { description: 'Already open, or closed', content: { 'application/json': { schema: z.any() } } },
};
const body = <T>(schema: T) => ({ body: { content: { 'application/json': { schema } }, required: true } });

const list = createRoute({
  method: 'get',
  path: '/exit-cases',
  tags: ['exits'],
  summary: 'Exit cases the viewer may see: HR all, a manager their reports’, the leaver their own',
  request: { query: ExitCaseListQuerySchema },
  responses: { 200: jsonContent(ExitCaseListSchema), ...errorResponses },
});

const create = createRoute({
  method: 'post',
  path: '/exit-cases',
  tags: ['exits'],
  summary:
    'Open an exit case (HR, or the manager of the person; a staff member’s only by an admin): an employee becomes leaver',
  request: body(ExitCaseCreateSchema),
  responses: { 201: jsonContent(ExitCaseSchema, 'Created'), ...errorResponses, ...conflict },
});

const detail = createRoute({
  method: 'get',
  path: '/exit-cases/{id}',
  tags: ['exits'],
  summary: 'One case, with the fields the viewer’s access allows (HR views are audited)',
  request: { params: IdParam },
  responses: { 200: jsonContent(ExitCaseSchema), ...errorResponses },
});

const update = createRoute({
  middleware: onlyFor(canManageCases),
  method: 'patch',
  path: '/exit-cases/{id}',
  tags: ['exits'],
  summary: 'Change last day, time zone, reason, HR owner or manager of an open case (HR)',
  request: { params: IdParam, ...body(ExitCaseUpdateSchema) },
  responses: { 200: jsonContent(ExitCaseSchema), ...errorResponses, ...conflict },
});

const cancel = createRoute({
  middleware: onlyFor(canManageCases),
  method: 'post',
  path: '/exit-cases/{id}/cancel',
  tags: ['exits'],
  summary: 'Cancel an open case (HR): the person gets their previous role back',
  request: { params: IdParam },
  responses: { 200: jsonContent(ExitCaseSchema), ...errorResponses, ...conflict },
});

const rehire = createRoute({
  middleware: onlyFor(canManageCases),
  method: 'put',
  path: '/exit-cases/{id}/rehire-eligibility',
  tags: ['exits'],
  summary: 'Record rehire eligibility with a reason (HR only)',
  request: { params: IdParam, ...body(RehireEligibilityUpdateSchema) },
  responses: { 200: jsonContent(ExitCaseSchema), ...errorResponses },
});

const manager = createRoute({
  middleware: onlyFor(canSetReportingLines),
  method: 'put',
  path: '/members/{id}/manager',
  tags: ['exits'],
  summary: 'Set or clear the manager of a member (HR): managers see their reports’ exit cases',
  request: { params: MemberParam, ...body(ManagerSetSchema) },
  responses: { 200: jsonContent(ReportingLineSchema), ...errorResponses },
});

const devClock = createRoute({
  middleware: onlyFor((viewer, env) => canUseDevTools(viewer, env.NODE_ENV)),
  method: 'post',
  path: '/dev/clock',
  tags: ['dev'],
  summary: 'Development only (admin): move the server clock forward by whole days',
  request: body(DevClockSchema),
  responses: { 200: jsonContent(DevClockResultSchema), ...errorResponses },
});

const devTransition = createRoute({
  middleware: onlyFor((viewer, env) => canUseDevTools(viewer, env.NODE_ENV)),
  method: 'post',
  path: '/dev/jobs/exits.transition',
  tags: ['dev'],
  summary: 'Development only (admin): run the last-day transition now',
  responses: { 200: jsonContent(TransitionResultSchema), ...errorResponses },
});

const DAY_MS = 86_400_000;

export const exitsRoutes = createRouter()
  .openapi(list, async (c) => {
    const viewer = requireViewer(c);
    const query = c.req.valid('query');
    const views = await listCases(c.var.deps, { viewer, query });
    const stages = Object.fromEntries(CASE_STAGES.map((s) => [s, 0])) as Record<CaseStage, number>;
    for (const v of views) stages[v.stage] += 1;
    return c.json({ items: views.map(presentCase), stages }, 200);
  })
  .openapi(create, async (c) => {
    const viewer = requireViewer(c);
    const input = c.req.valid('json');
    const row = await openCase(c.var.deps, { viewer, input });
    return c.json(presentCase(await getCase(c.var.deps, { viewer, id: row.id })), 201);
  })
  .openapi(detail, async (c) => {
    const viewer = requireViewer(c);
    const { id } = c.req.valid('param');
    return c.json(presentCase(await getCase(c.var.deps, { viewer, id, audit: true })), 200);
  })
  .openapi(update, async (c) => {
    const viewer = requireViewer(c);
    const { id } = c.req.valid('param');
    const input = c.req.valid('json');
    if (!canManageCases(viewer)) throw notFound();
    await updateCase(c.var.deps, { viewer, id, input });
    return c.json(presentCase(await getCase(c.var.deps, { viewer, id })), 200);
  })
  .openapi(cancel, async (c) => {
    const viewer = requireViewer(c);
    const { id } = c.req.valid('param');
    if (!canManageCases(viewer)) throw notFound();
    await cancelCase(c.var.deps, { viewer, id });
    return c.json(presentCase(await getCase(c.var.deps, { viewer, id })), 200);
  })
  .openapi(rehire, async (c) => {
    const viewer = requireViewer(c);
    const { id } = c.req.valid('param');
    const input = c.req.valid('json');
    if (!canManageCases(viewer)) throw notFound();
    await setRehireEligibility(c.var.deps, { viewer, id, input });
    return c.json(presentCase(await getCase(c.var.deps, { viewer, id })), 200);
  })
  .openapi(manager, async (c) => {
    const viewer = requireViewer(c);
    const { id } = c.req.valid('param');
    const { managerId } = c.req.valid('json');
    if (!canSetReportingLines(viewer)) throw notFound();
    return c.json(await setManager(c.var.deps, { viewer, reportId: id, managerId }), 200);
  })
  .openapi(devClock, async (c) => {
    const viewer = requireViewer(c);
    const { advanceDays } = c.req.valid('json');
    const clock = c.var.deps.clock as {
      now(): Date;
      advance?: (ms: number) => void;
      offsetMs?: () => number;
    };
    if (!canUseDevTools(viewer, c.var.deps.env.NODE_ENV) || !clock.advance) throw notFound();
    clock.advance(advanceDays * DAY_MS);
    return c.json({ now: clock.now().toISOString(), offsetMs: clock.offsetMs?.() ?? 0 }, 200);
  })
  .openapi(devTransition, async (c) => {
    const viewer = requireViewer(c);
    if (!canUseDevTools(viewer, c.var.deps.env.NODE_ENV)) throw notFound();
    return c.json(await runExitTransition(c.var.deps), 200);
  });
