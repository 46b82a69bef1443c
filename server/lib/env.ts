import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { join, resolve } from 'node:path';
import { z } from 'zod';

/** Every variable the server reads, parsed once at start-up. `.env.example` lists them too. */
export const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  /** Interface to listen on; unset: 127.0.0.1 outside production (the demo passwords are public), 0.0.0.0 in production. */
  HOST: z.string().optional(),
  /** Public origin of the app, used in links and for the CSRF/origin check. */
  BASE_URL: z.url().optional(),
  /** postgres://… to use a real server; embedded PGlite when unset. */
  DATABASE_URL: z.string().startsWith('postgres').optional(),
  DATA_DIR: z.string().default('./data'),
  /** Secret for session signing; generated and kept in DATA_DIR when unset (not in production). */
  AUTH_SECRET: z.string().min(32).optional(),
  /** Size of the demo organisation seeded on first start. */
  SEED_MEMBERS: z.coerce.number().int().min(0).max(1_000_000).default(3000),
  /** smtp://user:pass@host:port — when unset, mail is logged, not sent. */
  SMTP_URL: z.string().startsWith('smtp').optional(),
  MAIL_FROM: z.string().default('Kizuna <no-reply@kizuna.local>'),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
  /** Sign-in attempts per minute per client address. */
  SIGN_IN_RATE_LIMIT: z.coerce.number().int().min(1).max(10_000).default(10),
  /** Failed sign-ins per account (the email tried) in 15 minutes, from any address. */
  SIGN_IN_ACCOUNT_RATE_LIMIT: z.coerce.number().int().min(1).max(10_000).default(10),
  /**
   * Reverse proxies (comma-separated IP addresses or CIDR ranges) whose X-Forwarded-For is
   * believed; empty: the client address is the socket's (decision 025).
   */
  TRUSTED_PROXIES: z
    .string()
    .default('')
    .transform((value, ctx) => {
      const entries = value
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
      for (const entry of entries) {
        if (!isAddressOrRange(entry)) {
          ctx.addIssue({ code: 'custom', message: `not an IP address or CIDR range: ${entry}` });
        }
      }
      return entries;
    }),
  /** Outgoing mail per second (the queue's rate limit for delivery). */
  MAIL_RATE_PER_SECOND: z.coerce.number().int().min(1).max(1000).default(10),
  INVITATION_TTL_DAYS: z.coerce.number().int().min(1).max(90).default(14),
  /** Largest HR CSV upload accepted (bytes); 200 MB by default. */
  IMPORT_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(200 * 1024 * 1024),
  /**
   * Applicant tracking system hand-off: candidates are POSTed here as JSON with
   * X-Kizuna-Timestamp (Unix seconds) and X-Kizuna-Signature: sha256=<hex HMAC-SHA256 of
   * "<timestamp>.<raw body>">; receivers should reject timestamps more than 5 minutes off and
   * dedupe on Idempotency-Key (the export id). Unset: outside production
   * the app's own development receiver (/api/dev/ats-inbox) is used; in production the webhook
   * button explains it is not configured and CSV export remains.
   */
  ATS_WEBHOOK_URL: z.url().optional(),
  ATS_WEBHOOK_SECRET: z.string().min(16).optional(),
});
export type EnvInput = z.input<typeof EnvSchema>;
export type Env = z.infer<typeof EnvSchema> & { BASE_URL: string; AUTH_SECRET: string; HOST: string };

/** `203.0.113.7`, `2001:db8::1`, `10.0.0.0/8` or `2001:db8::/32`. */
function isAddressOrRange(entry: string): boolean {
  const [address = '', prefix, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  const bits = Number(prefix);
  return /^\d+$/.test(prefix) && bits <= (family === 4 ? 32 : 128);
}

/** Outside production the server listens on loopback only: the seeded demo passwords are public. */
export const defaultHost = (nodeEnv: Env['NODE_ENV']) => (nodeEnv === 'production' ? '0.0.0.0' : '127.0.0.1');

export function parseEnv(source: Record<string, string | undefined> = process.env): Env {
  // An empty variable (`DATABASE_URL=` in a .env file or a compose file) means "unset".
  const given = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== ''));
  const result = EnvSchema.safeParse(given);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join('\n')}`);
  }
  const env = result.data;
  if (env.NODE_ENV === 'production' && !env.AUTH_SECRET) {
    throw new Error('Invalid environment:\n  AUTH_SECRET: required in production (32+ characters)');
  }
  return {
    ...env,
    HOST: env.HOST ?? defaultHost(env.NODE_ENV),
    BASE_URL: env.BASE_URL ?? `http://localhost:${env.PORT}`,
    AUTH_SECRET: env.AUTH_SECRET ?? localSecret(env.DATA_DIR),
  };
}

/** A per-installation secret kept beside the data, so sessions survive a restart. */
function localSecret(dataDir: string): string {
  const dir = resolve(dataDir);
  const file = join(dir, 'auth-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dir, { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

/** An env for tests and scripts: defaults plus overrides, with a fixed secret. */
export function testEnv(overrides: EnvInput = {}): Env {
  const env = EnvSchema.parse({ NODE_ENV: 'test', LOG_LEVEL: 'silent', ...overrides });
  return {
    ...env,
    HOST: env.HOST ?? defaultHost(env.NODE_ENV),
    BASE_URL: 'http://localhost:3000',
    AUTH_SECRET: 'test-secret-test-secret-test-secret-0123456789',
  };
}
