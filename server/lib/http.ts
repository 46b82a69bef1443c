import { OpenAPIHono } from '@hono/zod-openapi';
import type { Context, MiddlewareHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { type ErrorBody, ErrorBodySchema } from '../../common/errors';
import type { Locale } from '../../common/invitations';
import type { Db } from '../db/client';
import type { Viewer } from '../features/access/access.policy';
import type { Auth } from '../features/auth/auth';
import type { Clock } from './clock';
import { isUnstorableText } from './db-errors';
import type { Env } from './env';
import { AppError, emptyFieldMap, HTTP_STATUS } from './errors';
import { fieldErrors, t } from './i18n';
import type { Logger } from './logger';
import type { Mailer } from './mail';
import type { MailCatcher } from './mail-catcher';
import type { Queue } from './queue';

export interface AppDeps {
  db: Db;
  env: Env;
  clock: Clock;
  mailer: Mailer;
  logger: Logger;
  auth: Auth;
  queue: Queue;
  /** The local SMTP catcher (development, tests): the outbox shows what it received. */
  mailCatcher?: MailCatcher;
}

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

/** Every API route below this needs a signed-in member. */
export const requireSignIn: MiddlewareHandler<AppEnv> = async (c, next) => {
  requireViewer(c);
  await next();
};

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
