import { createRoute } from '@hono/zod-openapi';
import { CareerDepartmentsSchema, CareerPathsQuerySchema, CareerPathsSchema } from '#common/careers';
import { authorize, createRouter, errorResponses, jsonContent, onlyFor } from '#server/lib/http';
import { canSeeCareerPaths } from './careers.policy';
import { presentCareerDepartments, presentCareerPaths } from './careers.presenter';
import { getCareerPaths, listCareerDepartments } from './careers.service';

const paths = createRoute({
  middleware: onlyFor(canSeeCareerPaths),
  method: 'get',
  path: '/careers/paths',
  tags: ['careers'],
  summary:
    'Where alumni of a department (default: mine) went: roles, industries, employers as counts of at least 3, people who consented to be reached, and their career stories (employees, leavers, HR)',
  request: { query: CareerPathsQuerySchema },
  responses: { 200: jsonContent(CareerPathsSchema), ...errorResponses },
});

const departments = createRoute({
  middleware: onlyFor(canSeeCareerPaths),
  method: 'get',
  path: '/careers/departments',
  tags: ['careers'],
  summary: 'Departments with enough alumni for /careers/paths, and my own (employees, leavers, HR)',
  responses: { 200: jsonContent(CareerDepartmentsSchema), ...errorResponses },
});

export const careersRoutes = createRouter()
  .openapi(paths, async (c) => {
    const viewer = authorize(c, canSeeCareerPaths);
    const query = c.req.valid('query');
    const data = await getCareerPaths(c.var.deps, { viewer, query });
    return c.json(presentCareerPaths(data), 200);
  })
  .openapi(departments, async (c) => {
    const viewer = authorize(c, canSeeCareerPaths);
    const data = await listCareerDepartments(c.var.deps, { viewer });
    return c.json(presentCareerDepartments(data), 200);
  });
