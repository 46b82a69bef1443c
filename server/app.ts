import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { getConnInfo } from '@hono/node-server/conninfo';
import { serveStatic } from '@hono/node-server/serve-static';
import { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { secureHeaders } from 'hono/secure-headers';
import type { Db } from './db/client';
import { CLIENT_IP_HEADER, createAuth } from './features/auth/auth';
import { authRoutes } from './features/auth/auth.routes';
import { consentsRoutes } from './features/consents/consents.routes';
import { invalidateOnWrite } from './features/directory/directory.cache';
import { directoryRoutes } from './features/directory/directory.routes';
import { exitProposalsRoutes } from './features/exit-proposals/exit-proposals.routes';
import { exitSurveyRoutes } from './features/exit-survey/exit-survey.routes';
import { exitsRoutes } from './features/exits/exits.routes';
import { freshnessRoutes } from './features/freshness/freshness.routes';
import { HR_IMPORT_UPLOAD_PATH, hrRecordsRoutes } from './features/hr-records/hr-records.routes';
import { invitationsRoutes } from './features/invitations/invitations.routes';
import { jobAlertsRoutes } from './features/job-alerts/job-alerts.routes';
import { jobsRoutes } from './features/jobs/jobs.routes';
import { mailRoutes } from './features/mail/mail.routes';
import { membersRoutes } from './features/members/members.routes';
import { findViewer } from './features/members/members.service';
import { offboardingRoutes } from './features/offboarding/offboarding.routes';
import { pipelineRoutes } from './features/pipeline/pipeline.routes';
import { activityTracker } from './features/privacy/activity';
import { privacyRoutes } from './features/privacy/privacy.routes';
import { referralsRoutes } from './features/referrals/referrals.routes';
import { returnInterestsRoutes } from './features/return-interests/return-interests.routes';
import { verificationRoutes } from './features/verification/verification.routes';
import { jobDefinitions } from './jobs';
import { type Clock, systemClock } from './lib/clock';
import type { Env } from './lib/env';
import { AppError } from './lib/errors';
import { type AppEnv, errorResponse } from './lib/http';
import { localeFromHeader } from './lib/i18n';
import { createLogger, type Logger } from './lib/logger';
import { createMailer, type Mailer } from './lib/mail';
import type { MailCatcher } from './lib/mail-catcher';
import type { Queue } from './lib/queue';
import { originCheck } from './lib/security';
import { rejectMalformedText } from './lib/well-formed';

export interface AppOptions {
  db: Db;
  env: Env;
  clock?: Clock;
  mailer?: Mailer;
  logger?: Logger;
  /** The job queue (created on the same database); createApp registers every job on it. */
  queue: Queue;
  /** The local SMTP catcher, when the process host started one (development). */
  mailCatcher?: MailCatcher;
  /** Built web UI to serve (dist/web); omitted in API tests. */
  webRoot?: string;
}

const AUTH_ENDPOINTS = [
  '/api/auth/sign-in/email',
  '/api/auth/sign-out',
  '/api/auth/get-session',
  '/api/auth/change-password',
];

/** Paths reachable without signing in: login (better-auth), invitation acceptance, health. */
const PUBLIC_API = [
  /^\/api\/auth\//,
  /^\/api\/health$/,
  /^\/api\/invitations\/accept\//,
  /^\/api\/join-requests$/,
  /^\/api\/freshness\/confirm$/,
  /^\/api\/referral-consent\//,
  // Authenticated by its HMAC signature; not mounted in production (decision 017).
  /^\/api\/dev\/ats-inbox$/,
];

/** Builds the whole application. Never listens: server/index.ts does, tests call `app.request`. */
export function createApp(options: AppOptions) {
  const { db, env } = options;
  const logger = options.logger ?? createLogger(env.LOG_LEVEL);
  const clock = options.clock ?? systemClock;
  const mailer = options.mailer ?? createMailer({ smtpUrl: env.SMTP_URL, from: env.MAIL_FROM, logger });
  const trustedOrigins = [env.BASE_URL, ...(env.NODE_ENV === 'development' ? ['http://localhost:5173'] : [])];
  const auth = createAuth({ db, env, logger, trustedOrigins });
  const deps = {
    db,
    env,
    clock,
    mailer,
    logger,
    auth,
    queue: options.queue,
    mailCatcher: options.mailCatcher,
  };
  options.queue.register(jobDefinitions(deps));

  const touchActivity = activityTracker({ db, clock });
  const app = new OpenAPIHono<AppEnv>();
  app.onError(errorResponse);

  app.use('*', async (c, next) => {
    c.set('deps', deps);
    c.set('viewer', null);
    c.set('locale', localeFromHeader(c.req.header('accept-language')));
    await next();
  });
  app.use(
    '*',
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
      },
      strictTransportSecurity: env.NODE_ENV === 'production' ? 'max-age=63072000; includeSubDomains' : false,
    }),
  );
  const jsonBodyLimit = bodyLimit({
    maxSize: 1024 * 1024,
    onError: () => Promise.reject(new AppError('payload_too_large')),
  });
  // The HR CSV upload is streamed to disk under its own limit (IMPORT_MAX_BYTES).
  app.use('/api/*', (c, next) =>
    c.req.method === 'POST' && c.req.path === HR_IMPORT_UPLOAD_PATH ? next() : jsonBodyLimit(c, next),
  );
  app.use('/api/*', originCheck(trustedOrigins));
  app.use('/api/*', async (c, next) => {
    const session = await auth.api.getSession({ headers: c.req.raw.headers });
    const viewer = session
      ? await findViewer({ db, userId: session.user.id, sessionId: session.session.id })
      : null;
    c.set('viewer', viewer);
    if (viewer) await touchActivity(viewer.id);
    if (viewer && !c.req.header('accept-language')) c.set('locale', viewer.locale);
    if (!viewer && !PUBLIC_API.some((re) => re.test(c.req.path))) throw new AppError('unauthenticated');
    await next();
  });

  // Before any route or better-auth reads the request (decision 024).
  app.use('/api/*', rejectMalformedText);
  app.use('/api/*', invalidateOnWrite);

  // Only the better-auth endpoints we use; the rest of its surface (profile updates, account
  // deletion, password reset by mail) stays closed until a feature needs it deliberately.
  app.on(['GET', 'POST'], AUTH_ENDPOINTS, (c) => {
    // Rate limits key on the client address: taken from the socket, never from the request.
    const headers = new Headers(c.req.raw.headers);
    headers.delete(CLIENT_IP_HEADER);
    const address = clientAddress(c);
    if (address) headers.set(CLIENT_IP_HEADER, address);
    return auth.handler(new Request(c.req.raw, { headers }));
  });
  app.get('/api/health', (c) => c.json({ status: 'ok' }));

  const api = app
    .route('/api', authRoutes)
    .route('/api', consentsRoutes)
    .route('/api', membersRoutes)
    .route('/api', directoryRoutes)
    .route('/api', invitationsRoutes)
    .route('/api', hrRecordsRoutes)
    .route('/api', verificationRoutes)
    .route('/api', freshnessRoutes)
    .route('/api', privacyRoutes)
    .route('/api', exitProposalsRoutes)
    .route('/api', exitSurveyRoutes)
    .route('/api', offboardingRoutes)
    .route('/api', exitsRoutes)
    .route('/api', jobsRoutes)
    .route('/api', returnInterestsRoutes)
    .route('/api', referralsRoutes)
    .route('/api', pipelineRoutes)
    .route('/api', jobAlertsRoutes)
    .route('/api', mailRoutes);

  api.doc31('/api/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Kizuna API',
      version: '0.1.0',
      description:
        'The alumni network API. Sign in with POST /api/auth/sign-in/email {email, password}; the session cookie authenticates every other call. Errors: {"error":{"code","message","fields"?}}.',
    },
  });
  mountApiDocs(app);

  app.all('/api/*', () => {
    throw new AppError('not_found');
  });
  if (options.webRoot && existsSync(join(options.webRoot, 'index.html'))) mountWeb(app, options.webRoot);
  return app;
}

/** The peer address of the socket; absent under `app.request()` in tests. */
function clientAddress(c: Context<AppEnv>): string | undefined {
  try {
    return getConnInfo(c).remote.address;
  } catch {
    return undefined;
  }
}

/** Swagger UI served from the swagger-ui-dist package (no CDN: the app must work offline). */
function mountApiDocs(app: OpenAPIHono<AppEnv>) {
  const require = createRequire(import.meta.url);
  const dist = join(require.resolve('swagger-ui-dist/package.json'), '..');
  const page = `<!doctype html><html><head><meta charset="utf-8"><title>Kizuna API</title>
<link rel="stylesheet" href="/api/docs/assets/swagger-ui.css"></head><body><div id="ui"></div>
<script src="/api/docs/assets/swagger-ui-bundle.js"></script><script src="/api/docs/init.js"></script></body></html>`;
  app.get('/api/docs', (c) => c.html(page));
  app.get('/api/docs/init.js', (c) =>
    c.body("SwaggerUIBundle({ url: '/api/openapi.json', dom_id: '#ui' });", 200, {
      'content-type': 'text/javascript',
    }),
  );
  app.get('/api/docs/assets/:file{swagger-ui(-bundle\\.js|\\.css)}', (c) => {
    const file = c.req.param('file');
    const type = file.endsWith('.css') ? 'text/css' : 'text/javascript';
    return c.body(readFileSync(join(dist, file)), 200, {
      'content-type': type,
      'cache-control': 'max-age=86400',
    });
  });
}

/** The single-page app: hashed assets cached for a year, every other path gets index.html. */
function mountWeb(app: OpenAPIHono<AppEnv>, webRoot: string) {
  const index = readFileSync(join(webRoot, 'index.html'), 'utf8');
  app.use('/assets/*', async (c, next) => {
    await next();
    if (c.res.status === 200) c.header('cache-control', 'public, max-age=31536000, immutable');
  });
  app.use('*', serveStatic({ root: webRoot }));
  // A missing hashed asset is a 404, not the SPA page (a stale tab after a deploy must not get HTML).
  app.get('/assets/*', (c) => c.text('Not found', 404));
  app.get('*', (c) => c.html(index, 200, { 'cache-control': 'no-cache' }));
}
