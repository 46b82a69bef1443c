import { createHmac } from 'node:crypto';
import type { Env } from './env';

/**
 * The key under which erasure_suppressions remembers an employee number or email of a person who
 * deleted their account: HMAC-SHA256 with the server secret, so the table holds no plain value and
 * cannot be reversed by guessing without the secret. Values are normalised first (NFKC, trimmed,
 * lower case) so "E00012" and "ｅ00012 " and "Ana@Example.com" / "ana@example.com" meet.
 */
export function suppressionHash(env: Pick<Env, 'AUTH_SECRET'>, value: string): string {
  const normalised = value.normalize('NFKC').trim().toLowerCase();
  return createHmac('sha256', env.AUTH_SECRET).update(normalised).digest('base64url');
}
