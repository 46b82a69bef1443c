import type { ErrorCode } from '#common/errors';

export const HTTP_STATUS: Record<ErrorCode, 400 | 401 | 403 | 404 | 409 | 413 | 429 | 500> = {
  bad_request: 400,
  unauthenticated: 401,
  forbidden_origin: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  rate_limited: 429,
  internal: 500,
};

/**
 * The one error type for anything a user can cause. `message` is a translation key
 * (server/lib/i18n.ts) or plain text; `fields` holds per-field keys or texts.
 */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string = `error.${code}`,
    readonly fields?: Record<string, string[]>,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const notFound = () => new AppError('not_found');

/**
 * An empty per-field message map. It has no prototype, so a field named after an Object method
 * (`constructor`, `__proto__`, `toString`…) is just another key (decision 024).
 */
export const emptyFieldMap = (): Record<string, string[]> => Object.create(null);
