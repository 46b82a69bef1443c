import { createRoute } from '@hono/zod-openapi';
import { ConsentUpdateSchema, MyConsentsSchema } from '#common/consents';
import { body, createRouter, errorResponses, jsonContent, requireViewer } from '#server/lib/http';
import { presentMyConsents } from './consents.presenter';
import { findMyConsents, saveMyConsents } from './consents.service';

// Only "me" routes: nobody — not HR, not an admin — reads or changes another member's consents.

const getMine = createRoute({
  method: 'get',
  path: '/me/consents',
  tags: ['consents'],
  summary: 'What the signed-in member agreed to: current answer per purpose, and every answer given',
  responses: { 200: jsonContent(MyConsentsSchema), ...errorResponses },
});

const putMine = createRoute({
  method: 'put',
  path: '/me/consents',
  tags: ['consents'],
  summary: 'Answer every purpose (yes/no) for the current consent text version',
  request: body(ConsentUpdateSchema),
  responses: { 200: jsonContent(MyConsentsSchema), ...errorResponses },
});

export const consentsRoutes = createRouter()
  .openapi(getMine, async (c) => {
    const viewer = requireViewer(c);
    return c.json(presentMyConsents(await findMyConsents({ db: c.var.deps.db, userId: viewer.id })), 200);
  })
  .openapi(putMine, async (c) => {
    const viewer = requireViewer(c);
    const { consents } = c.req.valid('json');
    const { clock } = c.var.deps;
    const overview = await saveMyConsents(c.var.deps, {
      userId: viewer.id,
      answers: consents,
      // The language the texts were shown in (the web sends its UI language).
      locale: c.var.locale,
      now: clock.now(),
    });
    return c.json(presentMyConsents(overview), 200);
  });
