import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import formats from 'ajv-formats';
import { apiDocumentOf } from '#server/lib/openapi';

/**
 * Every answer an API test receives through `requestAs` is checked against the OpenAPI document
 * the app serves (decision 026): the operation must exist, the status must be documented for it,
 * and a JSON body must match the documented schema. A mismatch throws, failing the test, so the
 * document cannot drift from the code.
 */

/** Paths outside the document on purpose: better-auth's own endpoints, health, the docs themselves. */
const UNDOCUMENTED_PATHS = [
  /^\/api\/auth\//,
  /^\/api\/health$/,
  /^\/api\/openapi\.json$/,
  /^\/api\/docs(\/|$)/,
];

/**
 * Known drift, not yet fixed: `METHOD path-template status` → why. Each entry is reported by the
 * conformance test (tests/openapi-conformance.test.ts) so it cannot be forgotten. Keep it empty.
 */
export const KNOWN_DRIFT: Record<string, string> = {};

type Json = Record<string, unknown>;
type Doc = { paths: Record<string, Record<string, Json>>; components: Json };
interface Checker {
  doc: Doc;
  ajv: Ajv2020;
  routes: { template: string; re: RegExp; params: number }[];
  validators: Map<string, ValidateFunction>;
}

const DOC_ID = 'kizuna-openapi';
const checkers = new Map<string, Checker>();

function checkerFor(doc: Doc): Checker {
  const key = JSON.stringify(doc);
  let checker = checkers.get(key);
  if (!checker) {
    const ajv = new Ajv2020({ strict: false, allErrors: true, validateSchema: false });
    (formats as unknown as (a: Ajv2020) => void)(ajv);
    ajv.addSchema({ $id: DOC_ID, paths: doc.paths, components: doc.components });
    const routes = Object.keys(doc.paths).map((template) => ({
      template,
      re: new RegExp(`^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{\w+\}/g, '[^/]+')}$`),
      params: (template.match(/\{/g) ?? []).length,
    }));
    // A literal segment wins over a parameter (`/api/jobs/fit` before `/api/jobs/{id}`), as in the router.
    routes.sort((a, b) => a.params - b.params);
    checker = { doc, ajv, routes, validators: new Map() };
    checkers.set(key, checker);
  }
  return checker;
}

const pointer = (...parts: string[]) =>
  parts.map((p) => p.replaceAll('~', '~0').replaceAll('/', '~1')).join('/');

function validatorFor(checker: Checker, ref: string) {
  let validate = checker.validators.get(ref);
  if (!validate) {
    validate = checker.ajv.compile({ $ref: `${DOC_ID}#/${ref}` });
    checker.validators.set(ref, validate);
  }
  return validate;
}

async function readBody(res: Response): Promise<string> {
  const data = Buffer.from(await res.clone().arrayBuffer());
  const encoding = res.headers.get('content-encoding');
  if (encoding === 'br') return brotliDecompressSync(data).toString('utf8');
  if (encoding === 'gzip') return gunzipSync(data).toString('utf8');
  return data.toString('utf8');
}

/** Throws when `res` (the answer to `method url`) does not conform to the app's OpenAPI document. */
export async function checkConformance(app: object, method: string, url: string, res: Response) {
  const path = new URL(url).pathname;
  if (!path.startsWith('/api/') || UNDOCUMENTED_PATHS.some((re) => re.test(path))) return;
  const doc = apiDocumentOf(app) as Doc | undefined;
  if (!doc) return;
  const checker = checkerFor(doc);
  const verb = method.toLowerCase() === 'head' ? 'get' : method.toLowerCase();
  const status = String(res.status);
  const route = checker.routes.find((r) => r.re.test(path) && checker.doc.paths[r.template]?.[verb]);
  const type = (res.headers.get('content-type') ?? '').split(';')[0]?.trim() ?? '';
  const fail = (what: string) => {
    const where = `${method.toUpperCase()} ${route?.template ?? path} ${status}`;
    if (KNOWN_DRIFT[where] !== undefined) return;
    throw new Error(`OpenAPI conformance: ${where}: ${what}`);
  };

  if (!route) {
    // No such operation: only the shared middleware's error answers are possible here.
    if (res.status < 400) return fail('answered by an operation the document does not list');
    if (type !== 'application/json') return fail(`an error answer of type ${type}`);
    const validate = validatorFor(checker, pointer('components', 'schemas', 'ErrorBody'));
    if (!validate(JSON.parse(await readBody(res)))) return fail(checker.ajv.errorsText(validate.errors));
    return;
  }
  const operation = checker.doc.paths[route.template]?.[verb] as Json;
  const responses = operation.responses as Record<string, Json>;
  let responseKey = status in responses ? status : 'default' in responses ? 'default' : undefined;
  if (!responseKey) return fail(`status not documented (documented: ${Object.keys(responses).join(', ')})`);
  let base = ['paths', route.template, verb, 'responses', responseKey];
  let response = responses[responseKey] as Json;
  const ref = response.$ref;
  if (typeof ref === 'string') {
    const name = ref.replace('#/components/responses/', '');
    response = (checker.doc.components.responses as Record<string, Json>)[name] as Json;
    base = ['components', 'responses', name];
    responseKey = name;
  }
  const content = response.content as Record<string, Json> | undefined;
  if (!content) {
    if (res.body && (await readBody(res)).length > 0) return fail('a body where the document has none');
    return;
  }
  if (!(type in content)) return fail(`content type ${type || '(none)'} not documented`);
  if (type !== 'application/json' || !content[type]?.schema) return;
  const body = JSON.parse(await readBody(res));
  const validate = validatorFor(checker, pointer(...base, 'content', type, 'schema'));
  if (!validate(body)) return fail(checker.ajv.errorsText(validate.errors, { dataVar: 'body' }));
}
