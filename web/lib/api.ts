import type { ErrorCode } from '#common/errors';
import { i18n } from '#web/i18n';

/** Codes better-auth answers with on /api/auth/* (its own error shape), plus ours. */
export type ApiErrorCode = ErrorCode | 'network' | (string & {});

/**
 * Every failed API call becomes one of these. `message` is already in the UI language for our own
 * endpoints (the server translates using Accept-Language); for better-auth endpoints `code` is its
 * upper-case code (INVALID_EMAIL_OR_PASSWORD, …) and the caller maps it to its own text.
 */
export class ApiError extends Error {
  readonly status: number;
  readonly code: ApiErrorCode;
  readonly fields: Record<string, string[]>;

  constructor(status: number, code: ApiErrorCode, message: string, fields: Record<string, string[]> = {}) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.fields = fields;
  }
}

export const isApiError = (e: unknown): e is ApiError => e instanceof ApiError;

interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  body?: unknown;
  signal?: AbortSignal;
}

export const currentLanguage = (): 'ja' | 'en' => (i18n.resolvedLanguage === 'en' ? 'en' : 'ja');

/** The one way the web talks to the server: JSON in, JSON out, errors as ApiError. */
export async function api<T>(
  path: string,
  { method = 'GET', body, signal }: RequestOptions = {},
): Promise<T> {
  const hasBody = method !== 'GET' && method !== 'DELETE';
  return send<T>(path, {
    method,
    headers: hasBody ? { 'content-type': 'application/json' } : {},
    body: hasBody ? JSON.stringify(body ?? {}) : undefined,
    signal,
  });
}

/**
 * A file sent as the raw request body (an HR export streamed to disk, a logo), not as JSON;
 * the answer is JSON like every other call.
 */
export async function upload<T>(
  path: string,
  file: Blob,
  { method = 'POST', contentType }: { method?: 'POST' | 'PUT'; contentType?: string } = {},
): Promise<T> {
  return send<T>(path, {
    method,
    headers: { 'content-type': contentType ?? (file.type || 'application/octet-stream') },
    body: file,
  });
}

/** A multipart form (a post's image or attachment): the browser sets the boundary. */
export async function uploadForm<T>(path: string, form: FormData, method: 'POST' | 'PUT' = 'POST'): Promise<T> {
  return send<T>(path, { method, headers: {}, body: form });
}

async function send<T>(
  path: string,
  {
    method,
    headers,
    body,
    signal,
  }: { method: string; headers: Record<string, string>; body?: BodyInit; signal?: AbortSignal },
): Promise<T> {
  let response: Response;
  try {
    response = await fetch(`/api${path}`, {
      method,
      headers: { accept: 'application/json', 'accept-language': currentLanguage(), ...headers },
      body,
      credentials: 'same-origin',
      signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, 'network', i18n.t('errors.network'));
  }

  const text = await response.text();
  let data: unknown = null;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = null;
    }
  }
  if (response.ok) return data as T;
  throw toApiError(response.status, data);
}

function toApiError(status: number, data: unknown): ApiError {
  if (data && typeof data === 'object') {
    // Our own shape: { error: { code, message, fields? } }
    const inner = (data as { error?: unknown }).error;
    if (inner && typeof inner === 'object' && 'code' in inner) {
      const e = inner as { code: string; message?: string; fields?: Record<string, string[]> };
      return new ApiError(status, e.code, e.message ?? i18n.t('errors.generic'), e.fields ?? {});
    }
    // better-auth's shape: { code, message } (English; callers map the code).
    const flat = data as { code?: unknown; message?: unknown };
    if (typeof flat.code === 'string') {
      return new ApiError(status, flat.code, typeof flat.message === 'string' ? flat.message : '');
    }
  }
  const code =
    status === 401
      ? 'unauthenticated'
      : status === 404
        ? 'not_found'
        : status === 429
          ? 'rate_limited'
          : 'internal';
  return new ApiError(status, code, i18n.t(status === 429 ? 'errors.rateLimited' : 'errors.generic'));
}
