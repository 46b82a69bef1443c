import { createRoute } from '@hono/zod-openapi';
import {
  DigestRunResultSchema,
  DigestSettingsSchema,
  DigestSettingsUpdateSchema,
  DigestUnsubscribeQuerySchema,
  DigestUnsubscribeResultSchema,
} from '#common/digest';
import type { Viewer } from '#server/lib/access/policy';
import type { Env } from '#server/lib/env';
import { authorize, body, createRouter, errorResponses, jsonContent, onlyFor } from '#server/lib/http';
import { canKeepDigest, canRunDigestNow } from './digest.policy';
import { presentDigestRun, presentDigestSettings } from './digest.presenter';
import { getDigestSettings, runDigestNow, setDigestFrequency, unsubscribeDigest } from './digest.service';

/** Sending the digest now: admins, outside production. */
const runsDigestNow = (viewer: Viewer, env: Env) => canRunDigestNow(viewer, env.NODE_ENV);

const get = createRoute({
  middleware: onlyFor(canKeepDigest),
  method: 'get',
  path: '/me/digest',
  tags: ['digest'],
  summary: 'My digest settings: how often, and whether I consent to news and digests (the master switch)',
  responses: { 200: jsonContent(DigestSettingsSchema), ...errorResponses },
});

const put = createRoute({
  middleware: onlyFor(canKeepDigest),
  method: 'put',
  path: '/me/digest',
  tags: ['digest'],
  summary: 'Set how often I receive the digest (weekly, every two weeks, monthly, off)',
  request: body(DigestSettingsUpdateSchema),
  responses: { 200: jsonContent(DigestSettingsSchema), ...errorResponses },
});

const unsubscribe = createRoute({
  method: 'post',
  path: '/digest/unsubscribe',
  tags: ['digest'],
  summary:
    'One-click unsubscribe (RFC 8058): the token of a digest turns the digest off. No session; any body (List-Unsubscribe=One-Click) is ignored. Idempotent; unknown token 404',
  request: { query: DigestUnsubscribeQuerySchema },
  responses: { 200: jsonContent(DigestUnsubscribeResultSchema), ...errorResponses },
});

const devRun = createRoute({
  middleware: onlyFor(runsDigestNow),
  method: 'post',
  path: '/dev/jobs/digest.weekly',
  tags: ['dev'],
  summary: 'Development only (admin): send the weekly digest now, to every member who is due',
  responses: { 200: jsonContent(DigestRunResultSchema), ...errorResponses },
});

export const digestRoutes = createRouter()
  .openapi(get, async (c) => {
    const viewer = authorize(c, canKeepDigest);
    return c.json(presentDigestSettings(await getDigestSettings(c.var.deps, { viewer })), 200);
  })
  .openapi(put, async (c) => {
    const viewer = authorize(c, canKeepDigest);
    const { frequency } = c.req.valid('json');
    return c.json(presentDigestSettings(await setDigestFrequency(c.var.deps, { viewer, frequency })), 200);
  })
  .openapi(unsubscribe, async (c) => {
    const { token } = c.req.valid('query');
    await unsubscribeDigest(c.var.deps, { token });
    return c.json({ frequency: 'off' as const }, 200);
  })
  .openapi(devRun, async (c) => {
    authorize(c, runsDigestNow);
    return c.json(presentDigestRun(await runDigestNow(c.var.deps)), 200);
  });
