/** Postgres unique violation (23505), optionally on a named constraint, from either driver. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const e = (error as { cause?: unknown })?.cause ?? error;
  const err = e as { code?: string; constraint?: string; message?: string };
  if (err?.code !== '23505') return false;
  return !constraint || err.constraint === constraint || Boolean(err.message?.includes(constraint));
}

/**
 * Text PostgreSQL cannot store (a NUL character, 22021; or a character outside the encoding,
 * 22P05): the user's input, not our fault — answered as a 400, never a 500.
 */
export function isUnstorableText(error: unknown): boolean {
  const e = (error as { cause?: unknown })?.cause ?? error;
  const code = (e as { code?: string })?.code;
  return code === '22021' || code === '22P05';
}
