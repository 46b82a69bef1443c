import { OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context, MiddlewareHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { type ErrorBody, ErrorBodySchema } from '#common/errors';
import type { Locale } from '#common/locale';
import type { Viewer } from '#server/lib/access/policy';
import { isUnstorableText } from './db-errors';
import type { AppDeps } from './deps';
import type { Env } from './env';
import { AppError, emptyFieldMap, HTTP_STATUS } from './errors';
import { fieldErrors, t } from './i18n';

export interface AppEnv {
  Variables: {
    deps: AppDeps;
    viewer: Viewer | null;
    locale: Locale;
  };
}

/** A router whose validation failures become one translated 400 with per-field messages. */
export function createRouter() {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result, c) => {
      if (!result.success) {
        throw new AppError(
          'bad_request',
          'error.bad_request',
          fieldErrors(result.error.issues, c.var.locale),
        );
      }
    },
  });
}

/** The signed-in viewer, or a 401. */
export function requireViewer(c: Context<AppEnv>): Viewer {
  const viewer = c.var.viewer;
  if (!viewer) throw new AppError('unauthenticated');
  return viewer;
}

/**
 * The signed-in viewer if `can` allows them: a 401 when anonymous, a 404 when not allowed (a
 * hidden thing is not found, never forbidden). The one way a handler checks who may use it; a
 * route guarded by `onlyFor(can)` calls it with the same `can`. Whether the viewer may see one
 * record stays in the service's SQL.
 */
export function authorize(c: Context<AppEnv>, can: (viewer: Viewer, env: Env) => boolean): Viewer {
  const viewer = requireViewer(c);
  if (!can(viewer, c.var.deps.env)) throw new AppError('not_found');
  return viewer;
}

const ROLE_GUARDS = new WeakSet<MiddlewareHandler<AppEnv>>();

/**
 * Route middleware for routes only some members may use (HR, admins, alumni…):
 * `createRoute({ middleware: onlyFor(isHr), … })`. @hono/zod-openapi runs route middleware before
 * the validators, so a caller without the right gets the same 401/404 for a bad body as for a
 * good one, never a 400 that describes the route's fields (decision 024). The handler still calls
 * `authorize(c, allowed)` with the same predicate: the guard is the door, not the only lock.
 */
export function onlyFor(allowed: (viewer: Viewer, env: Env) => boolean): MiddlewareHandler<AppEnv> {
  const guard: MiddlewareHandler<AppEnv> = async (c, next) => {
    authorize(c, allowed);
    await next();
  };
  ROLE_GUARDS.add(guard);
  return guard;
}

/** Is this handler an `onlyFor` guard? (Tests list the guarded routes from `app.routes`.) */
export const isRoleGuard = (handler: unknown) =>
  typeof handler === 'function' && ROLE_GUARDS.has(handler as MiddlewareHandler<AppEnv>);

/** Maps every error to the one error shape; user mistakes never become a 500. */
export function errorResponse(error: unknown, c: Context<AppEnv>) {
  const locale = c.var.locale ?? 'ja';
  if (error instanceof AppError) {
    // Built by hand, not through ErrorBodySchema.parse: zod's record drops a `__proto__` key and a
    // plain object would turn it into a prototype. Field names are user input (decision 024).
    let fields: Record<string, string[]> | undefined;
    if (error.fields) {
      fields = emptyFieldMap();
      for (const [k, msgs] of Object.entries(error.fields)) fields[k] = msgs.map((m) => t(locale, m));
    }
    const body: ErrorBody = {
      error: { code: error.code, message: t(locale, error.message), ...(fields ? { fields } : {}) },
    };
    // Every 429 says when to come back (RFC 9110 Retry-After, seconds); a minute when unknown.
    if (error.code === 'rate_limited') c.header('Retry-After', String(retryAfterOf(error)));
    return c.json(body, HTTP_STATUS[error.code]);
  }
  if (error instanceof HTTPException) {
    const status = error.status;
    const code = status === 413 ? 'payload_too_large' : status === 401 ? 'unauthenticated' : 'bad_request';
    if (status < 500) {
      return c.json({ error: { code, message: t(locale, `error.${code}`) } }, HTTP_STATUS[code]);
    }
  }
  if (isUnstorableText(error)) {
    // A NUL character (or similar) reached a text column: the transaction rolled back, nothing saved.
    return c.json({ error: { code: 'bad_request', message: t(locale, 'error.unstorable_text') } }, 400);
  }
  if (error instanceof SyntaxError) {
    // Malformed JSON body.
    return c.json({ error: { code: 'bad_request', message: t(locale, 'error.bad_request') } }, 400);
  }
  c.var.deps?.logger.error('unhandled error', {
    path: c.req.path,
    error: error instanceof Error ? `${error.name}: ${error.message}\n${error.stack}` : String(error),
  });
  return c.json({ error: { code: 'internal', message: t(locale, 'error.internal') } }, 500);
}

const retryAfterOf = (error: AppError) =>
  'retryAfterSeconds' in error && typeof error.retryAfterSeconds === 'number' ? error.retryAfterSeconds : 60;

/** Standard error responses for OpenAPI route definitions. */
export const errorResponses = {
  400: { description: 'Invalid input', content: { 'application/json': { schema: ErrorBodySchema } } },
  401: { description: 'Not signed in', content: { 'application/json': { schema: ErrorBodySchema } } },
  404: {
    description: 'Not found or not visible',
    content: { 'application/json': { schema: ErrorBodySchema } },
  },
} as const;

export const jsonContent = <T>(schema: T, description = 'OK') => ({
  description,
  content: { 'application/json': { schema } },
});

/** A `{id}` path parameter holding a uuid. */
export const IdParam = z.object({ id: z.uuid() });

/** A `{id}` path parameter holding a text id (members, join requests…) of at most `max` characters. */
export const textIdParam = (max: number) => z.object({ id: z.string().min(1).max(max) });

/** The 409 answer of a route: the one error shape, with what the conflict is. */
export const conflict = (description: string) => ({ 409: jsonContent(ErrorBodySchema, description) });

/** A required JSON request body: `request: body(Schema)` or `request: { params, ...body(Schema) }`. */
export const body = <T>(schema: T) => ({
  body: { content: { 'application/json': { schema } }, required: true },
});
