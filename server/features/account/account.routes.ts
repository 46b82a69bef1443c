import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import {
  AccountSessionListSchema,
  PasswordChangedSchema,
  PasswordChangeSchema,
  PasswordResetRequestSchema,
  PasswordResetSchema,
  RevokedSessionsSchema,
} from '#common/account';
import { ErrorBodySchema } from '#common/errors';
import { clientAddress } from '#server/lib/client-address';
import { AppError } from '#server/lib/errors';
import {
  type AppEnv,
  body,
  createRouter,
  errorResponses,
  jsonContent,
  requireViewer,
  textIdParam,
} from '#server/lib/http';
import { rateLimiter } from '#server/lib/rate-limit';
import { presentPasswordChanged, presentSession, presentSessionsRevoked } from './account.presenter';
import {
  changePassword,
  listSessions,
  requestPasswordReset,
  resetPassword,
  revokeOtherSessions,
  revokeSession,
} from './account.service';

const MINUTE = 60_000;
/** Reset requests per client address, and per address asked about (known or not: same answer). */
export const RESET_REQUEST_ADDRESS_LIMIT = { max: 5, windowMs: 15 * MINUTE };
export const RESET_REQUEST_ACCOUNT_LIMIT = { max: 3, windowMs: 60 * MINUTE };
/** New-password submissions per client address (tokens are 256-bit: this is against scripts). */
export const RESET_ADDRESS_LIMIT = { max: 10, windowMs: 15 * MINUTE };
/** Wrong current passwords per member (a stolen session must not become a password oracle). */
export const PASSWORD_CHANGE_LIMIT = { max: 5, windowMs: 15 * MINUTE };

const rateLimited = { 429: jsonContent(ErrorBodySchema, 'Too many requests (see Retry-After)') };
const Ok = z.object({ ok: z.literal(true) });

const requestReset = createRoute({
  method: 'post',
  path: '/account/password-reset/request',
  tags: ['account'],
  summary: 'Send a password reset link (the same answer whether or not the address is a member’s)',
  request: body(PasswordResetRequestSchema),
  responses: { 202: jsonContent(Ok, 'Accepted'), ...errorResponses, ...rateLimited },
});

const reset = createRoute({
  method: 'post',
  path: '/account/password-reset',
  tags: ['account'],
  summary: 'Set a new password with the token from the reset link; signs out every session',
  request: body(PasswordResetSchema),
  responses: { 200: jsonContent(Ok), ...errorResponses, ...rateLimited },
});

const change = createRoute({
  method: 'post',
  path: '/account/password',
  tags: ['account'],
  summary: 'Change the password (current + new); signs out every other session',
  request: body(PasswordChangeSchema),
  responses: { 200: jsonContent(PasswordChangedSchema), ...errorResponses, ...rateLimited },
});

const list = createRoute({
  method: 'get',
  path: '/account/sessions',
  tags: ['account'],
  summary: 'The signed-in member’s sessions (device, place, last seen)',
  responses: { 200: jsonContent(AccountSessionListSchema), ...errorResponses },
});

const revokeOne = createRoute({
  method: 'delete',
  path: '/account/sessions/{id}',
  tags: ['account'],
  summary: 'Sign out one of the member’s sessions',
  request: { params: textIdParam(200) },
  responses: { 200: jsonContent(Ok), ...errorResponses },
});

const revokeOthers = createRoute({
  method: 'post',
  path: '/account/sessions/revoke-others',
  tags: ['account'],
  summary: 'Sign out every session of the member but this one',
  responses: { 200: jsonContent(RevokedSessionsSchema), ...errorResponses },
});

/** The session this request came with (its id only). */
async function currentSessionId(c: Context<AppEnv>): Promise<string> {
  const session = await c.var.deps.auth.api.getSession({ headers: c.req.raw.headers });
  if (!session) throw new AppError('unauthenticated');
  return session.session.id;
}

export const accountRoutes = createRouter()
  .openapi(requestReset, async (c) => {
    const { email } = c.req.valid('json');
    const { deps } = c.var;
    const now = deps.clock.now();
    // Requests without a socket address (in-process tests) share one key.
    await rateLimiter(deps, 'password-reset-request-address', RESET_REQUEST_ADDRESS_LIMIT).take(
      clientAddress(c) ?? 'local',
      now,
    );
    await rateLimiter(deps, 'password-reset-request-account', RESET_REQUEST_ACCOUNT_LIMIT).take(
      email.trim().toLowerCase(),
      now,
    );
    await requestPasswordReset({ deps, email });
    return c.json({ ok: true as const }, 202);
  })
  .openapi(reset, async (c) => {
    const { token, newPassword } = c.req.valid('json');
    const { deps } = c.var;
    const now = deps.clock.now();
    await rateLimiter(deps, 'password-reset-address', RESET_ADDRESS_LIMIT).take(
      clientAddress(c) ?? 'local',
      now,
    );
    await resetPassword({ db: deps.db, now, token, newPassword });
    return c.json({ ok: true as const }, 200);
  })
  .openapi(change, async (c) => {
    const viewer = requireViewer(c);
    const { currentPassword, newPassword } = c.req.valid('json');
    const { deps } = c.var;
    const now = deps.clock.now();
    const limiter = rateLimiter(deps, 'password-change', PASSWORD_CHANGE_LIMIT);
    await limiter.take(viewer.id, now);
    const revokedSessions = await changePassword({
      db: deps.db,
      userId: viewer.id,
      currentSessionId: await currentSessionId(c),
      currentPassword,
      newPassword,
    });
    await limiter.refund(viewer.id, now); // only wrong guesses count
    return c.json(presentPasswordChanged(revokedSessions), 200);
  })
  .openapi(list, async (c) => {
    const viewer = requireViewer(c);
    const current = await currentSessionId(c);
    const rows = await listSessions({ db: c.var.deps.db, userId: viewer.id, now: c.var.deps.clock.now() });
    return c.json({ sessions: rows.map((row) => presentSession(row, current)) }, 200);
  })
  .openapi(revokeOne, async (c) => {
    const { id } = c.req.valid('param');
    const viewer = requireViewer(c);
    await revokeSession({ db: c.var.deps.db, userId: viewer.id, sessionId: id });
    return c.json({ ok: true as const }, 200);
  })
  .openapi(revokeOthers, async (c) => {
    const viewer = requireViewer(c);
    const revoked = await revokeOtherSessions({
      db: c.var.deps.db,
      userId: viewer.id,
      currentSessionId: await currentSessionId(c),
    });
    return c.json(presentSessionsRevoked(revoked), 200);
  });
