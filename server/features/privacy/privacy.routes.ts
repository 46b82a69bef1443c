import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { deleteCookie, getCookie } from 'hono/cookie';
import {
  AdminEraseSchema,
  DeleteAccountSchema,
  ErasureSettingsSchema,
  MyDataSummarySchema,
  RetentionSettingsSchema,
} from '#common/privacy';
import {
  type AppEnv,
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
import { checkPassword, eraseMember, getErasureSettings, setErasureSettings } from './erasure.service';
import { exportMemberData, summariseMemberData } from './export.service';
import { canEraseMembers, canManageRetention } from './privacy.policy';
import { presentErasure, presentRetention, presentSummary } from './privacy.presenter';
import { getRetentionSettings, setRetentionSettings } from './retention.service';

const lastAdmin = conflict('The last admin cannot be erased');
const Erased = z.object({ erased: z.literal(true) });

const summary = createRoute({
  method: 'get',
  path: '/me/data',
  tags: ['my data'],
  summary: 'What Kizuna holds about the signed-in member (rows per category)',
  responses: { 200: jsonContent(MyDataSummarySchema), ...errorResponses },
});

const exportData = createRoute({
  method: 'post',
  path: '/me/export',
  tags: ['my data'],
  summary: "Download the signed-in member's data: a zip with JSON, one CSV per table and a README",
  responses: {
    200: {
      description: 'The zip (attachment)',
      content: { 'application/zip': { schema: z.string().openapi({ format: 'binary' }) } },
    },
    ...errorResponses,
  },
});

const deleteAccount = createRoute({
  method: 'post',
  path: '/me/delete',
  tags: ['my data'],
  summary: 'Delete my account: personal data erased everywhere, signed out',
  request: body(DeleteAccountSchema),
  responses: { 200: jsonContent(Erased), ...errorResponses, ...lastAdmin },
});

const adminErase = createRoute({
  middleware: onlyFor(canEraseMembers),
  method: 'post',
  path: '/admin/members/{id}/erase',
  tags: ['my data'],
  summary: 'Erase a member (admins), with the same function as self-service deletion',
  request: { params: textIdParam(100), ...body(AdminEraseSchema) },
  responses: { 200: jsonContent(Erased), ...errorResponses, ...lastAdmin },
});

const getRetention = createRoute({
  middleware: onlyFor(canManageRetention),
  method: 'get',
  path: '/settings/retention',
  tags: ['settings'],
  summary: 'Retention rules (admins)',
  responses: { 200: jsonContent(RetentionSettingsSchema), ...errorResponses },
});

const putRetention = createRoute({
  middleware: onlyFor(canManageRetention),
  method: 'put',
  path: '/settings/retention',
  tags: ['settings'],
  summary: 'Set the retention rules (admins)',
  request: body(RetentionSettingsSchema),
  responses: { 200: jsonContent(RetentionSettingsSchema), ...errorResponses },
});

const getErasure = createRoute({
  middleware: onlyFor(canManageRetention),
  method: 'get',
  path: '/settings/erasure',
  tags: ['settings'],
  summary: "What happens to an erased member's content (admins)",
  responses: { 200: jsonContent(ErasureSettingsSchema), ...errorResponses },
});

const putErasure = createRoute({
  middleware: onlyFor(canManageRetention),
  method: 'put',
  path: '/settings/erasure',
  tags: ['settings'],
  summary: "Set what happens to an erased member's content (admins)",
  request: body(ErasureSettingsSchema),
  responses: { 200: jsonContent(ErasureSettingsSchema), ...errorResponses },
});

/** The session is gone with the account; the browser forgets its cookies too. */
function clearAuthCookies(c: Context<AppEnv>) {
  for (const name of Object.keys(getCookie(c))) {
    if (!name.includes('kizuna.')) continue;
    const prefixed = name.startsWith('__Host-') || name.startsWith('__Secure-');
    deleteCookie(c, name, { path: '/', ...(prefixed ? { secure: true } : {}) });
  }
}

export const privacyRoutes = createRouter()
  .openapi(summary, async (c) => {
    const viewer = requireViewer(c);
    return c.json(presentSummary(await summariseMemberData({ db: c.var.deps.db, userId: viewer.id })), 200);
  })
  .openapi(exportData, async (c) => {
    const viewer = requireViewer(c);
    const { db, clock } = c.var.deps;
    const { zip, fileName } = await exportMemberData({ db, clock, userId: viewer.id, locale: c.var.locale });
    return c.body(zip as Uint8Array<ArrayBuffer>, 200, {
      'content-type': 'application/zip',
      'content-disposition': `attachment; filename="${fileName}"`,
      'cache-control': 'no-store',
    }) as never;
  })
  .openapi(deleteAccount, async (c) => {
    const viewer = requireViewer(c);
    const { password } = c.req.valid('json');
    const { db, env, clock, hooks } = c.var.deps;
    await checkPassword({ db, userId: viewer.id, password });
    await eraseMember({ db, env, clock, hooks, userId: viewer.id, actor: { kind: 'self' } });
    clearAuthCookies(c);
    return c.json({ erased: true as const }, 200);
  })
  .openapi(adminErase, async (c) => {
    const viewer = authorize(c, canEraseMembers);
    const { id } = c.req.valid('param');
    c.req.valid('json');
    const { db, env, clock, hooks } = c.var.deps;
    await eraseMember({ db, env, clock, hooks, userId: id, actor: { kind: 'admin', id: viewer.id } });
    if (id === viewer.id) clearAuthCookies(c);
    return c.json({ erased: true as const }, 200);
  })
  .openapi(getRetention, async (c) => {
    authorize(c, canManageRetention);
    return c.json(presentRetention(await getRetentionSettings({ db: c.var.deps.db })), 200);
  })
  .openapi(putRetention, async (c) => {
    const viewer = authorize(c, canManageRetention);
    const input = c.req.valid('json');
    const saved = await setRetentionSettings({ db: c.var.deps.db, settings: input, actorId: viewer.id });
    return c.json(presentRetention(saved), 200);
  })
  .openapi(getErasure, async (c) => {
    authorize(c, canManageRetention);
    return c.json(presentErasure(await getErasureSettings({ db: c.var.deps.db })), 200);
  })
  .openapi(putErasure, async (c) => {
    const viewer = authorize(c, canManageRetention);
    const input = c.req.valid('json');
    const saved = await setErasureSettings({ db: c.var.deps.db, settings: input, actorId: viewer.id });
    return c.json(presentErasure(saved), 200);
  });
