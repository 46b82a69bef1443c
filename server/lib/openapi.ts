import { isDeepStrictEqual } from 'node:util';
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from './http';

/** The session cookie (better-auth, decision 003); `__Host-` prefixed in production. */
export const SESSION_COOKIE = 'kizuna.session_token';

const INFO = {
  title: 'Kizuna API',
  version: '0.1.0',
  description:
    'The alumni network API. Sign in with POST /api/auth/sign-in/email {email, password}; the session cookie authenticates every other call. Errors: {"error":{"code","message","fields"?}}.',
};

type Json = Record<string, unknown>;
type Document = Json & { paths: Record<string, Record<string, Json>>; components: Record<string, Json> };

const WRITE_METHODS = new Set(['post', 'put', 'patch', 'delete']);
const errorResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorBody' } } },
});
/** Answers any operation may give from the shared middleware, as components referenced by each. */
const SHARED_RESPONSES: Record<string, { status: string; response: Json }> = {
  BadRequest: { status: '400', response: errorResponse('Invalid input') },
  Unauthenticated: { status: '401', response: errorResponse('Not signed in') },
  NotFound: { status: '404', response: errorResponse('Not found or not visible') },
  ForbiddenOrigin: {
    status: '403',
    response: errorResponse(
      'A browser request from another origin, or a body that is not JSON (forbidden_origin)',
    ),
  },
  PayloadTooLarge: {
    status: '413',
    response: errorResponse('The body is over the size limit (payload_too_large)'),
  },
};

const documents = new WeakMap<object, () => Document>();

/**
 * Serves GET /api/openapi.json: the generated OpenAPI 3.1 document, finished so that clients can
 * use it (decision 026): valid patterns, the session-cookie security scheme (none on
 * `publicPaths`), an operationId per operation, ErrorBody and the shared error answers as
 * components, 403 and 413 on every write. Built once, on first use.
 */
export function serveApiDocument(app: OpenAPIHono<AppEnv>, publicPaths: readonly RegExp[]) {
  let cached: Document | undefined;
  const build = () => {
    cached ??= finishApiDocument(
      app.getOpenAPI31Document({ openapi: '3.1.0', info: INFO }) as unknown as Document,
      publicPaths,
    );
    return cached;
  };
  documents.set(app, build);
  app.get('/api/openapi.json', (c) => c.json(build()));
}

/** The document an app built with serveApiDocument serves (tests check answers against it). */
export function apiDocumentOf(app: object): Document | undefined {
  return documents.get(app)?.();
}

/** Post-processing of the generated document; exported for its unit test. */
export function finishApiDocument(doc: Document, publicPaths: readonly RegExp[]): Document {
  fixPatterns(doc);
  const components = doc.components;
  components.securitySchemes = {
    sessionCookie: {
      type: 'apiKey',
      in: 'cookie',
      name: SESSION_COOKIE,
      description: `Set by POST /api/auth/sign-in/email. In production the cookie is named __Host-${SESSION_COOKIE}.`,
    },
  };
  doc.security = [{ sessionCookie: [] }];

  // Every route spreads errorResponses (server/lib/http.ts), whose 401 carries ErrorBodySchema:
  // the generator wrote it inline everywhere; it becomes one component, referenced.
  const errorBody = Object.values(doc.paths)
    .flatMap((operations) => Object.values(operations))
    .map((op) => (op.responses as Record<string, Json>)['401']?.content as Json | undefined)
    .map((content) => (content?.['application/json'] as Json | undefined)?.schema)
    .find(Boolean);
  if (!errorBody) throw new Error('No operation documents the shared 401: ErrorBody not found');
  components.schemas = { ...(components.schemas as Json), ErrorBody: errorBody };
  replaceDeep(doc.paths, (node) =>
    isDeepStrictEqual(node, errorBody) ? { $ref: '#/components/schemas/ErrorBody' } : node,
  );
  components.responses = Object.fromEntries(
    Object.entries(SHARED_RESPONSES).map(([name, { response }]) => [name, response]),
  );
  const refFor = (status: string) => {
    const name = Object.keys(SHARED_RESPONSES).find((n) => SHARED_RESPONSES[n]?.status === status);
    return name ? { $ref: `#/components/responses/${name}` } : undefined;
  };

  const ids = new Set<string>();
  for (const [path, operations] of Object.entries(doc.paths)) {
    const samplePath = path.replace(/\{(\w+)\}/g, '$1');
    for (const [method, operation] of Object.entries(operations)) {
      const responses = operation.responses as Record<string, Json>;
      for (const [status, response] of Object.entries(responses)) {
        const shared =
          SHARED_RESPONSES[
            Object.keys(SHARED_RESPONSES).find((n) => SHARED_RESPONSES[n]?.status === status) ?? ''
          ];
        if (shared && isDeepStrictEqual(response, shared.response))
          responses[status] = refFor(status) as Json;
      }
      if (WRITE_METHODS.has(method)) {
        responses['403'] ??= refFor('403') as Json;
        responses['413'] ??= refFor('413') as Json;
      }
      if (publicPaths.some((re) => re.test(samplePath))) operation.security = [];
      operation.operationId ??= operationIdFor(method, path);
      const id = operation.operationId as string;
      if (ids.has(id)) throw new Error(`Duplicate operationId ${id} (${method.toUpperCase()} ${path})`);
      ids.add(id);
    }
  }
  return doc;
}

/**
 * A stable camelCase id from the method and path: `GET /api/members/{id}` → `getMembersById`,
 * `POST /api/hr-imports/{id}/start` → `postHrImportsByIdStart`.
 */
export function operationIdFor(method: string, path: string): string {
  const words = path
    .replace(/^\/api\//, '')
    .split('/')
    .flatMap((segment) => {
      const param = /^\{(\w+)\}$/.exec(segment);
      return param ? ['by', param[1] as string] : segment.split(/[^A-Za-z0-9]+/);
    })
    .filter(Boolean);
  return [method.toLowerCase(), ...words.map((w) => w[0]?.toUpperCase() + w.slice(1))].join('');
}

/**
 * zod-to-openapi writes `regex.toString()` minus the outer slashes, so a regex with flags leaves
 * them behind (`^[\p{Script=Hiragana}]*$/u`) and matches nothing. JSON Schema patterns are
 * ECMA-262 regexes evaluated with Unicode semantics, so the `u` flag is dropped; any other flag
 * (`i`, `s`, `m`, …) cannot be expressed and fails the build of the document instead of lying.
 */
function fixPatterns(doc: Json) {
  replaceDeep(doc, (node) => {
    if (typeof node.pattern !== 'string') return node;
    const flagged = /^(.*[^\\])\/([a-z]+)$/s.exec(node.pattern);
    if (!flagged) return node;
    const [, source, flags] = flagged as unknown as [string, string, string];
    if (flags !== 'u') throw new Error(`The pattern ${node.pattern} has flags JSON Schema cannot express`);
    return { ...node, pattern: source };
  });
}

/** Replaces every object node (depth first, the replacement not revisited) by `fn(node)`. */
function replaceDeep(value: unknown, fn: (node: Json) => Json): void {
  if (Array.isArray(value)) {
    value.forEach((item, i) => {
      if (item && typeof item === 'object') {
        const next = fn(item as Json);
        value[i] = next;
        if (next === item) replaceDeep(item, fn);
      }
    });
  } else if (value && typeof value === 'object') {
    const record = value as Json;
    for (const [key, item] of Object.entries(record)) {
      if (item && typeof item === 'object' && !Array.isArray(item)) {
        const next = fn(item as Json);
        record[key] = next;
        if (next === item) replaceDeep(item, fn);
      } else if (Array.isArray(item)) replaceDeep(item, fn);
    }
  }
}
