import { hash, verify } from '@node-rs/argon2';
import { betterAuth } from 'better-auth';
import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import type { Db } from '#server/db/client';
import * as schema from '#server/db/schema/index';
import type { Env } from '#server/lib/env';
import type { Logger } from '#server/lib/logger';

export const CLIENT_IP_HEADER = 'x-kizuna-client-ip';

/** How long better-auth trusts its signed session cookie before reading the session again. */
export const SESSION_COOKIE_CACHE_SECONDS = 60;

/** Argon2id with the library's defaults (m=19 MiB, t=2, p=1: OWASP's minimum). */
export const hashPassword = (password: string) => hash(password);
export const verifyPassword = ({ hash: digest, password }: { hash: string; password: string }) =>
  verify(digest, password);

/**
 * better-auth owns sign-in, sessions and cookies (decision 003). Sign-up is disabled: members
 * join only through an invitation (server/features/invitations).
 */
export function createAuth({
  db,
  env,
  logger,
  trustedOrigins,
}: {
  db: Db;
  env: Env;
  logger: Logger;
  trustedOrigins: string[];
}) {
  const isProduction = env.NODE_ENV === 'production';
  return betterAuth({
    appName: 'Kizuna',
    baseURL: env.BASE_URL,
    basePath: '/api/auth',
    secret: env.AUTH_SECRET,
    trustedOrigins,
    telemetry: { enabled: false },
    logger: { log: (level, message) => logger[level](`auth: ${message}`) },
    database: drizzleAdapter(db, {
      provider: 'pg',
      schema: {
        user: schema.users,
        session: schema.sessions,
        account: schema.accounts,
        verification: schema.verifications,
      },
    }),
    emailAndPassword: {
      enabled: true,
      disableSignUp: true,
      minPasswordLength: 12,
      password: { hash: hashPassword, verify: verifyPassword },
    },
    user: {
      additionalFields: {
        role: { type: 'string', input: false, required: true },
        locale: { type: 'string', input: false, required: false },
        status: { type: 'string', input: false, required: false },
      },
    },
    session: {
      expiresIn: 60 * 60 * 24 * 14,
      updateAge: 60 * 60 * 24,
      // A signed copy of the session in a second cookie spares the session and user reads on
      // most requests (decision 005, 2026-11-24, later). It is never trusted alone: the API's middleware
      // re-reads the user and checks that the session still exists in one statement (findViewer),
      // so sign-out, revocation and deactivation still take effect at once.
      // Encrypted (JWE): the copy holds the member's email and the session's address and browser,
      // which a cookie readable by anyone who sees the request must not show (decision 025).
      cookieCache: { enabled: true, maxAge: SESSION_COOKIE_CACHE_SECONDS, strategy: 'jwe' },
    },
    // The app limits every auth endpoint itself, per address and per account, with Retry-After
    // (auth.gateway.ts); better-auth's own limiter knows neither accounts nor trusted proxies.
    rateLimit: { enabled: false },
    advanced: {
      useSecureCookies: isProduction,
      // The gateway sets this header to the client address (socket, or a trusted proxy's
      // X-Forwarded-For): it is what sessions record as their address.
      ipAddress: { ipAddressHeaders: [CLIENT_IP_HEADER] },
      cookiePrefix: 'kizuna',
      // In production the session cookie is `__Host-`: Secure, Path=/, no Domain — it cannot be
      // set or overwritten by a sibling sub-domain.
      cookies: isProduction ? { session_token: { name: '__Host-kizuna.session_token' } } : undefined,
      defaultCookieAttributes: { httpOnly: true, sameSite: 'lax', path: '/' },
    },
  });
}

export type Auth = ReturnType<typeof createAuth>;
