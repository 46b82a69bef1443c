import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { secureHeaders } from 'hono/secure-headers';
import { DIGEST_UNSUBSCRIBE_PATH } from '#common/digest';
import type { Db } from './db/client';
import { accountRoutes } from './features/account/account.routes';
import { adviceRoutes } from './features/advice/advice.routes';
import { authGateway } from './features/auth/auth.gateway';
import { authRoutes } from './features/auth/auth.routes';
import { BRANDING_LOGO_UPLOAD_PATH, brandingRoutes } from './features/branding/branding.routes';
import { careersRoutes } from './features/careers/careers.routes';
import { commentsRoutes } from './features/comments/comments.routes';
import { connectionsRoutes } from './features/connections/connections.routes';
import { consentsRoutes } from './features/consents/consents.routes';
import { digestRoutes } from './features/digest/digest.routes';
import { invalidateOnWrite } from './features/directory/directory.cache';
import { directoryRoutes } from './features/directory/directory.routes';
import { eventsRoutes } from './features/events/events.routes';
import { eventAttendanceRoutes } from './features/events/attendance.routes';
import { exitProposalsRoutes } from './features/exit-proposals/exit-proposals.routes';
import { exitSurveyRoutes } from './features/exit-survey/exit-survey.routes';
import { exitsRoutes } from './features/exits/exits.routes';
import { freshnessRoutes } from './features/freshness/freshness.routes';
import { groupsRoutes } from './features/groups/groups.routes';
import { homeRoutes } from './features/home/home.routes';
import { HR_IMPORT_UPLOAD_PATH, hrRecordsRoutes } from './features/hr-records/hr-records.routes';
import { invitationsRoutes } from './features/invitations/invitations.routes';
import { jobAlertsRoutes } from './features/job-alerts/job-alerts.routes';
import { jobsRoutes } from './features/jobs/jobs.routes';
import { mailRoutes } from './features/mail/mail.routes';
import { membersRoutes, PROFILE_PHOTO_PATH } from './features/members/members.routes';
import { findViewer } from './features/members/members.service';
import { messagingRoutes } from './features/messaging/messaging.routes';
import { moderationRoutes } from './features/moderation/moderation.routes';
import { notificationsRoutes } from './features/notifications/notifications.routes';
import { offboardingRoutes } from './features/offboarding/offboarding.routes';
import { pipelineRoutes } from './features/pipeline/pipeline.routes';
import { POST_MEDIA_UPLOAD_PATH, postsRoutes } from './features/posts/posts.routes';
import { activityTracker } from './features/privacy/activity';
import { privacyRoutes } from './features/privacy/privacy.routes';
import { referralsRoutes } from './features/referrals/referrals.routes';
import { returnInterestsRoutes } from './features/return-interests/return-interests.routes';
import { shareRedirect, sharingRoutes } from './features/sharing/sharing.routes';
import { suggestionsRoutes } from './features/suggestions/suggestions.routes';
import { verificationRoutes } from './features/verification/verification.routes';
import { domainHooks } from './hooks';
import { jobDefinitions } from './jobs';
import { createAuth } from './lib/auth';
import { type Clock, systemClock } from './lib/clock';
import type { Env } from './lib/env';
import { AppError } from './lib/errors';
import { type AppEnv, errorResponse } from './lib/http';
import { localeFromHeader } from './lib/i18n';
import { createLogger, type Logger } from './lib/logger';
import { createMailer, type Mailer } from './lib/mail';
import type { MailCatcher } from './lib/mail-catcher';
import { serveApiDocument } from './lib/openapi';
import type { Queue } from './lib/queue';
import { originCheck, trustedOriginsFor } from './lib/security';
import {
  compressJson,
  loadStaticFile,
  loadStaticFolder,
  noStoreByDefault,
  sendStaticFile,
} from './lib/transfer';
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

const AUTH_ENDPOINTS = ['/api/auth/sign-in/email', '/api/auth/sign-out', '/api/auth/get-session'];

/** Paths reachable without signing in: login (better-auth), invitation acceptance, health. */
const PUBLIC_API = [
  /^\/api\/auth\//,
  /^\/api\/health$/,
  /^\/api\/whoami$/,
  /^\/api\/invitations\/accept\//,
  /^\/api\/join-requests$/,
  /^\/api\/freshness\/confirm$/,
  /^\/api\/referral-consent\//,
  // One-click unsubscribe from the digest (RFC 8058): the token in the link is the authority.
  /^\/api\/digest\/unsubscribe$/,
  /^\/api\/account\/password-reset(\/request)?$/,
  // The organisation's name and logo: mail and signed-out pages show them (decision 027).
  /^\/api\/branding$/,
  /^\/api\/branding\/logo\.png$/,
  // Authenticated by its HMAC signature; not mounted in production (decision 017).
  /^\/api\/dev\/ats-inbox$/,
  // A member's calendar feed: calendar apps carry no session; the secret token in the path is the authority.
  /^\/api\/calendar\/[A-Za-z0-9_-]+\.ics$/,
];

/** Every feature off (decision 026); `interest-cohort` is left out: browsers now log it as unknown. */
const PERMISSIONS_POLICY = Object.fromEntries(
  [
    'accelerometer',
    'browsingTopics',
    'camera',
    'displayCapture',
    'geolocation',
    'gyroscope',
    'hid',
    'magnetometer',
    'microphone',
    'midi',
    'payment',
    'serial',
    'usb',
  ].map((feature) => [feature, [] as string[]]),
);

/**
 * The host's check-in page scans QR codes with the camera (issue 13 §4): that document, of this
 * origin only, may use it (decision 026 amended). The SPA opens it as a new document.
 */
const CAMERA_PAGE = /^\/events\/[^/]+\/check-in$/;

/** Builds the whole application. Never listens: server/index.ts does, tests call `app.request`. */
export function createApp(options: AppOptions) {
  const { db, env } = options;
  const logger = options.logger ?? createLogger(env.LOG_LEVEL);
  const clock = options.clock ?? systemClock;
  const mailer = options.mailer ?? createMailer({ smtpUrl: env.SMTP_URL, from: env.MAIL_FROM, logger });
  const trustedOrigins = trustedOriginsFor(env);
  const auth = createAuth({ db, env, logger, trustedOrigins });
  const deps = {
    db,
    env,
    clock,
    mailer,
    logger,
    auth,
    queue: options.queue,
    hooks: domainHooks(),
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
  // Runs after secureHeaders on the way out: the one page that may use the camera.
  app.use('*', async (c, next) => {
    await next();
    if (!CAMERA_PAGE.test(c.req.path)) return;
    const policy = c.res.headers.get('permissions-policy');
    if (policy) c.res.headers.set('permissions-policy', policy.replace('camera=()', 'camera=(self)'));
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
        baseUri: ["'none'"],
        formAction: ["'self'"],
      },
      // Nothing in Kizuna uses these powerful features; an injected script must not either.
      permissionsPolicy: PERMISSIONS_POLICY,
      strictTransportSecurity: env.NODE_ENV === 'production' ? 'max-age=63072000; includeSubDomains' : false,
    }),
  );
  app.use('/api/*', noStoreByDefault);
  app.use('/api/*', compressJson);
  const jsonBodyLimit = bodyLimit({
    maxSize: 1024 * 1024,
    onError: () => Promise.reject(new AppError('payload_too_large')),
  });
  // The HR CSV upload is streamed to disk under its own limit (IMPORT_MAX_BYTES); the logo upload
  // has its own limit too, answered as a field error.
  app.use('/api/*', (c, next) =>
    (c.req.method === 'POST' && c.req.path === HR_IMPORT_UPLOAD_PATH) ||
    (c.req.method === 'PUT' && c.req.path === BRANDING_LOGO_UPLOAD_PATH) ||
    (c.req.method === 'POST' && c.req.path === POST_MEDIA_UPLOAD_PATH) ||
    (c.req.method === 'PUT' && PROFILE_PHOTO_PATH.test(c.req.path))
      ? next()
      : jsonBodyLimit(c, next),
  );
  app.use('/api/*', originCheck(trustedOrigins, { tokenPaths: [DIGEST_UNSUBSCRIBE_PATH] }));
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
  // deletion, its own password endpoints) stays closed: passwords and sessions are the account
  // feature's (decision 025). The gateway rate-limits and keeps the session token out of bodies.
  app.on(['GET', 'POST'], AUTH_ENDPOINTS, authGateway(auth));
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
    .route('/api', groupsRoutes)
    .route('/api', returnInterestsRoutes)
    .route('/api', referralsRoutes)
    .route('/api', pipelineRoutes)
    .route('/api', jobAlertsRoutes)
    .route('/api', mailRoutes)
    .route('/api', digestRoutes)
    .route('/api', accountRoutes)
    .route('/api', brandingRoutes)
    .route('/api', homeRoutes)
    .route('/api', careersRoutes)
    .route('/api', notificationsRoutes)
    .route('/api', eventsRoutes)
    .route('/api', moderationRoutes)
    .route('/api', commentsRoutes)
    .route('/api', sharingRoutes)
    .route('/api', postsRoutes)
    .route('/api', adviceRoutes)
    .route('/api', suggestionsRoutes)
    .route('/api', messagingRoutes)
    .route('/api', connectionsRoutes)
    .route('/api', eventAttendanceRoutes);

  serveApiDocument(api, PUBLIC_API);
  mountApiDocs(app);

  app.all('/api/*', () => {
    throw new AppError('not_found');
  });
  // Personal share links (issue 11): public, no session, counts a click without its clicker.
  app.get('/s/:token', shareRedirect);
  if (options.webRoot && existsSync(join(options.webRoot, 'index.html'))) mountWeb(app, options.webRoot);
  return app;
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

/**
 * The single-page app: hashed assets cached for a year, every other path gets index.html. Both
 * are sent brotli or gzip when the client accepts it, from the variants the build wrote
 * (vite.config.ts, decision 026).
 */
function mountWeb(app: OpenAPIHono<AppEnv>, webRoot: string) {
  const index = loadStaticFile(join(webRoot, 'index.html'));
  const assetsDir = join(webRoot, 'assets');
  const assets = existsSync(assetsDir) ? loadStaticFolder(assetsDir) : new Map();
  app.get('/assets/*', (c) => {
    const file = assets.get(c.req.path.slice('/assets/'.length));
    // A missing hashed asset is a 404, not the SPA page (a stale tab after a deploy must not get HTML).
    if (!file) return c.text('Not found', 404);
    return sendStaticFile(c, file, 'public, max-age=31536000, immutable');
  });
  const sendIndex = (c: Context<AppEnv>) => sendStaticFile(c, index, 'no-cache');
  app.get('/', sendIndex);
  app.get('/index.html', sendIndex);
  app.use('*', serveStatic({ root: webRoot }));
  app.get('*', sendIndex);
}
