import { createRoute, z } from '@hono/zod-openapi';
import {
  MyTaskListSchema,
  TaskCompleteSchema,
  TaskListSchema,
  TaskSchema,
  TemplateCreateSchema,
  TemplateListSchema,
  TemplatePatchSchema,
  TemplateSchema,
} from '#common/offboarding';
import { isHr } from '#server/lib/access/policy';
import {
  authorize,
  body,
  conflict,
  createRouter,
  errorResponses,
  jsonContent,
  onlyFor,
  requireViewer,
} from '#server/lib/http';
import { presentMyTask, presentTask, presentTaskList, presentTemplate } from './offboarding.presenter';
import {
  completeTask,
  createTemplate,
  deleteTemplate,
  listCaseTasks,
  listMyTasks,
  listTemplates,
  reopenTask,
  updateTemplate,
} from './offboarding.service';

// Ids are checked by the service (a malformed id names nothing: 404, like any unseen row).
const TemplateParam = z.object({ id: z.string().max(100) });
const CaseParam = z.object({ id: z.string().max(100) });
const TaskParam = z.object({ id: z.string().max(100), taskId: z.string().max(100) });
const caseClosed = conflict('The case is closed');

const listTemplatesRoute = createRoute({
  middleware: onlyFor(isHr),
  method: 'get',
  path: '/offboarding/templates',
  tags: ['offboarding'],
  summary: 'Checklist templates copied into each new leaver case (HR); defaults created on first use',
  responses: { 200: jsonContent(TemplateListSchema), ...errorResponses },
});

const createTemplateRoute = createRoute({
  middleware: onlyFor(isHr),
  method: 'post',
  path: '/offboarding/templates',
  tags: ['offboarding'],
  summary: 'Add a checklist template (HR)',
  request: body(TemplateCreateSchema),
  responses: { 201: jsonContent(TemplateSchema, 'Created'), ...errorResponses },
});

const patchTemplateRoute = createRoute({
  middleware: onlyFor(isHr),
  method: 'patch',
  path: '/offboarding/templates/{id}',
  tags: ['offboarding'],
  summary: 'Change a template (HR); cases already open keep their tasks',
  request: {
    params: TemplateParam,
    ...body(TemplatePatchSchema),
  },
  responses: { 200: jsonContent(TemplateSchema), ...errorResponses },
});

const deleteTemplateRoute = createRoute({
  middleware: onlyFor(isHr),
  method: 'delete',
  path: '/offboarding/templates/{id}',
  tags: ['offboarding'],
  summary: 'Delete a template (HR); tasks already copied from it stay',
  request: { params: TemplateParam },
  responses: { 204: { description: 'Deleted' }, ...errorResponses },
});

const caseTasksRoute = createRoute({
  method: 'get',
  path: '/exit-cases/{id}/tasks',
  tags: ['offboarding'],
  summary: 'The offboarding checklist of a case (HR, the manager, the leaver), overdue flagged',
  request: { params: CaseParam },
  responses: { 200: jsonContent(TaskListSchema), ...errorResponses },
});

const completeRoute = createRoute({
  method: 'post',
  path: '/exit-cases/{id}/tasks/{taskId}/complete',
  tags: ['offboarding'],
  summary: 'Complete a task (its assignee or HR); special kinds carry their answer',
  request: {
    params: TaskParam,
    ...body(TaskCompleteSchema),
  },
  responses: { 200: jsonContent(TaskSchema), ...errorResponses, ...caseClosed },
});

const reopenRoute = createRoute({
  method: 'post',
  path: '/exit-cases/{id}/tasks/{taskId}/reopen',
  tags: ['offboarding'],
  summary: 'Reopen a done task (its assignee or HR)',
  request: { params: TaskParam },
  responses: { 200: jsonContent(TaskSchema), ...errorResponses, ...caseClosed },
});

const myTasksRoute = createRoute({
  method: 'get',
  path: '/me/tasks',
  tags: ['offboarding'],
  summary: 'Offboarding tasks assigned to the signed-in member, across open cases',
  responses: { 200: jsonContent(MyTaskListSchema), ...errorResponses },
});

export const offboardingRoutes = createRouter()
  .openapi(listTemplatesRoute, async (c) => {
    authorize(c, isHr);
    const rows = await listTemplates({ db: c.var.deps.db });
    return c.json({ items: rows.map(presentTemplate) }, 200);
  })
  .openapi(createTemplateRoute, async (c) => {
    authorize(c, isHr);
    const input = c.req.valid('json');
    return c.json(presentTemplate(await createTemplate({ db: c.var.deps.db, input })), 201);
  })
  .openapi(patchTemplateRoute, async (c) => {
    authorize(c, isHr);
    const { id } = c.req.valid('param');
    const patch = c.req.valid('json');
    return c.json(presentTemplate(await updateTemplate({ db: c.var.deps.db, id, patch })), 200);
  })
  .openapi(deleteTemplateRoute, async (c) => {
    authorize(c, isHr);
    const { id } = c.req.valid('param');
    await deleteTemplate({ db: c.var.deps.db, id });
    return c.body(null, 204);
  })
  .openapi(caseTasksRoute, async (c) => {
    const viewer = requireViewer(c);
    const { id } = c.req.valid('param');
    const list = await listCaseTasks(c.var.deps, { viewer, caseId: id });
    return c.json(presentTaskList(list, { viewer, now: c.var.deps.clock.now() }), 200);
  })
  .openapi(completeRoute, async (c) => {
    const viewer = requireViewer(c);
    const { id, taskId } = c.req.valid('param');
    const input = c.req.valid('json');
    const { task, row, access } = await completeTask(c.var.deps, {
      viewer,
      caseId: id,
      taskId,
      input,
      locale: c.var.locale,
    });
    return c.json(
      presentTask(task, { viewer, access, timeZone: row.timeZone, now: c.var.deps.clock.now() }),
      200,
    );
  })
  .openapi(reopenRoute, async (c) => {
    const viewer = requireViewer(c);
    const { id, taskId } = c.req.valid('param');
    const { task, row, access } = await reopenTask(c.var.deps, { viewer, caseId: id, taskId });
    return c.json(
      presentTask(task, { viewer, access, timeZone: row.timeZone, now: c.var.deps.clock.now() }),
      200,
    );
  })
  .openapi(myTasksRoute, async (c) => {
    const viewer = requireViewer(c);
    const now = c.var.deps.clock.now();
    const rows = await listMyTasks(c.var.deps, { viewer });
    return c.json({ items: rows.map((r) => presentMyTask(r, { viewer, now })) }, 200);
  });
