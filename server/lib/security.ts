import type { MiddlewareHandler } from 'hono';
import type { Env } from './env';
import { AppError } from './errors';
import type { AppEnv } from './http';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const UPLOAD_TYPES = ['application/json', 'text/csv', 'image/png', 'image/jpeg', 'image/webp'];

/**
 * CSRF defence for every state-changing API request (decision 003): a browser request must come
 * from one of our origins (Origin / Sec-Fetch-Site), and bodies must be JSON, which a cross-site
 * form cannot send without a CORS preflight we never grant. Non-browser clients send neither
 * header and are authenticated by their session cookie alone.
 */
export function originCheck(
  trustedOrigins: string[],
  options: {
    /**
     * Exact paths that are authenticated by a token in their URL rather than a session cookie
     * (e.g. RFC 8058 one-click unsubscribe: a mail provider POSTs a form body from its own
     * servers). A forged request must already know the token, so the origin proves nothing there.
     */
    tokenPaths?: readonly string[];
  } = {},
): MiddlewareHandler<AppEnv> {
  const trusted = new Set(trustedOrigins.map((o) => new URL(o).origin));
  const tokenPaths = new Set(options.tokenPaths ?? []);
  return async (c, next) => {
    if (!SAFE_METHODS.has(c.req.method) && !tokenPaths.has(c.req.path)) {
      const origin = c.req.header('origin');
      const site = c.req.header('sec-fetch-site');
      if (
        site === 'cross-site' ||
        (origin && origin !== 'null' && !trusted.has(origin)) ||
        origin === 'null'
      ) {
        throw new AppError('forbidden_origin');
      }
      const type = c.req.header('content-type') ?? '';
      const hasBody = Number(c.req.header('content-length') ?? 0) > 0 || c.req.header('transfer-encoding');
      // text/csv (HR uploads) and the logo's image types are, like JSON, not types a cross-site
      // form or simple request can send. A file upload (post media, profile photo) is
      // multipart/form-data, which a cross-site form can send: it is accepted only from a request
      // that proved it comes from our own page — a trusted Origin, or Sec-Fetch-Site same-origin.
      const provenSameOrigin = (origin !== undefined && trusted.has(origin)) || site === 'same-origin';
      const allowed =
        UPLOAD_TYPES.some((t) => type.startsWith(t)) ||
        (type.startsWith('multipart/form-data') && provenSameOrigin);
      if (hasBody && !allowed) {
        throw new AppError('bad_request');
      }
    }
    await next();
  };
}

/** The Vite dev server (`npm run dev`), which proxies /api to the API server. */
export const VITE_DEV_PORT = 5173;

/**
 * The origins the app accepts state-changing requests and sign-ins from: BASE_URL, and in
 * development every loopback spelling (localhost, 127.0.0.1, [::1]) of the server's port and of
 * the Vite dev port — the same machine, whichever address the developer typed.
 */
export function trustedOriginsFor(env: Pick<Env, 'BASE_URL' | 'NODE_ENV' | 'PORT'>): string[] {
  const origins = [new URL(env.BASE_URL).origin];
  if (env.NODE_ENV === 'development') {
    for (const port of [env.PORT, VITE_DEV_PORT]) {
      for (const host of ['localhost', '127.0.0.1', '[::1]']) origins.push(`http://${host}:${port}`);
    }
  }
  return [...new Set(origins)];
}
