import type { Context } from 'hono';
import type { Db } from '#server/db/client';
import { type Auth, CLIENT_IP_HEADER } from '#server/lib/auth';
import { clientAddress } from '#server/lib/client-address';
import type { Env } from '#server/lib/env';
import type { AppEnv } from '#server/lib/http';
import { rateLimiter } from '#server/lib/rate-limit';

/** Each better-auth endpoint but sign-in, per client address: generous for a person, tight for a script. */
export const AUTH_ADDRESS_LIMIT = { max: 100, windowMs: 60_000 };
/** Failed sign-ins per account are counted over this window (SIGN_IN_ACCOUNT_RATE_LIMIT of them). */
export const SIGN_IN_ACCOUNT_WINDOW_MS = 15 * 60_000;

const SIGN_IN_PATH = '/api/auth/sign-in/email';
/** Answers that would hand the session token to script: it lives in an HttpOnly cookie only. */
const TOKEN_BEARING = new Set([SIGN_IN_PATH, '/api/auth/get-session']);

/** The email a sign-in tries, normalised as the users table stores it; undefined when unreadable. */
async function triedEmail(request: Request): Promise<string | undefined> {
  try {
    const body: unknown = await request.clone().json();
    const email = (body as { email?: unknown } | null)?.email;
    return typeof email === 'string' ? email.trim().toLowerCase() : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The door to better-auth (decision 025). Rate limits are the app's own, per client address
 * (taken from the socket, or from X-Forwarded-For when the peer is a trusted proxy) and, for
 * sign-in, per account as well: behind one proxy each person still has their own address budget,
 * and no address — nor many addresses — can keep guessing one member's password. A successful
 * sign-in gives its account attempt back. The session token is removed from every JSON answer.
 */
export function authGateway(auth: Auth) {
  return async (c: Context<AppEnv>) => {
    const { clock, env } = c.var.deps;
    const now = clock.now();
    const address = clientAddress(c);
    const { db } = c.var.deps;
    const isSignIn = c.req.method === 'POST' && c.req.path === SIGN_IN_PATH;
    // In-process requests (tests without a socket) have no address to count. Sign-in has its own
    // (configurable) address limit below; every other endpoint its own window per address.
    if (address && !isSignIn) {
      await rateLimiter({ db, env }, 'auth-address', AUTH_ADDRESS_LIMIT).take(
        `${address} ${c.req.path}`,
        now,
      );
    }

    let accountKey: string | undefined;
    if (isSignIn) {
      if (address) {
        await rateLimiter({ db, env }, 'sign-in-address', {
          max: env.SIGN_IN_RATE_LIMIT,
          windowMs: 60_000,
        }).take(address, now);
      }
      accountKey = await triedEmail(c.req.raw);
      if (accountKey) await signInAccountLimiter({ db, env }).take(accountKey, now);
    }

    const headers = new Headers(c.req.raw.headers);
    headers.delete(CLIENT_IP_HEADER);
    if (address) headers.set(CLIENT_IP_HEADER, address);
    const response = await auth.handler(new Request(c.req.raw, { headers }));

    if (accountKey && response.ok) {
      await signInAccountLimiter({ db, env }).refund(accountKey, now);
    }
    return TOKEN_BEARING.has(c.req.path) ? withoutToken(response) : response;
  };
}

const signInAccountLimiter = (deps: { db: Db; env: Env }) =>
  rateLimiter(deps, 'sign-in-account', {
    max: deps.env.SIGN_IN_ACCOUNT_RATE_LIMIT,
    windowMs: SIGN_IN_ACCOUNT_WINDOW_MS,
  });

/** The same answer without `token` and `session.token`; cookies and status untouched. */
async function withoutToken(response: Response): Promise<Response> {
  if (!(response.headers.get('content-type') ?? '').includes('application/json')) return response;
  const body: unknown = await response.json();
  if (body && typeof body === 'object') {
    const record = body as { token?: unknown; session?: { token?: unknown } | null };
    delete record.token;
    if (record.session && typeof record.session === 'object') delete record.session.token;
  }
  const headers = new Headers(response.headers);
  headers.delete('content-length');
  return new Response(JSON.stringify(body), { status: response.status, headers });
}
