import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '#common/roles';
import { signedIn } from '#tests/factories/index';
import { createTestApp, failOnConsoleError, type TestApp } from '#tests/setup';
import { isRoleGuard } from './http';

/**
 * Authorize before validating (decision 024): on a route only some roles may use, a caller
 * without the role gets the same 404 for a bad request as for a good one, never a 400 that
 * lists the route's fields. The routes are read from the app itself, so a new route is covered.
 */
failOnConsoleError();
let t: TestApp;
const cookies = new Map<Role, string>();
beforeAll(async () => {
  t = await createTestApp();
  for (const role of ROLES) cookies.set(role, (await signedIn(t, { role })).cookie);
});
afterAll(() => t.close());

const WRITE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Every guarded route of the app (Hono's `:param` paths), with the guard's own answer for a role:
 * the guard is run on a bare context, so the test never restates who may use what.
 */
function guardedRoutes(app: TestApp['app']) {
  const found = new Map<string, { method: string; path: string; allows: (role: Role) => Promise<boolean> }>();
  for (const r of app.routes) {
    if (!isRoleGuard(r.handler) || found.has(`${r.method} ${r.path}`)) continue;
    const guard = r.handler as unknown as (c: unknown, next: () => Promise<void>) => Promise<void>;
    const allows = (role: Role) =>
      guard({ var: { viewer: { id: 'x', role }, deps: { env: t.env } } }, async () => {}).then(
        () => true,
        () => false,
      );
    found.set(`${r.method} ${r.path}`, { method: r.method, path: r.path, allows });
  }
  return [...found.values()];
}

/** Does the OpenAPI document declare input (body, params or query) that a bad request can fail? */
function declaresInput(doc: Record<string, unknown>, method: string, path: string) {
  const paths = doc.paths as Record<
    string,
    Record<string, { requestBody?: unknown; parameters?: unknown[] }>
  >;
  const op = paths[path.replace(/:(\w+)(\{[^}]*\})?/g, '{$1}')]?.[method.toLowerCase()];
  return Boolean(op?.requestBody) || (op?.parameters?.length ?? 0) > 0;
}

describe('routes only some roles may use', () => {
  it('are guarded by onlyFor(can) on every route whose handler calls authorize(c, can) (source check)', () => {
    // A handler that refuses a role (`authorize(c, canX)`) after the validators would answer that
    // role's bad body with a 400 listing the fields: its route needs `onlyFor(canX)`, the same
    // predicate. The older styles (`if (!canX(viewer)) throw notFound()`, `requireHr(c)`) are gone.
    const root = join(import.meta.dirname, '../features');
    const missing: string[] = [];
    const oldStyle: string[] = [];
    let authorized = 0;
    for (const dir of readdirSync(root)) {
      const file = join(root, dir, `${dir}.routes.ts`);
      let source: string;
      try {
        source = readFileSync(file, 'utf8');
      } catch {
        continue;
      }
      const handlers = source.split(/\n\s*\.openapi\(/).slice(1);
      for (const handler of handlers) {
        const name = /^(\w+)/.exec(handler)?.[1] ?? '';
        if (
          /if \(!\w+\(viewer[^)]*\)[^)]*\) throw notFound\(\)/.test(handler) ||
          /\brequire(Hr|HrRecordsAccess)\(/.test(handler)
        )
          oldStyle.push(`${dir}: ${name}`);
        const can = /\bauthorize\(c, (\w+)\)/.exec(handler)?.[1];
        if (!can) continue;
        authorized += 1;
        const start = source.indexOf(`const ${name} = createRoute({`);
        const route = start < 0 ? '' : source.slice(start, source.indexOf('\n});', start));
        if (!new RegExp(`middleware: \\[?onlyFor\\(${can}\\)`).test(route))
          missing.push(`${dir}: ${name} (${can})`);
      }
    }
    expect(oldStyle).toEqual([]);
    expect(missing).toEqual([]);
    expect(authorized).toBeGreaterThan(60);
  });

  it('refuse a role without the right with a 404 before validating; the allowed roles get the 400', async () => {
    const doc = t.app.getOpenAPI31Document({ openapi: '3.1.0', info: { title: 'k', version: '0' } }) as never;
    const routes = guardedRoutes(t.app).filter((r) => WRITE.has(r.method));
    expect(routes.length).toBeGreaterThan(40);
    const problems: string[] = [];
    let refusedBadRequests = 0;
    let validatedBadRequests = 0;
    for (const { method, path, allows } of routes) {
      const url = path.replace(/:(\w+)(\{[^}]*\})?/g, 'not-an-id');
      // Fails every body schema (they are all objects) and every uuid parameter.
      const bad = {
        method,
        headers: { 'content-type': 'application/json' },
        body: '[1, {"constructor": 1}]',
      };
      const anonymous = await t.request(url, bad);
      if (anonymous.status !== 401) problems.push(`${method} ${path} anonymous: ${anonymous.status}`);
      for (const role of ROLES) {
        const res = await t.request(url, { ...bad, cookie: cookies.get(role) });
        const body = await res.json();
        const where = `${method} ${path} ${role}`;
        if (!(await allows(role))) {
          refusedBadRequests += 1;
          if (res.status !== 404 || body.error.fields)
            problems.push(`${where}: ${res.status} ${JSON.stringify(body)}`);
        } else if (res.status >= 500 || res.status === 401) {
          problems.push(`${where}: ${res.status}`);
        } else if (res.status === 400 && body.error.fields) {
          validatedBadRequests += 1;
        } else if (declaresInput(doc, method, path) && res.status === 200) {
          problems.push(`${where}: a bad request was accepted`);
        }
      }
    }
    expect(problems).toEqual([]);
    // The same bad requests do reach the validators for the roles that may use the routes.
    expect(refusedBadRequests).toBeGreaterThan(100);
    expect(validatedBadRequests).toBeGreaterThan(40);
  });

  it('an alumnus gets the same 404 for a bad body as for an empty one on every route closed to alumni', async () => {
    const routes = [];
    for (const r of guardedRoutes(t.app))
      if (WRITE.has(r.method) && !(await r.allows('alumni'))) routes.push(r);
    expect(routes.length).toBeGreaterThan(30);
    for (const { method, path } of routes) {
      const url = path.replace(/:(\w+)(\{[^}]*\})?/g, '00000000-0000-4000-8000-000000000000');
      const bad = await t.request(url, {
        method,
        cookie: cookies.get('alumni'),
        json: { title: 1, x: '\u0000' },
      });
      const empty = await t.request(url, { method, cookie: cookies.get('alumni') });
      expect([bad.status, empty.status]).toEqual([404, 404]);
      expect(await bad.json()).toEqual(await empty.json());
    }
  });
});
