import { createRoute } from '@hono/zod-openapi';
import {
  FreshnessConfirmedSchema,
  FreshnessSettingsSchema,
  FreshnessSummarySchema,
  FreshnessTokenSchema,
  MyFreshnessSchema,
} from '#common/freshness';
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
import { canManageFreshness } from './freshness.policy';
import {
  presentConfirmed,
  presentFreshnessSettings,
  presentFreshnessSummary,
  presentMyFreshness,
} from './freshness.presenter';
import {
  confirmByToken,
  confirmMyProfile,
  freshnessSummary,
  getFreshnessSettings,
  getMyFreshness,
  setFreshnessSettings,
} from './freshness.service';

const getSettings = createRoute({
  middleware: onlyFor(canManageFreshness),
  method: 'get',
  path: '/settings/freshness',
  tags: ['settings'],
  summary: 'How often members are asked to confirm their profile, in months (HR)',
  responses: { 200: jsonContent(FreshnessSettingsSchema), ...errorResponses },
});

const putSettings = createRoute({
  middleware: onlyFor(canManageFreshness),
  method: 'put',
  path: '/settings/freshness',
  tags: ['settings'],
  summary: 'Set the confirmation period, 3–36 months (HR)',
  request: body(FreshnessSettingsSchema),
  responses: { 200: jsonContent(FreshnessSettingsSchema), ...errorResponses },
});

const mine = createRoute({
  method: 'get',
  path: '/me/freshness',
  tags: ['freshness'],
  summary: 'Is my profile due for a confirmation ("still at X as Y?")',
  responses: { 200: jsonContent(MyFreshnessSchema), ...errorResponses },
});

const confirmMine = createRoute({
  method: 'post',
  path: '/me/freshness/confirm',
  tags: ['freshness'],
  summary: 'Confirm that my profile is still current',
  responses: { 200: jsonContent(FreshnessConfirmedSchema), ...errorResponses },
});

const confirmToken = createRoute({
  method: 'post',
  path: '/freshness/confirm',
  tags: ['freshness'],
  summary: 'Confirm from the emailed link (no sign-in; the token is signed)',
  request: body(FreshnessTokenSchema),
  responses: {
    200: jsonContent(FreshnessConfirmedSchema),
    ...errorResponses,
    ...conflict('The link has expired'),
  },
});

const summary = createRoute({
  middleware: onlyFor(canManageFreshness),
  method: 'get',
  path: '/freshness/summary',
  tags: ['freshness'],
  summary: 'Share of stale profiles, overall and by role and department (HR)',
  responses: { 200: jsonContent(FreshnessSummarySchema), ...errorResponses },
});

export const freshnessRoutes = createRouter()
  .openapi(getSettings, async (c) => {
    authorize(c, canManageFreshness);
    return c.json(presentFreshnessSettings(await getFreshnessSettings({ db: c.var.deps.db })), 200);
  })
  .openapi(putSettings, async (c) => {
    authorize(c, canManageFreshness);
    const settings = c.req.valid('json');
    return c.json(presentFreshnessSettings(await setFreshnessSettings({ db: c.var.deps.db, settings })), 200);
  })
  .openapi(mine, async (c) => {
    const viewer = requireViewer(c);
    const { db, clock } = c.var.deps;
    return c.json(presentMyFreshness(await getMyFreshness({ db, clock, viewer })), 200);
  })
  .openapi(confirmMine, async (c) => {
    const viewer = requireViewer(c);
    const { db, clock } = c.var.deps;
    return c.json(presentConfirmed(await confirmMyProfile({ db, clock, viewer })), 200);
  })
  .openapi(confirmToken, async (c) => {
    const { token } = c.req.valid('json');
    const { db, env, clock } = c.var.deps;
    return c.json(presentConfirmed(await confirmByToken({ db, env, clock, token })), 200);
  })
  .openapi(summary, async (c) => {
    authorize(c, canManageFreshness);
    const { db, clock } = c.var.deps;
    return c.json(presentFreshnessSummary(await freshnessSummary({ db, clock })), 200);
  });
