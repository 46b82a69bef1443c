import { createRoute } from '@hono/zod-openapi';
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
import type { Viewer } from '#server/lib/access/policy';
import type { Env } from '#server/lib/env';
import { notFound } from '#server/lib/errors';
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
import { canManageCases, canSetReportingLines, canUseDevTools } from './exits.policy';
import {
  presentCase,
  presentCaseList,
  presentReportingLine,
  presentTransitionResult,
} from './exits.presenter';
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

const MemberParam = textIdParam(100);
const caseConflict = conflict('Already open, or closed');
/** The dev tools (clock, transition now): admins, outside production. */
const devTools = (viewer: Viewer, env: Env) => canUseDevTools(viewer, env.NODE_ENV);

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
  responses: { 201: jsonContent(ExitCaseSchema, 'Created'), ...errorResponses, ...caseConflict },
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
  responses: { 200: jsonContent(ExitCaseSchema), ...errorResponses, ...caseConflict },
});

const cancel = createRoute({
  middleware: onlyFor(canManageCases),
  method: 'post',
  path: '/exit-cases/{id}/cancel',
  tags: ['exits'],
  summary: 'Cancel an open case (HR): the person gets their previous role back',
  request: { params: IdParam },
  responses: { 200: jsonContent(ExitCaseSchema), ...errorResponses, ...caseConflict },
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
  middleware: onlyFor(devTools),
  method: 'post',
  path: '/dev/clock',
  tags: ['dev'],
  summary: 'Development only (admin): move the server clock forward by whole days',
  request: body(DevClockSchema),
  responses: { 200: jsonContent(DevClockResultSchema), ...errorResponses },
});

const devTransition = createRoute({
  middleware: onlyFor(devTools),
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
    return c.json(presentCaseList(views), 200);
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
    const viewer = authorize(c, canManageCases);
    const { id } = c.req.valid('param');
    const input = c.req.valid('json');
    await updateCase(c.var.deps, { viewer, id, input });
    return c.json(presentCase(await getCase(c.var.deps, { viewer, id })), 200);
  })
  .openapi(cancel, async (c) => {
    const viewer = authorize(c, canManageCases);
    const { id } = c.req.valid('param');
    await cancelCase(c.var.deps, { viewer, id });
    return c.json(presentCase(await getCase(c.var.deps, { viewer, id })), 200);
  })
  .openapi(rehire, async (c) => {
    const viewer = authorize(c, canManageCases);
    const { id } = c.req.valid('param');
    const input = c.req.valid('json');
    await setRehireEligibility(c.var.deps, { viewer, id, input });
    return c.json(presentCase(await getCase(c.var.deps, { viewer, id })), 200);
  })
  .openapi(manager, async (c) => {
    const viewer = authorize(c, canSetReportingLines);
    const { id } = c.req.valid('param');
    const { managerId } = c.req.valid('json');
    return c.json(
      presentReportingLine(await setManager(c.var.deps, { viewer, reportId: id, managerId })),
      200,
    );
  })
  .openapi(devClock, async (c) => {
    authorize(c, devTools);
    const { advanceDays } = c.req.valid('json');
    const clock = c.var.deps.clock as {
      now(): Date;
      advance?: (ms: number) => void;
      offsetMs?: () => number;
    };
    if (!clock.advance) throw notFound();
    clock.advance(advanceDays * DAY_MS);
    return c.json({ now: clock.now().toISOString(), offsetMs: clock.offsetMs?.() ?? 0 }, 200);
  })
  .openapi(devTransition, async (c) => {
    authorize(c, devTools);
    return c.json(presentTransitionResult(await runExitTransition(c.var.deps)), 200);
  });
