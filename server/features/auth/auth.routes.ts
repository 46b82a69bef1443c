import { createRoute, z } from '@hono/zod-openapi';
import { MeSchema } from '#common/invitations';
import { LocaleSchema } from '#common/locale';
import { updatePreferences } from '#server/features/members/members.service';
import { body, createRouter, errorResponses, jsonContent, requireViewer } from '#server/lib/http';
import { presentMe } from './auth.presenter';
import { findMeState } from './auth.service';

const me = createRoute({
  method: 'get',
  path: '/me',
  tags: ['auth'],
  summary: 'The signed-in member',
  responses: { 200: jsonContent(MeSchema), ...errorResponses },
});

const whoami = createRoute({
  method: 'get',
  path: '/whoami',
  tags: ['auth'],
  summary: 'The signed-in member, or null for a visitor (the web app asks this first on every page)',
  responses: { 200: jsonContent(MeSchema.nullable()), ...errorResponses },
});

const PreferencesSchema = z.object({ locale: LocaleSchema }).strict();
const preferences = createRoute({
  method: 'patch',
  path: '/me',
  tags: ['auth'],
  summary: "Change the signed-in member's preferences (UI and mail language)",
  request: body(PreferencesSchema),
  responses: { 200: jsonContent(MeSchema), ...errorResponses },
});

export const authRoutes = createRouter()
  .openapi(me, async (c) => {
    const viewer = requireViewer(c);
    const { reviewedAt, flags } = await findMeState({ db: c.var.deps.db, userId: viewer.id });
    return c.json(presentMe(viewer, reviewedAt, flags), 200);
  })
  .openapi(whoami, async (c) => {
    // Public (server/app.ts PUBLIC_API): signed out is an answer, not an error to log.
    const viewer = c.var.viewer;
    if (!viewer) return c.json(null, 200);
    const { reviewedAt, flags } = await findMeState({ db: c.var.deps.db, userId: viewer.id });
    return c.json(presentMe(viewer, reviewedAt, flags), 200);
  })
  .openapi(preferences, async (c) => {
    const viewer = requireViewer(c);
    const { locale } = c.req.valid('json');
    await updatePreferences({ db: c.var.deps.db, viewer, locale });
    const { reviewedAt, flags } = await findMeState({ db: c.var.deps.db, userId: viewer.id });
    return c.json(presentMe({ ...viewer, locale }, reviewedAt, flags), 200);
  });
