import type { MiddlewareHandler } from 'hono';
import { AppError } from './errors';
import type { AppEnv } from './http';

/**
 * A lone UTF-16 surrogate. With the `u` flag a correctly paired surrogate is one code point
 * outside this range, so only broken halves match (what `String.prototype.isWellFormed` checks).
 */
const LONE_SURROGATE = /[\ud800-\udfff]/u;

/** Does this string hold a lone surrogate (text PostgreSQL cannot store as it was sent)? */
export const isMalformedText = (s: string) => LONE_SURROGATE.test(s);

/**
 * The dotted path (as in field errors; `_` for the value itself) of the first string or key in a
 * parsed JSON value that is not well-formed Unicode, or null. Iterative: nesting depth is the
 * caller's to choose.
 */
export function findMalformedText(value: unknown): string | null {
  const stack: [unknown, string[]][] = [[value, []]];
  while (stack.length > 0) {
    const [v, path] = stack.pop() as [unknown, string[]];
    if (typeof v === 'string') {
      if (isMalformedText(v)) return path.join('.') || '_';
    } else if (Array.isArray(v)) {
      v.forEach((item, i) => {
        stack.push([item, [...path, String(i)]]);
      });
    } else if (v !== null && typeof v === 'object') {
      for (const [key, item] of Object.entries(v)) {
        if (isMalformedText(key)) return [...path, key].join('.');
        stack.push([item, [...path, key]]);
      }
    }
  }
  return null;
}

/** A URL component decoded, or null when its escapes are not UTF-8. */
function decodeOrNull(component: string): string | null {
  try {
    return decodeURIComponent(component.replaceAll('+', ' '));
  } catch {
    return null;
  }
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
const malformed = (field: string) =>
  new AppError('bad_request', 'error.bad_request', { [field]: ['v.malformedText'] });

/**
 * Refuses any request whose JSON body, query string or path holds text that is not well-formed
 * (bytes that are not UTF-8, lone surrogates), before any route or better-auth sees it: such text
 * is either a 500 in a jsonb column or silently becomes U+FFFD in a text column (decision 024).
 * The body is read from a clone, so the route (or better-auth's own handler) still reads it.
 */
export const rejectMalformedText: MiddlewareHandler<AppEnv> = async (c, next) => {
  // Percent-escapes that are not UTF-8 (`%ED%A0%80`, `%FF`) would otherwise reach a route
  // undecoded, or as U+FFFD through URLSearchParams.
  const url = new URL(c.req.url);
  if (decodeOrNull(url.pathname) === null) throw malformed('_');
  for (const pair of url.search.slice(1).split('&')) {
    const [rawKey = '', rawValue = ''] = pair.split(/=(.*)/s);
    const key = decodeOrNull(rawKey);
    if (key === null) throw malformed(rawKey);
    if (decodeOrNull(rawValue) === null) throw malformed(key);
  }
  const type = c.req.header('content-type') ?? '';
  if (c.req.raw.body && /^application\/([\w.+-]*\+)?json/i.test(type)) {
    const bytes = await c.req.raw.clone().arrayBuffer();
    let text: string;
    try {
      text = utf8.decode(bytes);
    } catch {
      throw malformed('_');
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      // Not JSON: the route's validator answers with its usual 400.
      return next();
    }
    const at = findMalformedText(parsed);
    if (at !== null) throw malformed(at);
  }
  await next();
};
