import { createRoute } from '@hono/zod-openapi';
import { ProfileSchema, ProfileUpdateSchema, VisibilityMapSchema } from '#common/profiles';
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
  textIdParam,
} from '#server/lib/http';
import { presentProfile, presentVisibilityLimits } from './members.presenter';
import {
  findVisibleMember,
  getVisibilityLimits,
  setVisibilityLimits,
  updateProfile,
} from './members.service';

const MemberParam = textIdParam(64);

const getMember = createRoute({
  method: 'get',
  path: '/members/{id}',
  tags: ['members'],
  summary: 'A member profile, with only the fields the viewer may see',
  request: { params: MemberParam },
  responses: { 200: jsonContent(ProfileSchema), ...errorResponses },
});

const patchMember = createRoute({
  method: 'patch',
  path: '/members/{id}',
  tags: ['members'],
  summary: 'Edit a profile (the member themself, or HR)',
  request: {
    params: MemberParam,
    ...body(ProfileUpdateSchema),
  },
  responses: {
    200: jsonContent(ProfileSchema),
    ...errorResponses,
    ...conflict('The employee number belongs to another member'),
  },
});

const getLimits = createRoute({
  method: 'get',
  path: '/settings/profile-visibility',
  tags: ['settings'],
  summary: "HR's limits: the most open visibility allowed per profile field",
  responses: { 200: jsonContent(VisibilityMapSchema), ...errorResponses },
});

const putLimits = createRoute({
  middleware: onlyFor(isHr),
  method: 'put',
  path: '/settings/profile-visibility',
  tags: ['settings'],
  summary: 'Set the per-field visibility limits (HR and admins)',
  request: body(VisibilityMapSchema),
  responses: { 200: jsonContent(VisibilityMapSchema), ...errorResponses },
});

export const membersRoutes = createRouter()
  .openapi(getMember, async (c) => {
    const viewer = requireViewer(c);
    const { id } = c.req.valid('param');
    const { db } = c.var.deps;
    const member = await findVisibleMember({ db, viewer, id });
    return c.json(presentProfile({ viewer, member, limits: await getVisibilityLimits({ db }) }), 200);
  })
  .openapi(patchMember, async (c) => {
    const viewer = requireViewer(c);
    const { id } = c.req.valid('param');
    const input = c.req.valid('json');
    const { db } = c.var.deps;
    const member = await updateProfile({ db, viewer, id, input, clock: c.var.deps.clock });
    return c.json(presentProfile({ viewer, member, limits: await getVisibilityLimits({ db }) }), 200);
  })
  .openapi(getLimits, async (c) => {
    requireViewer(c);
    return c.json(presentVisibilityLimits(await getVisibilityLimits({ db: c.var.deps.db })), 200);
  })
  .openapi(putLimits, async (c) => {
    authorize(c, isHr);
    const limits = c.req.valid('json');
    const { db, queue } = c.var.deps;
    return c.json(presentVisibilityLimits(await setVisibilityLimits({ db, limits, queue })), 200);
  });
