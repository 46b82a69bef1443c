import { createRoute, z } from '@hono/zod-openapi';
import {
  GeneralInterestInputSchema,
  JobInterestInputSchema,
  MyReturnInterestsSchema,
  ReturnInterestResultSchema,
} from '#common/return-interests';
import {
  authorize,
  body,
  createRouter,
  errorResponses,
  IdParam,
  jsonContent,
  onlyFor,
} from '#server/lib/http';
import { canRaiseReturnInterest } from './return-interests.policy';
import { presentMyInterests, presentResult } from './return-interests.presenter';
import {
  findMyInterests,
  raiseGeneralInterest,
  raiseJobInterest,
  withdrawInterest,
} from './return-interests.service';

// Job ids are checked by the jobs feature (unknown or invisible → 404), not by their shape here.
const JobParam = z.object({ id: z.string().trim().min(1).max(100) });

const mine = createRoute({
  middleware: onlyFor(canRaiseReturnInterest),
  method: 'get',
  path: '/me/return-interests',
  tags: ['return-interests'],
  summary: 'My return interests (alumni): general and per job, and whether HR may see them',
  responses: { 200: jsonContent(MyReturnInterestsSchema), ...errorResponses },
});

const general = createRoute({
  middleware: onlyFor(canRaiseReturnInterest),
  method: 'put',
  path: '/me/return-interest',
  tags: ['return-interests'],
  summary:
    '“I’m open to coming back” (alumni): creates, replaces or reactivates my one general interest; optionally grants rehiring contact',
  request: body(GeneralInterestInputSchema),
  responses: { 200: jsonContent(ReturnInterestResultSchema), ...errorResponses },
});

const jobInterest = createRoute({
  middleware: onlyFor(canRaiseReturnInterest),
  method: 'post',
  path: '/jobs/{id}/interest',
  tags: ['return-interests'],
  summary:
    '“I’m interested” in a job I can see (alumni): 201 when raised, 200 when an active one was updated or a withdrawn one reactivated',
  request: { params: JobParam, ...body(JobInterestInputSchema) },
  responses: {
    200: jsonContent(ReturnInterestResultSchema),
    201: jsonContent(ReturnInterestResultSchema, 'Created'),
    ...errorResponses,
  },
});

const withdraw = createRoute({
  middleware: onlyFor(canRaiseReturnInterest),
  method: 'post',
  path: '/me/return-interests/{id}/withdraw',
  tags: ['return-interests'],
  summary: 'Withdraw one of my interests: it leaves HR’s rehiring board at once',
  request: { params: IdParam },
  responses: { 200: jsonContent(ReturnInterestResultSchema), ...errorResponses },
});

export const returnInterestsRoutes = createRouter()
  .openapi(mine, async (c) => {
    const viewer = authorize(c, canRaiseReturnInterest);
    return c.json(presentMyInterests(await findMyInterests(c.var.deps, { viewer })), 200);
  })
  .openapi(general, async (c) => {
    const viewer = authorize(c, canRaiseReturnInterest);
    const input = c.req.valid('json');
    const { view } = await raiseGeneralInterest(c.var.deps, { viewer, input, locale: c.var.locale });
    return c.json(presentResult(view), 200);
  })
  .openapi(jobInterest, async (c) => {
    const viewer = authorize(c, canRaiseReturnInterest);
    const { id } = c.req.valid('param');
    const input = c.req.valid('json');
    const { view, outcome } = await raiseJobInterest(c.var.deps, {
      viewer,
      jobId: id,
      input,
      locale: c.var.locale,
    });
    return c.json(presentResult(view), outcome === 'created' ? 201 : 200);
  })
  .openapi(withdraw, async (c) => {
    const viewer = authorize(c, canRaiseReturnInterest);
    const { id } = c.req.valid('param');
    return c.json(presentResult(await withdrawInterest(c.var.deps, { viewer, id })), 200);
  });
